//! Classroom drills: one open drill per channel, who joined it, and the side and place each
//! member was given (a versus pair shares one place). Rounds played in a drill carry its id
//! (`rounds.drill_id`). When drills begin, remind and end by themselves: `drill_schedule.rs`.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::rows::optional_u32_column;
use super::{Store, StoreError};

/// A drill to open; see [`Store::open_drill`].
#[derive(Debug, Clone, PartialEq)]
pub struct NewDrill {
    pub scope: String,
    pub channel_key: String,
    pub pack_key: String,
    pub mode: String,
    pub max_turns: Option<u32>,
    pub minutes: Option<u32>,
    /// When the drill begins by itself, if it is scheduled.
    pub begin_at_ms: Option<i64>,
    pub seed: i64,
    pub created_by: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DrillRecord {
    pub id: i64,
    pub scope: String,
    pub channel_key: String,
    pub pack_key: String,
    pub mode: String,
    pub max_turns: Option<u32>,
    pub minutes: Option<u32>,
    pub begin_at_ms: Option<i64>,
    pub seed: i64,
    pub created_by: String,
    pub created_ms: i64,
    pub begun_ms: Option<i64>,
    pub deadline_ms: Option<i64>,
    pub ended_ms: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillMember {
    pub user_key: String,
    /// Their display name in the server when they joined (`None` for older members).
    pub display_name: Option<String>,
    pub joined_ms: i64,
    pub side: Option<String>,
    pub place_key: Option<String>,
}

impl Store {
    /// Opens a drill; `None` when the channel has an open one already.
    pub async fn open_drill(&self, drill: NewDrill) -> Result<Option<DrillRecord>, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO drills (scope, channel_key, pack_key, mode, max_turns, minutes, seed,
                                 created_by, created_ms, begin_at_ms)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *",
        )
        .bind(&drill.scope)
        .bind(&drill.channel_key)
        .bind(&drill.pack_key)
        .bind(&drill.mode)
        .bind(drill.max_turns.map(i64::from))
        .bind(drill.minutes.map(i64::from))
        .bind(drill.seed)
        .bind(&drill.created_by)
        .bind(self.now())
        .bind(drill.begin_at_ms)
        .fetch_one(&self.pool)
        .await;
        match inserted {
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(None),
            other => Ok(Some(drill_from_row(&other?)?)),
        }
    }

