//! What the store keeps about people, and how it lets go of it: forgetting a user on request
//! and blanking old messages for retention. Students' messages are personal data.

use super::{Store, StoreError};

const MS_PER_DAY: i64 = 24 * 60 * 60 * 1000;

impl Store {
    /// Deletes everything stored about a user (their rounds, turns and clashes, and the user)
    /// in one transaction. Returns how many rounds were forgotten.
    pub async fn forget_user(&self, user_key: &str) -> Result<u64, StoreError> {
        let mut tx = self.begin_write().await?;
        for dependent in [
            "DELETE FROM clashes WHERE round_id IN (SELECT id FROM rounds WHERE user_key = $1)",
            "DELETE FROM turns WHERE round_id IN (SELECT id FROM rounds WHERE user_key = $1)",
        ] {
            sqlx::query(dependent)
                .bind(user_key)
                .execute(&mut *tx)
                .await?;
        }
        let rounds = sqlx::query("DELETE FROM rounds WHERE user_key = $1")
            .bind(user_key)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query("DELETE FROM review_cards WHERE user_key = $1")
            .bind(user_key)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM drill_members WHERE user_key = $1")
            .bind(user_key)
            .execute(&mut *tx)
            .await?;
        sqlx::query("UPDATE scoped_packs SET uploaded_by = '' WHERE uploaded_by = $1")
            .bind(user_key)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM users WHERE user_key = $1")
            .bind(user_key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(rounds)
    }

    /// Applies a retention period of `days` days (0 keeps messages forever): blanks the text of
    /// older messages, keeping scores and ledgers. Returns how many messages were blanked.
    pub async fn apply_retention(&self, days: u32) -> Result<u64, StoreError> {
        if days == 0 {
            return Ok(0);
        }
        self.purge_messages_older_than(self.now() - i64::from(days) * MS_PER_DAY)
            .await
    }

    /// Blanks the message text of every turn created before `cutoff_ms`, keeping the turn, its
    /// scores and its ledger entries. Returns how many messages were blanked.
    pub async fn purge_messages_older_than(&self, cutoff_ms: i64) -> Result<u64, StoreError> {
        let purged =
            sqlx::query("UPDATE turns SET message = '' WHERE created_ms < $1 AND message <> ''")
                .bind(cutoff_ms)
                .execute(&self.pool)
                .await?;
        Ok(purged.rows_affected())
    }
}
