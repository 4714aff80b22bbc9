//! The clash ledger: each counter served opens a clash, and a later turn that answers that
//! counter closes every clash still open on it (it may have been served twice once a round
//! ran out of fresh counters). Open clashes of an ended round are the dropped counters.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection};

use super::rows::{optional_u32_column, u32_column};
use super::{ClashRecord, Store, StoreError, TurnRecord};

impl Store {
    /// The round's clashes in the order their counters were served.
    pub async fn clashes(&self, round_id: i64) -> Result<Vec<ClashRecord>, StoreError> {
        let rows = sqlx::query("SELECT * FROM clashes WHERE round_id = $1 ORDER BY served_turn")
            .bind(round_id)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(clash_from_row).collect()
    }
}

/// Updates the ledger for a turn just inserted, inside the caller's transaction. The answer
/// is recorded before the new counter is opened, so a turn never answers its own counter.
pub(crate) async fn record_turn(
    conn: &mut SqliteConnection,
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
            "INSERT INTO clashes (round_id, counter_argument, served_turn) VALUES ($1, $2, $3)",
        )
        .bind(turn.round_id)
        .bind(served)
        .bind(number)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

fn clash_from_row(row: &SqliteRow) -> Result<ClashRecord, StoreError> {
    Ok(ClashRecord {
        round_id: row.try_get("round_id")?,
        counter_argument: row.try_get("counter_argument")?,
        served_turn: u32_column(row, "served_turn")?,
        answered_turn: optional_u32_column(row, "answered_turn")?,
    })
}
