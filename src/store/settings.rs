//! Settings by scope: a key-value table for choices made per server ("guild:1234") or for the
//! whole bot, such as an instructor role or a retention period. Values are plain text; what
//! they mean belongs to the code that reads them.

use super::{Store, StoreError};

impl Store {
    /// Sets a setting, replacing any earlier value.
    pub async fn set_setting(&self, scope: &str, key: &str, value: &str) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO settings (scope, key, value, updated_ms) VALUES ($1, $2, $3, $4)
             ON CONFLICT (scope, key) DO UPDATE
             SET value = excluded.value, updated_ms = excluded.updated_ms",
        )
        .bind(scope)
        .bind(key)
        .bind(value)
        .bind(self.now())
        .execute(&self.pool)
        .await?;
        self.registry_changed().await
    }

    pub async fn setting(&self, scope: &str, key: &str) -> Result<Option<String>, StoreError> {
        let value = sqlx::query_scalar("SELECT value FROM settings WHERE scope = $1 AND key = $2")
            .bind(scope)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(value)
    }

    /// Claims a job done at most once a period (a daily reminder), under `scope` and `key`: true,
    /// with the time recorded, when it was last claimed `period_ms` or more ago, or never;
    /// false otherwise. One statement, so of several processes claiming at once one wins.
    pub async fn claim_periodic(
        &self,
        scope: &str,
        key: &str,
        period_ms: i64,
    ) -> Result<bool, StoreError> {
        let now = self.now();
        let claimed = sqlx::query(
            "INSERT INTO settings (scope, key, value, updated_ms) VALUES ($1, $2, '', $3)
             ON CONFLICT (scope, key) DO UPDATE SET updated_ms = excluded.updated_ms
             WHERE settings.updated_ms <= $4",
        )
        .bind(scope)
        .bind(key)
        .bind(now)
        .bind(now - period_ms)
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    /// Removes a setting; returns whether there was one.
    pub async fn remove_setting(&self, scope: &str, key: &str) -> Result<bool, StoreError> {
        let removed = sqlx::query("DELETE FROM settings WHERE scope = $1 AND key = $2")
            .bind(scope)
            .bind(key)
            .execute(&self.pool)
            .await?;
        self.registry_changed().await?;
        Ok(removed.rows_affected() > 0)
    }
}
