//! Hot reload of the bundled packs: the packs folder is looked at every few seconds; when a
//! file changed, the whole library is loaded again and, only if it has no errors, swapped in
//! at once. A broken change is logged and the previous packs keep serving.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::drill::Engine;
use crate::pack::load_library;

/// How often the folder is looked at.
const POLL: Duration = Duration::from_secs(2);
/// How deep below the packs folder files are looked at (a folder of pack folders).
const DEPTH: usize = 3;

/// What the folder holds: each file's path, size and modification time.
type Fingerprint = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// Watches `dir` until the process ends.
pub async fn watch(dir: PathBuf, engine: Arc<Engine>) {
    let mut last = fingerprint(&dir);
    loop {
        tokio::time::sleep(POLL).await;
        let now = fingerprint(&dir);
        if now == last {
            continue;
        }
        last = now;
        let folder = dir.clone();
        let loaded = tokio::task::spawn_blocking(move || load_library(&folder)).await;
        let Ok((packs, diagnostics)) = loaded else {
            continue;
        };
        if diagnostics.has_errors() {
            tracing::error!(
                dir = %dir.display(),
                "the changed packs have errors; the previous packs keep serving:\n{diagnostics}"
            );
            continue;
        }
        let ids: Vec<String> = packs.iter().map(|p| p.id.clone()).collect();
        engine.replace_bundled(packs.into_iter().map(Arc::new).collect());
        tracing::info!(packs = ?ids, "packs reloaded from {}", dir.display());
    }
}

fn fingerprint(dir: &Path) -> Fingerprint {
    let mut files = Vec::new();
    collect(dir, DEPTH, &mut files);
    files.sort();
    files
}

fn collect(path: &Path, depth: usize, files: &mut Fingerprint) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.is_file() {
        files.push((path.to_path_buf(), meta.len(), meta.modified().ok()));
    } else if meta.is_dir()
        && depth > 0
        && let Ok(entries) = std::fs::read_dir(path)
    {
        for entry in entries.flatten() {
            collect(&entry.path(), depth - 1, files);
        }
    }
}
