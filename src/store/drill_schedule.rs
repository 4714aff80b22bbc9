//! Drills on the clock: the ones due to begin by themselves, the timed ones running (for their
//! reminders), the ones whose time is up, and the reminders already sent. The classroom's
//! ticker asks these every few seconds, so each is one indexed query.

use super::drills::{DrillRecord, drill_from_row};
use super::{Store, StoreError};

impl Store {
    /// Begun drills not yet ended whose deadline has passed by `now_ms`.
    pub async fn drills_due(&self, now_ms: i64) -> Result<Vec<DrillRecord>, StoreError> {
        self.drills_where(
            "SELECT * FROM drills WHERE ended_ms IS NULL AND deadline_ms IS NOT NULL
             AND deadline_ms <= $1 ORDER BY id",
            now_ms,
        )
        .await
    }

    /// Scheduled drills not yet begun (nor ended) whose start time has come by `now_ms`.
    pub async fn drills_to_begin(&self, now_ms: i64) -> Result<Vec<DrillRecord>, StoreError> {
        self.drills_where(
            "SELECT * FROM drills WHERE ended_ms IS NULL AND begun_ms IS NULL
             AND begin_at_ms IS NOT NULL AND begin_at_ms <= $1 ORDER BY id",
            now_ms,
        )
        .await
    }

    /// Begun timed drills not yet ended whose deadline is still ahead of `now_ms`.
    pub async fn timed_drills_running(&self, now_ms: i64) -> Result<Vec<DrillRecord>, StoreError> {
        self.drills_where(
            "SELECT * FROM drills WHERE ended_ms IS NULL AND begun_ms IS NOT NULL
             AND deadline_ms > $1 ORDER BY id",
            now_ms,
        )
        .await
    }

    /// Takes a scheduled drill off the schedule for the caller to begin it (from now on only
    /// `/drill begin` could). False when it was taken already, or has begun or ended: another
    /// process sharing the database, or an instructor, got there first, and the caller leaves
    /// it alone.
    pub async fn claim_scheduled_begin(&self, drill_id: i64) -> Result<bool, StoreError> {
        let claimed = sqlx::query(
            "UPDATE drills SET begin_at_ms = NULL
             WHERE id = $1 AND begin_at_ms IS NOT NULL AND begun_ms IS NULL AND ended_ms IS NULL",
        )
        .bind(drill_id)
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    /// Records that the drill's `reminder` is being sent; false when it was claimed before
    /// (by this process or an earlier one), so each reminder goes out at most once.
    pub async fn claim_reminder(&self, drill_id: i64, reminder: &str) -> Result<bool, StoreError> {
        let claimed = sqlx::query(
            "INSERT INTO drill_reminders (drill_id, reminder, sent_ms) VALUES ($1, $2, $3)
             ON CONFLICT (drill_id, reminder) DO NOTHING",
        )
        .bind(drill_id)
        .bind(reminder)
        .bind(self.now())
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() > 0)
    }

    /// The drills a query with one parameter (the time) selects.
    async fn drills_where(
        &self,
        query: &'static str,
        now_ms: i64,
    ) -> Result<Vec<DrillRecord>, StoreError> {
        let rows = sqlx::query(query)
            .bind(now_ms)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(drill_from_row).collect()
    }
}
