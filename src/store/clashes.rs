//! The clash ledger: each counter served opens a clash, and a later turn that answers that
//! counter closes every clash still open on it (it may have been served twice once a round
//! ran out of fresh counters). Open clashes of an ended round are the dropped counters.
//!
//! A counter is served in answer to a turn (inside that turn's transaction), or on its own:
//! when the student asks for another one, or when a versus opponent's argument is the point
//! to answer.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rows::{optional_u32_column, u32_column};
use super::turns::lock_round;
use super::{ClashOrigin, ClashRecord, Store, StoreError, TurnRecord};

impl Store {
    /// The round's clashes in the order their counters were served.
    pub async fn clashes(&self, round_id: i64) -> Result<Vec<ClashRecord>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        read_clashes(&mut conn, round_id).await
    }

    /// Serves `counter_argument` in an active round outside any turn: it opens a clash that
    /// the round's next turns may answer. Fails with [`StoreError::RoundNotFound`] or
    /// [`StoreError::RoundEnded`].
    pub async fn serve_counter(
        &self,
        round_id: i64,
        counter_argument: &str,
        origin: ClashOrigin,
    ) -> Result<ClashRecord, StoreError> {
        let mut tx = self.begin_write().await?;
        lock_round(&mut tx, self.backend(), round_id, None)
            .await?
            .liveness
            .ensure_active(round_id)?;
        let clash = open_clash(&mut tx, round_id, counter_argument, origin)
            .await?
            .ok_or(StoreError::RoundEnded(round_id))?;
        tx.commit().await?;
        Ok(clash)
    }
}

pub(super) async fn read_clashes(
    conn: &mut AnyConnection,
    round_id: i64,
) -> Result<Vec<ClashRecord>, StoreError> {
    let rows = sqlx::query("SELECT * FROM clashes WHERE round_id = $1 ORDER BY id")
        .bind(round_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(clash_from_row).collect()
}

/// Opens a clash outside any turn in the round, inside the caller's transaction; `None` (and
/// nothing written) when the round is not active.
pub(crate) async fn open_clash(
    conn: &mut AnyConnection,
    round_id: i64,
    counter_argument: &str,
    origin: ClashOrigin,
) -> Result<Option<ClashRecord>, StoreError> {
    let row = sqlx::query(
        "INSERT INTO clashes (round_id, counter_argument, served_turn, origin)
         SELECT $1, $2, (SELECT COUNT(*) FROM turns WHERE round_id = $1), $3
         WHERE EXISTS (SELECT 1 FROM rounds WHERE id = $1 AND ended_ms IS NULL)
         RETURNING *",
    )
    .bind(round_id)
    .bind(counter_argument)
    .bind(origin.name())
    .fetch_optional(conn)
    .await?;
    row.as_ref().map(clash_from_row).transpose()
}

/// Updates the ledger for a turn just inserted, inside the caller's transaction. The answer
/// is recorded before the new counter is opened, so a turn never answers its own counter.
pub(crate) async fn record_turn(
    conn: &mut AnyConnection,
    turn: &TurnRecord,
) -> Result<(), StoreError> {
    let number = i64::from(turn.number);
    if let Some(answered) = &turn.answers_counter {
        sqlx::query(
            "UPDATE clashes SET answered_turn = $1
             WHERE round_id = $2 AND counter_argument = $3 AND answered_turn IS NULL",
        )
        .bind(number)
        .bind(turn.round_id)
        .bind(answered)
        .execute(&mut *conn)
        .await?;
    }
    if let Some(served) = &turn.counter_argument {
        sqlx::query(
            "INSERT INTO clashes (round_id, counter_argument, served_turn, origin)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(turn.round_id)
        .bind(served)
        .bind(number)
        .bind(ClashOrigin::Turn.name())
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn clash_from_row(row: &AnyRow) -> Result<ClashRecord, StoreError> {
    let origin: String = row.try_get("origin")?;
    Ok(ClashRecord {
        round_id: row.try_get("round_id")?,
        counter_argument: row.try_get("counter_argument")?,
        served_turn: u32_column(row, "served_turn")?,
        answered_turn: optional_u32_column(row, "answered_turn")?,
        origin: ClashOrigin::from_name(&origin),
    })
}
