//! Packs uploaded into a scope (a server): their files as text, loaded again at start, and the
//! version of everything the pack registry is built from (these packs and the settings), which
//! goes up after each change so that every process sharing the store notices it.

use super::{Store, StoreError};

/// A stored pack: where it is served, its id, and its files (`files_json`, opaque here).
#[derive(Debug, Clone, PartialEq)]
pub struct ScopedPackRecord {
    pub scope: String,
    pub pack_id: String,
    pub files_json: String,
    pub uploaded_by: String,
    pub uploaded_ms: i64,
}

impl Store {
    /// Stores (or replaces) `scope`'s pack `pack_id`.
    pub async fn save_scoped_pack(
        &self,
        scope: &str,
        pack_id: &str,
        files_json: &str,
        uploaded_by: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO scoped_packs (scope, pack_id, files_json, uploaded_by, uploaded_ms)
             VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (scope, pack_id) DO UPDATE
             SET files_json = excluded.files_json, uploaded_by = excluded.uploaded_by,
                 uploaded_ms = excluded.uploaded_ms",
        )
        .bind(scope)
        .bind(pack_id)
        .bind(files_json)
        .bind(uploaded_by)
        .bind(self.now())
        .execute(&self.pool)
        .await?;
        self.registry_changed().await
    }

    /// Every stored pack of every scope.
    pub async fn scoped_packs(&self) -> Result<Vec<ScopedPackRecord>, StoreError> {
        let rows: Vec<(String, String, String, String, i64)> = sqlx::query_as(
            "SELECT scope, pack_id, files_json, uploaded_by, uploaded_ms FROM scoped_packs
             ORDER BY scope, pack_id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(
                |(scope, pack_id, files_json, uploaded_by, uploaded_ms)| ScopedPackRecord {
                    scope,
                    pack_id,
                    files_json,
                    uploaded_by,
                    uploaded_ms,
                },
            )
            .collect())
    }

    /// Removes `scope`'s pack `pack_id`; whether there was one.
    pub async fn remove_scoped_pack(&self, scope: &str, pack_id: &str) -> Result<bool, StoreError> {
        let removed = sqlx::query("DELETE FROM scoped_packs WHERE scope = $1 AND pack_id = $2")
            .bind(scope)
            .bind(pack_id)
            .execute(&self.pool)
            .await?;
        self.registry_changed().await?;
        Ok(removed.rows_affected() > 0)
    }

    /// The version of what the pack registry is built from: it goes up after every change to
    /// the uploaded packs or the settings, by any process.
    pub async fn registry_version(&self) -> Result<i64, StoreError> {
        let version = sqlx::query_scalar("SELECT version FROM versions WHERE topic = 'registry'")
            .fetch_one(&self.pool)
            .await?;
        Ok(version)
    }

    /// Counts a change, after it is written: a process that reads the new version finds it.
    pub(super) async fn registry_changed(&self) -> Result<(), StoreError> {
        sqlx::query("UPDATE versions SET version = version + 1 WHERE topic = 'registry'")
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Every setting named `key`, by scope (e.g. each server's default pack).
    pub async fn settings_named(&self, key: &str) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query_as("SELECT scope, value FROM settings WHERE key = $1")
            .bind(key)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows)
    }
}
