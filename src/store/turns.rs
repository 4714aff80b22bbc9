//! Turns: appending one (numbered, deduplicated, with its clash ledger entries, in a single
//! transaction committed before the call returns) and reading a round's turns back.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rows::u32_column;
use super::{Backend, ClashOrigin, NewTurn, OpponentPoint, Store, StoreError, TurnRecord, clashes};

impl Store {
    /// Appends a turn to an active round and returns it as stored, with its number.
    ///
    /// When the round already holds a turn with the same `source_id` (a message delivered
    /// twice), that turn is returned and nothing is written, even if the round has ended since.
    /// Otherwise fails with [`StoreError::RoundNotFound`] or [`StoreError::RoundEnded`].
    pub async fn append_turn(
        &self,
        round_id: i64,
        turn: NewTurn,
    ) -> Result<TurnRecord, StoreError> {
        Ok(self.append_turn_with_point(round_id, turn, None).await?.0)
    }

    /// [`Store::append_turn`] in a versus drill: in the same transaction, the point the turn
    /// made is put to the opponent (see [`OpponentPoint`]). Also says whether it was put: not
    /// when the opponent's round has ended, nor when the turn was stored before.
    pub async fn append_turn_with_point(
        &self,
        round_id: i64,
        turn: NewTurn,
        point: Option<OpponentPoint>,
    ) -> Result<(TurnRecord, bool), StoreError> {
        let mut tx = self.begin_write().await?;
        // Rounds are locked in id order, so two versus partners' turns never wait on each other
        // in a cycle; the locks make the turn's number and the clash counts below exact.
        let mut locked = vec![round_id];
        locked.extend(point.as_ref().map(|point| point.round_id));
        locked.sort_unstable();
        for id in locked {
            lock_round(&mut tx, self.backend(), id).await?;
        }
        if let Some(source_id) = &turn.source_id
            && let Some(existing) = turn_with_source(&mut tx, round_id, source_id).await?
        {
            return Ok((existing, false));
        }
        ensure_active(&mut tx, round_id).await?;
        let row = sqlx::query(
            "INSERT INTO turns (round_id, number, source_id, message, matched_argument,
                                matched_score, counter_argument, answers_counter, scores_json,
                                total, created_ms)
             VALUES ($1, (SELECT COALESCE(MAX(number), 0) + 1 FROM turns WHERE round_id = $1),
                     $2, $3, $4, $5, $6, $7, $8, $9, $10)
             RETURNING *",
        )
        .bind(round_id)
        .bind(&turn.source_id)
        .bind(&turn.message)
        .bind(&turn.matched_argument)
        .bind(turn.matched_score)
        .bind(&turn.counter_argument)
        .bind(&turn.answers_counter)
        .bind(&turn.scores_json)
        .bind(turn.total)
        .bind(turn.created_ms)
        .fetch_one(&mut *tx)
        .await?;
        let record = turn_from_row(&row)?;
        clashes::record_turn(&mut tx, &record).await?;
        let put = match point {
            Some(point) => clashes::open_clash(
                &mut tx,
                point.round_id,
                &point.argument,
                ClashOrigin::Opponent,
            )
            .await?
            .is_some(),
            None => false,
        };
        tx.commit().await?;
        Ok((record, put))
    }

    /// The round's turns in order.
    pub async fn turns(&self, round_id: i64) -> Result<Vec<TurnRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM turns WHERE round_id = $1 ORDER BY number")
            .bind(round_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(turn_from_row).collect()
    }

    /// The round's turn from this source, if stored: lets the engine skip the work of a turn
    /// it has already answered.
    pub async fn turn_by_source(
        &self,
        round_id: i64,
        source_id: &str,
    ) -> Result<Option<TurnRecord>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        turn_with_source(&mut conn, round_id, source_id).await
    }
}

async fn turn_with_source(
    conn: &mut AnyConnection,
    round_id: i64,
    source_id: &str,
) -> Result<Option<TurnRecord>, StoreError> {
    let row = sqlx::query("SELECT * FROM turns WHERE round_id = $1 AND source_id = $2")
        .bind(round_id)
        .bind(source_id)
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(turn_from_row).transpose()
}

/// Holds the round's row until the transaction ends, so that writers to one round take turns
/// (on PostgreSQL; a SQLite writer holds the whole database already). Does nothing when the
/// round does not exist: [`ensure_active`] says so.
pub(super) async fn lock_round(
    conn: &mut AnyConnection,
    backend: Backend,
    round_id: i64,
) -> Result<(), StoreError> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT id FROM rounds WHERE id = $1 FOR UPDATE")
            .bind(round_id)
            .fetch_optional(conn)
            .await?;
    }
    Ok(())
}

pub(super) async fn ensure_active(
    conn: &mut AnyConnection,
    round_id: i64,
) -> Result<(), StoreError> {
    let ended_ms: Option<Option<i64>> =
        sqlx::query_scalar("SELECT ended_ms FROM rounds WHERE id = $1")
            .bind(round_id)
            .fetch_optional(conn)
            .await?;
    match ended_ms {
        None => Err(StoreError::RoundNotFound(round_id)),
        Some(Some(_)) => Err(StoreError::RoundEnded(round_id)),
        Some(None) => Ok(()),
    }
}

fn turn_from_row(row: &AnyRow) -> Result<TurnRecord, StoreError> {
    Ok(TurnRecord {
        id: row.try_get("id")?,
        round_id: row.try_get("round_id")?,
        number: u32_column(row, "number")?,
        source_id: row.try_get("source_id")?,
        message: row.try_get("message")?,
        matched_argument: row.try_get("matched_argument")?,
        matched_score: row.try_get("matched_score")?,
        counter_argument: row.try_get("counter_argument")?,
        answers_counter: row.try_get("answers_counter")?,
        scores_json: row.try_get("scores_json")?,
        total: row.try_get("total")?,
        created_ms: row.try_get("created_ms")?,
    })
}
