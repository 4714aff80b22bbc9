//! Turns: appending one (numbered, deduplicated, with its clash ledger entries, in a single
//! transaction committed before the call returns) and reading a round's turns back.

use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

use super::rows::u32_column;
use super::{
    Backend, ClashOrigin, NewTurn, OpponentPoint, RoundHistory, Store, StoreError, TurnRecord,
    clashes,
};

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
        let mut speaker = None;
        for id in locked {
            if id == round_id {
                let source_id = turn.source_id.as_deref();
                speaker = Some(lock_round(&mut tx, self.backend(), id, source_id).await?);
            } else {
                lock_round(&mut tx, self.backend(), id, None).await?;
            }
        }
        let speaker = speaker.expect("the speaker's round is among those locked");
        if let Some(turn_id) = speaker.delivered_turn {
            return Ok((turn_by_id(&mut tx, turn_id).await?, false));
        }
        speaker.liveness.ensure_active(round_id)?;
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
        let mut conn = self.pool.acquire().await?;
        read_turns(&mut conn, round_id).await
    }

    /// The round's turns and clash ledger, read over one connection (a turn needs both).
    pub async fn history(&self, round_id: i64) -> Result<RoundHistory, StoreError> {
        let mut conn = self.pool.acquire().await?;
        Ok(RoundHistory {
            turns: read_turns(&mut conn, round_id).await?,
            clashes: clashes::read_clashes(&mut conn, round_id).await?,
        })
    }
}

pub(super) async fn read_turns(
    conn: &mut AnyConnection,
    round_id: i64,
) -> Result<Vec<TurnRecord>, StoreError> {
    let rows = sqlx::query("SELECT * FROM turns WHERE round_id = $1 ORDER BY number")
        .bind(round_id)
        .fetch_all(conn)
        .await?;
    rows.iter().map(turn_from_row).collect()
}

async fn turn_by_id(conn: &mut AnyConnection, turn_id: i64) -> Result<TurnRecord, StoreError> {
    let row = sqlx::query("SELECT * FROM turns WHERE id = $1")
        .bind(turn_id)
        .fetch_one(conn)
        .await?;
    turn_from_row(&row)
}

/// Whether a round locked by [`lock_round`] exists and is still running.
pub(super) enum RoundLiveness {
    Missing,
    Ended,
    Active,
}

impl RoundLiveness {
    pub(super) fn ensure_active(self, round_id: i64) -> Result<(), StoreError> {
        match self {
            RoundLiveness::Missing => Err(StoreError::RoundNotFound(round_id)),
            RoundLiveness::Ended => Err(StoreError::RoundEnded(round_id)),
            RoundLiveness::Active => Ok(()),
        }
    }
}

/// A round as [`lock_round`] found it.
pub(super) struct LockedRound {
    pub(super) liveness: RoundLiveness,
    /// The id of the round's turn from the source asked about, when one is stored.
    pub(super) delivered_turn: Option<i64>,
}

/// Reads whether the round is running (and, given a `source_id`, which of its turns came from
/// that source), and holds its row until the transaction ends so that writers to one round take
/// turns (on PostgreSQL; a SQLite writer holds the whole database already). One statement for
/// all three: a turn's transaction runs it on every message.
pub(super) async fn lock_round(
    conn: &mut AnyConnection,
    backend: Backend,
    round_id: i64,
    source_id: Option<&str>,
) -> Result<LockedRound, StoreError> {
    // The same statement on both; PostgreSQL also locks the round's row.
    let query = match backend {
        Backend::Postgres => {
            "SELECT rounds.ended_ms, turns.id AS delivered_turn
             FROM rounds LEFT JOIN turns ON turns.round_id = rounds.id AND turns.source_id = $2
             WHERE rounds.id = $1 LIMIT 1 FOR UPDATE OF rounds"
        }
        Backend::Sqlite => {
            "SELECT rounds.ended_ms, turns.id AS delivered_turn
             FROM rounds LEFT JOIN turns ON turns.round_id = rounds.id AND turns.source_id = $2
             WHERE rounds.id = $1 LIMIT 1"
        }
    };
    let row = sqlx::query(query)
        .bind(round_id)
        .bind(source_id)
        .fetch_optional(conn)
        .await?;
    let Some(row) = row else {
        return Ok(LockedRound {
            liveness: RoundLiveness::Missing,
            delivered_turn: None,
        });
    };
    let ended_ms: Option<i64> = row.try_get("ended_ms")?;
    Ok(LockedRound {
        liveness: match ended_ms {
            Some(_) => RoundLiveness::Ended,
            None => RoundLiveness::Active,
        },
        delivered_turn: row.try_get("delivered_turn")?,
    })
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
