//! What the engine is asked, and what it answers: plain values any front end can render.

use serde::Serialize;

use super::refs::{ArgumentRef, SideRef};
use super::scorecard::Scorecard;
use super::scoring::TurnScore;
use crate::matcher::{CounterVia, Move};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Start a round: the pack (default: the only or the default one), the side (default: one
    /// at random), and a seed for every random choice.
    Start {
        pack: Option<String>,
        side: Option<String>,
        seed: Option<u64>,
    },
    /// Start a round on the side whose counters the student faced in their latest round, in
    /// its pack, opening with the points that beat them.
    Switch {
        seed: Option<u64>,
    },
    /// One turn. `source_id` (e.g. a chat message id) makes a redelivered message a no-op. In
    /// a versus drill (the round's drill pairs the student with an opponent in the same place)
    /// the bot does not answer: the point made goes to the opponent to answer.
    Say {
        text: String,
        source_id: Option<String>,
    },
    /// The argument of the student's own side that best answers `argument` (an opponent's
    /// point): a curated rebuttal first.
    CounterHint {
        argument: String,
    },
    Hint,
    Brief,
    End,
    /// Another counter to the point of the student's latest turn, one not served yet in the
    /// round. Not a turn, and not scored: the next turn answers it.
    NextCounter,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Output {
    Started(Started),
    Countered(Box<Countered>),
    /// A versus turn, for the moderator to announce.
    Moderated(Box<Moderated>),
    /// The message was not recognised: ask the student to sharpen the point (no counter, no
    /// score, not a turn).
    Unsure,
    /// An argument of the student's side not yet made; `None` when every one has been.
    Hint {
        argument: Option<ArgumentRef>,
    },
    Brief(Brief),
    Scorecard(Box<Scorecard>),
    NextCounter(Box<NextCounter>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Started {
    pub round_id: i64,
    pub pack: String,
    pub title: String,
    pub motion: String,
    pub side: SideRef,
    pub brief: Brief,
    /// Set when the student switched sides.
    pub switched: Option<Switched>,
}

/// The side a student switched from, and the points of their new side that beat them there.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Switched {
    pub from: SideRef,
    pub beat_you: Vec<ArgumentRef>,
}

/// The student's side: its summary and the arguments not yet made in the round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub side: SideRef,
    pub arguments: Vec<ArgumentRef>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Countered {
    pub round_id: i64,
    /// 1, 2, 3... within the round.
    pub turn: u32,
    /// What the message did: made a point, attacked one, or conceded.
    #[serde(rename = "move")]
    pub read: MoveKind,
    /// What the message was recognised as (any side), with the matcher's confidence: the point
    /// made, the point attacked, or the point conceded (`None` for a bare concession).
    pub matched: Option<(ArgumentRef, f64)>,
    /// The bot's answer, from a side opposing the student's; `None` when nothing in the pack
    /// contests the point (the bot says so), after a concession, and in versus turns.
    pub counter: Option<ArgumentRef>,
    pub via: Option<Via>,
    /// How the counter answers the point (the pack's line of clash), when the pack gives one.
    pub reason: Option<String>,
    /// The earlier counter this turn answered, if any (it leaves the open ledger).
    pub answered: Option<ArgumentRef>,
    pub score: TurnScore,
}

/// A counter served because the student asked for another one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NextCounter {
    pub round_id: i64,
    /// The point of the student's latest turn that the counter answers.
    pub to: ArgumentRef,
    /// From a side opposing the student's; not served before in the round.
    pub counter: ArgumentRef,
    pub via: Via,
    /// How the counter answers the point, when the pack gives its line of clash.
    pub reason: Option<String>,
}

/// A turn against a student: scored like any turn, answered by no bot counter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moderated {
    /// Who spoke, and who faces them (user keys).
    pub speaker: String,
    pub opponent: String,
    /// The turn as matched and scored; its `counter` is always `None`.
    pub turn: Countered,
    /// The opponent's point this turn was to answer: their latest one still open before it.
    pub facing: Option<ArgumentRef>,
    /// The point now put to the opponent: the argument made, when its side is against theirs.
    pub served: Option<ArgumentRef>,
}

/// Why the counter was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Via {
    /// A curated rebuttal of the point made.
    Rebuttal,
    /// A curated rebuttal of another point of the student's side that the message makes.
    Related,
    /// The attacked author's side, defending its point.
    Defence,
}

impl From<CounterVia> for Via {
    fn from(via: CounterVia) -> Via {
        match via {
            CounterVia::Rebuttal => Via::Rebuttal,
            CounterVia::Related => Via::Related,
            CounterVia::Defence => Via::Defence,
        }
    }
}

/// What a turn did in the debate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKind {
    Point,
    Attack,
    Concession,
}

impl MoveKind {
    /// The kind of a recognised move; `None` for [`Move::Unsure`].
    pub fn of(read: &Move) -> Option<MoveKind> {
        match read {
            Move::Point(_) => Some(MoveKind::Point),
            Move::Attack { .. } => Some(MoveKind::Attack),
            Move::Concession(_) => Some(MoveKind::Concession),
            Move::Unsure => None,
        }
    }
}
