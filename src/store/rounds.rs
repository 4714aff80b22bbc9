//! Rounds: starting, finding, listing and ending them. At most one round per user per place is
//! active at a time; the schema enforces it with a partial unique index.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::rows::optional_u32_column;
use super::{EndedRound, NewRound, RoundRecord, Store, StoreError};

impl Store {
    /// Starts a round, remembering the user on their first round.
    ///
    /// Fails with [`StoreError::ActiveRoundExists`] while the user has an active round in the
    /// same place.
    pub async fn start_round(&self, round: NewRound) -> Result<RoundRecord, StoreError> {
        let now = self.now();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "INSERT INTO users (user_key, first_seen_ms) VALUES ($1, $2)
             ON CONFLICT (user_key) DO NOTHING",
        )
        .bind(&round.user_key)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        let inserted = sqlx::query(
            "INSERT INTO rounds (user_key, place_key, pack_id, side, seed, drill_id, max_turns,
                                 deadline_ms, started_ms, switched_from)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
             RETURNING *",
        )
        .bind(&round.user_key)
        .bind(&round.place_key)
        .bind(&round.pack_id)
        .bind(&round.side)
        .bind(round.seed)
        .bind(round.drill_id)
        .bind(round.max_turns.map(i64::from))
        .bind(round.deadline_ms)
        .bind(now)
        .bind(round.switched_from)
        .fetch_one(&mut *tx)
        .await;
        let row = match inserted {
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                return Err(StoreError::ActiveRoundExists {
                    user_key: round.user_key,
                    place_key: round.place_key,
                });
            }
            other => other?,
        };
        let record = round_from_row(&row)?;
        tx.commit().await?;
        Ok(record)
    }

    /// The user's active round in a place, if any.
    pub async fn active_round(
        &self,
        user_key: &str,
        place_key: &str,
    ) -> Result<Option<RoundRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT * FROM rounds WHERE user_key = $1 AND place_key = $2 AND ended_ms IS NULL",
        )
        .bind(user_key)
        .bind(place_key)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(round_from_row).transpose()
    }

    pub async fn round(&self, id: i64) -> Result<Option<RoundRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM rounds WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(round_from_row).transpose()
    }

    /// Ends a round with a reason ("command", "turn limit", ...) and the engine's summary.
    ///
    /// Ending a round that has already ended changes nothing (its first reason and summary
    /// stay) and says so in [`EndedRound::already_ended`].
    pub async fn end_round(
        &self,
        id: i64,
        reason: &str,
        summary_json: &str,
    ) -> Result<EndedRound, StoreError> {
        let ended = sqlx::query(
            "UPDATE rounds SET ended_ms = $1, end_reason = $2, summary_json = $3
             WHERE id = $4 AND ended_ms IS NULL
             RETURNING *",
        )
        .bind(self.now())
        .bind(reason)
        .bind(summary_json)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = ended {
            return Ok(EndedRound {
                round: round_from_row(&row)?,
                already_ended: false,
            });
        }
        match self.round(id).await? {
            Some(round) => Ok(EndedRound {
                round,
                already_ended: true,
            }),
            None => Err(StoreError::RoundNotFound(id)),
        }
    }

    /// Every round the user played, oldest first.
    pub async fn rounds_of_user(&self, user_key: &str) -> Result<Vec<RoundRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM rounds WHERE user_key = $1 ORDER BY id")
            .bind(user_key)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(round_from_row).collect()
    }

    /// The user's latest round, in any place.
    pub async fn latest_round_of_user(
        &self,
        user_key: &str,
    ) -> Result<Option<RoundRecord>, StoreError> {
        let row = sqlx::query("SELECT * FROM rounds WHERE user_key = $1 ORDER BY id DESC LIMIT 1")
            .bind(user_key)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(round_from_row).transpose()
    }

    /// Every round played in a classroom drill, oldest first.
    pub async fn rounds_of_drill(&self, drill_id: i64) -> Result<Vec<RoundRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM rounds WHERE drill_id = $1 ORDER BY id")
            .bind(drill_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(round_from_row).collect()
    }

    /// Every round not yet ended, oldest first: what to resume after a restart.
    pub async fn active_rounds(&self) -> Result<Vec<RoundRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM rounds WHERE ended_ms IS NULL ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(round_from_row).collect()
    }
}

fn round_from_row(row: &AnyRow) -> Result<RoundRecord, StoreError> {
    Ok(RoundRecord {
        id: row.try_get("id")?,
        user_key: row.try_get("user_key")?,
        place_key: row.try_get("place_key")?,
        pack_id: row.try_get("pack_id")?,
        side: row.try_get("side")?,
        seed: row.try_get("seed")?,
        drill_id: row.try_get("drill_id")?,
        max_turns: optional_u32_column(row, "max_turns")?,
        deadline_ms: row.try_get("deadline_ms")?,
        started_ms: row.try_get("started_ms")?,
        ended_ms: row.try_get("ended_ms")?,
        end_reason: row.try_get("end_reason")?,
        summary_json: row.try_get("summary_json")?,
        switched_from: row.try_get("switched_from")?,
    })
}