    /// The channel's open drill.
    pub async fn open_drill_in(
        &self,
        channel_key: &str,
    ) -> Result<Option<DrillRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM drills WHERE channel_key = $1 AND ended_ms IS NULL")
            .bind(channel_key)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(drill_from_row).transpose()
    }

    /// The channel's latest drill, open or ended.
    pub async fn latest_drill_in(
        &self,
        channel_key: &str,
    ) -> Result<Option<DrillRecord>, StoreError> {
        let row =
            sqlx::query("SELECT * FROM drills WHERE channel_key = $1 ORDER BY id DESC LIMIT 1")
                .bind(channel_key)
                .fetch_optional(&self.pool)
                .await?;
        row.as_ref().map(drill_from_row).transpose()
    }

    pub async fn drill(&self, id: i64) -> Result<Option<DrillRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM drills WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(drill_from_row).transpose()
    }

    /// The scope's latest drill.
    pub async fn latest_drill_of(&self, scope: &str) -> Result<Option<DrillRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM drills WHERE scope = $1 ORDER BY id DESC LIMIT 1")
            .bind(scope)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(drill_from_row).transpose()
    }

    /// Adds a member under the name they are shown by; false when they had joined already.
    pub async fn join_drill(
        &self,
        drill_id: i64,
        user_key: &str,
        display_name: &str,
    ) -> Result<bool, StoreError> {
        let joined = sqlx::query(
            "INSERT INTO drill_members (drill_id, user_key, joined_ms, display_name)
             VALUES ($1, $2, $3, $4)
             ON CONFLICT (drill_id, user_key) DO NOTHING",
        )
        .bind(drill_id)
        .bind(user_key)
        .bind(self.now())
        .bind(display_name)
        .execute(&self.pool)
        .await?;
        Ok(joined.rows_affected() > 0)
    }

    /// The members in the order they joined.
    pub async fn drill_members(&self, drill_id: i64) -> Result<Vec<DrillMember>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM drill_members WHERE drill_id = $1 ORDER BY joined_ms, rowid",
        )
        .bind(drill_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(member_from_row).collect()
    }

    /// The other member of the drill who argues in the same place as `user_key` (their versus
    /// opponent); `None` when the user argues there alone or is no drill's member there.
    pub async fn drill_opponent(
        &self,
        place_key: &str,
        user_key: &str,
    ) -> Result<Option<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT other.user_key FROM drill_members AS me
             JOIN drill_members AS other
               ON other.drill_id = me.drill_id AND other.place_key = me.place_key
             WHERE me.place_key = $1 AND me.user_key = $2 AND other.user_key <> me.user_key
             ORDER BY other.drill_id DESC LIMIT 1",
        )
        .bind(place_key)
        .bind(user_key)
        .fetch_optional(&self.pool)
        .await?)
    }

    /// Records a member's side and where their round is.
    pub async fn assign_drill_member(
        &self,
        drill_id: i64,
        user_key: &str,
        side: &str,
        place_key: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE drill_members SET side = $3, place_key = $4
             WHERE drill_id = $1 AND user_key = $2",
        )
        .bind(drill_id)
        .bind(user_key)
        .bind(side)
        .bind(place_key)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Marks the drill begun, with its deadline; false when it had begun already.
    pub async fn begin_drill(
        &self,
        drill_id: i64,
        deadline_ms: Option<i64>,
    ) -> Result<bool, StoreError> {
        let begun = sqlx::query(
            "UPDATE drills SET begun_ms = $2, deadline_ms = $3
             WHERE id = $1 AND begun_ms IS NULL AND ended_ms IS NULL",
        )
        .bind(drill_id)
        .bind(self.now())
        .bind(deadline_ms)
        .execute(&self.pool)
        .await?;
        Ok(begun.rows_affected() > 0)
    }

    /// Ends the drill; false when it had ended already (so only one caller posts the results).
    pub async fn end_drill(&self, drill_id: i64) -> Result<bool, StoreError> {
        let ended =
            sqlx::query("UPDATE drills SET ended_ms = $2 WHERE id = $1 AND ended_ms IS NULL")
                .bind(drill_id)
                .bind(self.now())
                .execute(&self.pool)
                .await?;
        Ok(ended.rows_affected() > 0)
    }
}

fn member_from_row(row: &AnyRow) -> Result<DrillMember, StoreError> {
    Ok(DrillMember {
        user_key: row.try_get("user_key")?,
        display_name: row.try_get("display_name")?,
        joined_ms: row.try_get("joined_ms")?,
        side: row.try_get("side")?,
        place_key: row.try_get("place_key")?,
    })
}

pub(super) fn drill_from_row(row: &AnyRow) -> Result<DrillRecord, StoreError> {
    Ok(DrillRecord {
        id: row.try_get("id")?,
        scope: row.try_get("scope")?,
        channel_key: row.try_get("channel_key")?,
        pack_key: row.try_get("pack_key")?,
        mode: row.try_get("mode")?,
        max_turns: optional_u32_column(row, "max_turns")?,
        minutes: optional_u32_column(row, "minutes")?,
        begin_at_ms: row.try_get("begin_at_ms")?,
        seed: row.try_get("seed")?,
        created_by: row.try_get("created_by")?,
        created_ms: row.try_get("created_ms")?,
        begun_ms: row.try_get("begun_ms")?,
        deadline_ms: row.try_get("deadline_ms")?,
        ended_ms: row.try_get("ended_ms")?,
    })
}
