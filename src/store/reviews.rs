//! Review cards: the counters a student dropped or answered weakly, each with the state of its
//! spaced-repetition schedule. The store keeps the state as plain numbers; what they mean
//! belongs to the scheduler (`drill/review.rs`).

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Store, StoreError};

/// One card: whose, which counter (in which pack, met on which side), and its schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewCardRecord {
    pub user_key: String,
    pub pack_id: String,
    pub side: String,
    pub counter_argument: String,
    pub due_ms: i64,
    pub stability: f64,
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: i64,
    pub lapses: i64,
    pub state: i64,
    pub last_review_ms: i64,
    /// The grade of the latest answer (0 again … 3 easy); `None` before the first.
    pub last_grade: Option<i64>,
}

impl Store {
    /// Stores a card, replacing the same student's card for the same counter.
    pub async fn save_review_card(&self, card: &ReviewCardRecord) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO review_cards (user_key, pack_id, side, counter_argument, due_ms,
                                       stability, difficulty, elapsed_days, scheduled_days,
                                       reps, lapses, state, last_review_ms, last_grade)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
             ON CONFLICT (user_key, pack_id, side, counter_argument) DO UPDATE
             SET due_ms = excluded.due_ms, stability = excluded.stability,
                 difficulty = excluded.difficulty, elapsed_days = excluded.elapsed_days,
                 scheduled_days = excluded.scheduled_days, reps = excluded.reps,
                 lapses = excluded.lapses, state = excluded.state,
                 last_review_ms = excluded.last_review_ms, last_grade = excluded.last_grade",
        )
        .bind(&card.user_key)
        .bind(&card.pack_id)
        .bind(&card.side)
        .bind(&card.counter_argument)
        .bind(card.due_ms)
        .bind(card.stability)
        .bind(card.difficulty)
        .bind(card.elapsed_days)
        .bind(card.scheduled_days)
        .bind(card.reps)
        .bind(card.lapses)
        .bind(card.state)
        .bind(card.last_review_ms)
        .bind(card.last_grade)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The student's card for a counter, if there is one.
    pub async fn review_card(
        &self,
        user_key: &str,
        pack_id: &str,
        side: &str,
        counter_argument: &str,
    ) -> Result<Option<ReviewCardRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT * FROM review_cards
             WHERE user_key = $1 AND pack_id = $2 AND side = $3 AND counter_argument = $4",
        )
        .bind(user_key)
        .bind(pack_id)
        .bind(side)
        .bind(counter_argument)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(card_from_row).transpose()
    }

    /// Every card of the student's, soonest due first.
    pub async fn review_cards(&self, user_key: &str) -> Result<Vec<ReviewCardRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM review_cards WHERE user_key = $1
             ORDER BY due_ms, pack_id, side, counter_argument",
        )
        .bind(user_key)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(card_from_row).collect()
    }
}

fn card_from_row(row: &AnyRow) -> Result<ReviewCardRecord, StoreError> {
    Ok(ReviewCardRecord {
        user_key: row.try_get("user_key")?,
        pack_id: row.try_get("pack_id")?,
        side: row.try_get("side")?,
        counter_argument: row.try_get("counter_argument")?,
        due_ms: row.try_get("due_ms")?,
        stability: row.try_get("stability")?,
        difficulty: row.try_get("difficulty")?,
        elapsed_days: row.try_get("elapsed_days")?,
        scheduled_days: row.try_get("scheduled_days")?,
        reps: row.try_get("reps")?,
        lapses: row.try_get("lapses")?,
        state: row.try_get("state")?,
        last_review_ms: row.try_get("last_review_ms")?,
        last_grade: row.try_get("last_grade")?,
    })
}
