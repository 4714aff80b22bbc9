//! The store's plain record types: what goes in and what comes back out.
//!
//! Timestamps are unix milliseconds. JSON columns (`scores_json`, `summary_json`) are opaque
//! text to the store: their shape belongs to the engine that writes them.

use serde::Serialize;

/// A round to start; see [`Store::start_round`](super::Store::start_round).
#[derive(Debug, Clone, PartialEq)]
pub struct NewRound {
    /// Who plays, e.g. `"discord:1234"` or `"terminal:local"`.
    pub user_key: String,
    /// Where they play, e.g. `"dm:1234"`, `"thread:5678"` or `"terminal"`.
    pub place_key: String,
    pub pack_id: String,
    pub side: String,
    /// The random seed of the round, so a replay makes the same choices.
    pub seed: Option<i64>,
    pub drill_id: Option<i64>,
    pub max_turns: Option<u32>,
    pub deadline_ms: Option<i64>,
    /// The round whose other side this one argues, when the student switched sides.
    pub switched_from: Option<i64>,
}

/// A stored round; active until `ended_ms` is set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundRecord {
    pub id: i64,
    pub user_key: String,
    pub place_key: String,
    pub pack_id: String,
    pub side: String,
    pub seed: Option<i64>,
    pub drill_id: Option<i64>,
    pub max_turns: Option<u32>,
    pub deadline_ms: Option<i64>,
    pub started_ms: i64,
    pub ended_ms: Option<i64>,
    pub end_reason: Option<String>,
    pub summary_json: Option<String>,
    pub switched_from: Option<i64>,
}

impl RoundRecord {
    pub fn is_active(&self) -> bool {
        self.ended_ms.is_none()
    }
}

/// What [`Store::end_round`](super::Store::end_round) did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EndedRound {
    /// The round as stored now.
    pub round: RoundRecord,
    /// True when the round had ended before this call, which then changed nothing.
    pub already_ended: bool,
}

/// A turn to append; see [`Store::append_turn`](super::Store::append_turn).
#[derive(Debug, Clone, PartialEq)]
pub struct NewTurn {
    /// Where the message came from, e.g. a Discord message id. Appending a turn whose
    /// `source_id` the round already holds returns the stored turn instead of a duplicate.
    pub source_id: Option<String>,
    /// The student's words.
    pub message: String,
    pub matched_argument: Option<String>,
    pub matched_score: Option<f64>,
    /// The counter served in reply; opens a clash in the ledger.
    pub counter_argument: Option<String>,
    /// The counter this turn answers; closes its open clashes in the ledger.
    pub answers_counter: Option<String>,
    pub scores_json: String,
    pub total: f64,
    pub created_ms: i64,
}

/// A versus opponent's point, put to them in the same transaction as the turn that made it:
/// a clash of origin [`ClashOrigin::Opponent`] opened in their round, if it is still active.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpponentPoint {
    pub round_id: i64,
    pub argument: String,
}

/// A stored turn. `message` is empty once the retention purge has blanked it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TurnRecord {
    pub id: i64,
    pub round_id: i64,
    /// 1, 2, 3... within its round.
    pub number: u32,
    pub source_id: Option<String>,
    pub message: String,
    pub matched_argument: Option<String>,
    pub matched_score: Option<f64>,
    pub counter_argument: Option<String>,
    pub answers_counter: Option<String>,
    pub scores_json: String,
    pub total: f64,
    pub created_ms: i64,
}

/// What a round holds so far: its turns in order and its clash ledger in the order served.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundHistory {
    pub turns: Vec<TurnRecord>,
    pub clashes: Vec<ClashRecord>,
}

/// One entry of a round's clash ledger: a counter served, and the turn that answered it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClashRecord {
    pub round_id: i64,
    pub counter_argument: String,
    /// How many turns the round held when the counter was served (0: before the first).
    pub served_turn: u32,
    pub answered_turn: Option<u32>,
    pub origin: ClashOrigin,
}

/// Who served a counter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClashOrigin {
    /// The bot, in answer to a turn.
    Turn,
    /// The bot, because the student asked for another counter.
    Next,
    /// The opposing student, in a versus drill.
    Opponent,
}

impl ClashOrigin {
    pub fn name(self) -> &'static str {
        match self {
            ClashOrigin::Turn => "turn",
            ClashOrigin::Next => "next",
            ClashOrigin::Opponent => "opponent",
        }
    }

    /// The origin a stored name stands for; an unknown name (a newer version's) reads as a turn's.
    pub fn from_name(name: &str) -> ClashOrigin {
        match name {
            "next" => ClashOrigin::Next,
            "opponent" => ClashOrigin::Opponent,
            _ => ClashOrigin::Turn,
        }
    }
}

impl ClashRecord {
    /// Served and not (yet) answered: a dropped counter once the round has ended.
    pub fn is_open(&self) -> bool {
        self.answered_turn.is_none()
    }
}
