//! A pack handed over as bytes (a chat upload): a single-file pack `.toml`, or a `.zip` of a
//! pack folder. The bytes are checked like files on disk (`decode_source`), then loaded with
//! [`load_sources`], so an upload is judged exactly as `debate-drill check` judges the same
//! files. A zip is read defensively: bounded entries and uncompressed size, whatever the
//! archive claims; no path may leave the folder; symbolic links are refused.

use std::io::{Cursor, Read};
use std::path::{Component, Path, PathBuf};

use super::limits::{MAX_FILE_BYTES, MAX_FILES};
use super::load::{Loaded, PACK_FILE, load_sources};
use crate::source::{Diagnostic, Diagnostics, SourceText, decode_source};

/// At most this many entries in an uploaded zip (files and folders alike).
pub const MAX_ZIP_ENTRIES: usize = 4 * MAX_FILES;
/// At most this many bytes once a zip's files are uncompressed, all together.
pub const MAX_UNZIPPED_BYTES: u64 = 4 * 1024 * 1024;

/// An upload's files, as text: the pack file first, then the position files by name.
#[derive(Debug, Clone)]
pub struct UploadedFiles {
    pub pack_file: SourceText,
    pub position_files: Vec<SourceText>,
}

impl UploadedFiles {
    /// Loads the pack, exactly as `check` loads the same files.
    pub fn load(&self) -> Loaded {
        load_sources(&self.pack_file, &self.position_files)
    }

    /// `(path, text)` of every file, the pack file first (for storing and loading again).
    pub fn files(&self) -> Vec<(String, String)> {
        std::iter::once(&self.pack_file)
            .chain(&self.position_files)
            .map(|s| (s.path.display().to_string(), s.text.clone()))
            .collect()
    }

    /// The files as [`UploadedFiles::files`] gave them.
    pub fn from_files(files: Vec<(String, String)>) -> Option<UploadedFiles> {
        let mut sources = files
            .into_iter()
            .map(|(path, text)| SourceText::new(path, text));
        let pack_file = sources.next()?;
        Some(UploadedFiles {
            pack_file,
            position_files: sources.collect(),
        })
    }
}

/// Reads an upload named `name`: a `.zip` of a pack folder, else a single-file pack.
pub fn read_upload(name: &str, bytes: Vec<u8>) -> Result<UploadedFiles, Diagnostics> {
    let is_zip = name.to_ascii_lowercase().ends_with(".zip") || bytes.starts_with(b"PK\x03\x04");
    if is_zip {
        return read_zip(name, &bytes);
    }
    let pack_file = decode_source(Path::new(name), bytes, MAX_FILE_BYTES).map_err(one)?;
    Ok(UploadedFiles {
        pack_file,
        position_files: Vec::new(),
    })
}

fn one(diagnostic: Diagnostic) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(diagnostic);
    diagnostics
}

