//! Keeping the packs this process serves in step with the store, which other processes
//! sharing it may change: an instructor's upload, removal or new default in one process is
//! served by every other within [`POLL`]. Each process reads the registry's version (one row)
//! and, when it has moved, loads what changed, checked as on upload, and swaps it in whole.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::Arc;
use std::time::Duration;

use super::commands::DEFAULT_SETTING;
use crate::drill::Engine;
use crate::pack::{Pack, UploadedFiles};
use crate::store::{ScopedPackRecord, StoreError};

/// How often the registry's version is read.
pub const POLL: Duration = Duration::from_secs(2);

/// What this process serves of the stored packs: each (scope, id) with a digest of its files.
#[derive(Default)]
pub struct PackSync {
    served: HashMap<(String, String), u64>,
    version: Option<i64>,
}

impl PackSync {
    /// Serves what the store holds now, if its version moved since the last look (always, the
    /// first time). A stored pack that no longer loads is logged and left out.
    pub async fn catch_up(&mut self, engine: &Engine) -> Result<(), StoreError> {
        let store = engine.store();
        let version = store.registry_version().await?;
        if self.version == Some(version) {
            return Ok(());
        }
        let records = store.scoped_packs().await?;
        let defaults: HashMap<String, String> = store
            .settings_named(DEFAULT_SETTING)
            .await?
            .into_iter()
            .collect();

        let mut stored = HashMap::new();
        let mut installs = Vec::new();
        for record in records {
            let key = (record.scope.clone(), record.pack_id.clone());
            let digest = digest(&record.files_json);
            stored.insert(key.clone(), digest);
            if self.served.get(&key) == Some(&digest) {
                continue;
            }
            match load(&record) {
                Some(pack) => installs.push((record.scope, Arc::new(pack))),
                None => tracing::error!(
                    scope = %record.scope,
                    pack = %record.pack_id,
                    "a stored pack no longer loads; it is not served"
                ),
            }
        }
        // Against what the engine serves, not what this sync loaded: a pack uploaded through
        // this process and removed through another before the next look is removed here too.
        let removals: Vec<(String, String)> = engine
            .scoped_pack_ids()
            .into_iter()
            .filter(|key| !stored.contains_key(key))
            .collect();
        if !installs.is_empty() || !removals.is_empty() {
            tracing::info!(
                installed = installs.len(),
                removed = removals.len(),
                version,
                "serving the stored packs as they are now"
            );
        }
        engine.update_scoped(installs, &removals, defaults);
        self.served = stored;
        self.version = Some(version);
        Ok(())
    }

    /// Catches up every [`POLL`] for as long as the process runs.
    pub async fn follow(mut self, engine: Arc<Engine>) {
        let mut every = tokio::time::interval(POLL);
        every.tick().await;
        loop {
            every.tick().await;
            if let Err(error) = self.catch_up(&engine).await {
                tracing::error!(%error, "could not read the stored packs");
            }
        }
    }
}

fn load(record: &ScopedPackRecord) -> Option<Pack> {
    let files = serde_json::from_str(&record.files_json)
        .ok()
        .and_then(UploadedFiles::from_files)?;
    files.load().pack
}

fn digest(files_json: &str) -> u64 {
    let mut hasher = DefaultHasher::new();
    files_json.hash(&mut hasher);
    hasher.finish()
}