fn read_zip(name: &str, bytes: &[u8]) -> Result<UploadedFiles, Diagnostics> {
    let whole = |message: String| one(Diagnostic::error(Path::new(name), None, message));
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| whole(format!("not a readable zip archive: {e}")))?;
    if archive.len() > MAX_ZIP_ENTRIES {
        return Err(whole(format!(
            "too many entries: {}, the limit is {MAX_ZIP_ENTRIES}",
            archive.len()
        )));
    }
    // Every entry's path, checked before anything is uncompressed.
    let mut entries: Vec<(usize, PathBuf)> = Vec::new();
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|e| whole(format!("a damaged entry: {e}")))?;
        let raw_name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        // An absolute or Windows path ("/pack.toml", "C:\\pack.toml") is not quietly made
        // relative: the archive was not made from a pack folder.
        let absolute = raw_name.starts_with('/') || raw_name.contains(['\\', ':']);
        let Some(path) = entry.enclosed_name().filter(|p| is_plain(p) && !absolute) else {
            return Err(whole(format!(
                "entry `{raw_name}` leads out of the pack's folder"
            )));
        };
        if entry.is_symlink() {
            return Err(whole(format!(
                "entry `{raw_name}` is a symbolic link; links are not accepted"
            )));
        }
        if entry.is_file() {
            if entries.iter().any(|(_, seen)| *seen == path) {
                return Err(whole(format!(
                    "entry `{raw_name}` appears twice in the archive; which one is meant?"
                )));
            }
            entries.push((index, path));
        }
    }
    // The pack folder: where the shallowest pack.toml is.
    let root = entries
        .iter()
        .map(|(_, path)| path)
        .filter(|path| path.file_name().is_some_and(|n| n == PACK_FILE))
        .min_by_key(|path| path.components().count())
        .and_then(|path| path.parent().map(Path::to_path_buf))
        .ok_or_else(|| whole(format!("no {PACK_FILE} in the archive")))?;
    let mut wanted: Vec<(usize, PathBuf)> = entries
        .into_iter()
        .filter(|(_, path)| {
            path.parent() == Some(root.as_path())
                && path.extension().is_some_and(|ext| ext == "toml")
        })
        .collect();
    wanted.sort_by(|a, b| a.1.cmp(&b.1));
    if wanted.len() > MAX_FILES {
        return Err(whole(format!(
            "too many files: {} TOML files, the limit is {MAX_FILES}",
            wanted.len()
        )));
    }
    let mut budget = MAX_UNZIPPED_BYTES;
    let mut pack_file = None;
    let mut position_files = Vec::new();
    let mut problems = Diagnostics::default();
    for (index, path) in wanted {
        let shown = Path::new(name).join(&path);
        let entry = archive
            .by_index(index)
            .map_err(|e| whole(format!("a damaged entry: {e}")))?;
        // Whatever the entry declares, read no more than the limits allow.
        let cap = MAX_FILE_BYTES.min(budget);
        let mut bytes = Vec::new();
        entry
            .take(cap + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| whole(format!("cannot uncompress `{}`: {e}", path.display())))?;
        if bytes.len() as u64 > budget {
            return Err(whole(format!(
                "uncompressed, the archive is over {MAX_UNZIPPED_BYTES} bytes"
            )));
        }
        budget -= bytes.len() as u64;
        match decode_source(&shown, bytes, MAX_FILE_BYTES) {
            Ok(source) if path.file_name().is_some_and(|n| n == PACK_FILE) => {
                pack_file = Some(source);
            }
            Ok(source) => position_files.push(source),
            Err(problem) => problems.push(problem),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(UploadedFiles {
        pack_file: pack_file.ok_or_else(|| whole(format!("no {PACK_FILE} in the archive")))?,
        position_files,
    })
}

/// Only plain names below the folder: no `..`, no root, no prefix.
fn is_plain(path: &Path) -> bool {
    path.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    const PACK: &str = include_str!("../../tests/data/good-packs/uniforms.toml");

    fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
        let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        for (name, bytes) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(bytes).unwrap();
        }
        writer.finish().unwrap().into_inner()
    }

    #[test]
    fn a_single_file_pack_loads_like_check() {
        let files = read_upload("uniforms.toml", PACK.as_bytes().to_vec()).unwrap();
        let loaded = files.load();
        assert!(loaded.pack.is_some(), "{}", loaded.diagnostics);
        let again = UploadedFiles::from_files(files.files()).unwrap();
        assert_eq!(again.files(), files.files());
    }

    #[test]
    fn a_zipped_folder_loads_from_its_pack_file() {
        let bytes = zip_of(&[
            ("uniforms/pack.toml", PACK.as_bytes()),
            ("uniforms/README.md", &b"not a pack file"[..]),
        ]);
        let files = read_upload("uniforms.zip", bytes).unwrap();
        assert!(files.load().pack.is_some());
        assert_eq!(
            files.pack_file.path,
            Path::new("uniforms.zip/uniforms/pack.toml")
        );
    }

    #[test]
    fn paths_out_of_the_folder_are_refused() {
        let bytes = zip_of(&[
            ("pack.toml", PACK.as_bytes()),
            ("../evil.toml", &b"x = 1"[..]),
        ]);
        let problems = read_upload("p.zip", bytes).unwrap_err().to_string();
        assert!(
            problems.contains("leads out of the pack's folder"),
            "{problems}"
        );
    }

    #[test]
    fn absolute_and_windows_entry_names_are_refused_not_made_relative() {
        for name in ["/pack.toml", "C:\\pack.toml", "packs\\pack.toml"] {
            let bytes = zip_of(&[(name, PACK.as_bytes())]);
            let problems = read_upload("p.zip", bytes).unwrap_err().to_string();
            assert!(
                problems.contains("leads out of the pack's folder"),
                "{name}: {problems}"
            );
        }
    }

    #[test]
    fn two_entries_of_one_name_are_refused() {
        // A zip writer refuses one name twice; two spellings of one path get through.
        let bytes = zip_of(&[
            ("dir/pack.toml", PACK.as_bytes()),
            ("dir//pack.toml", &b"id = \"other\""[..]),
        ]);
        let problems = read_upload("p.zip", bytes).unwrap_err().to_string();
        assert!(problems.contains("appears twice"), "{problems}");
    }

    #[test]
    fn a_zip_bomb_is_cut_at_the_limit() {
        let big = vec![b'a'; (MAX_FILE_BYTES + 10) as usize];
        let bytes = zip_of(&[("pack.toml", &big)]);
        let problems = read_upload("p.zip", bytes).unwrap_err().to_string();
        assert!(problems.contains("too large"), "{problems}");
    }

    #[test]
    fn errors_carry_line_and_column() {
        let broken = PACK.replacen("motion =", "motoin =", 1);
        let files = read_upload("broken.toml", broken.into_bytes()).unwrap();
        let loaded = files.load();
        assert!(loaded.pack.is_none());
        assert!(loaded.diagnostics.to_string().starts_with("broken.toml:"));
    }
}
