//! Why the engine could not do what was asked. Each variant renders as a notice for the student
//! through the message catalogue; `Display` is for logs.

use thiserror::Error;

use crate::prompts::Catalogue;
use crate::store::StoreError;

#[derive(Debug, Error)]
pub enum DrillError {
    #[error("no round is running for this user here")]
    NoRound,
    #[error("a round is already running for this user here (side {side})")]
    RoundRunning { side: String },
    #[error("unknown pack `{pack}`")]
    UnknownPack { pack: String, packs: Vec<String> },
    #[error("several packs and none is the default")]
    NoDefaultPack { packs: Vec<String> },
    #[error("unknown side `{side}`")]
    UnknownSide { side: String, sides: Vec<String> },
    #[error("the message is empty")]
    EmptyMessage,
    #[error("another counter was asked for before the round's first turn")]
    NoTurnYet,
    #[error("every opposing argument has been served in this round")]
    NoCounterLeft,
    #[error("there is no earlier round to switch sides from")]
    NoRoundToSwitchFrom,
    #[error("the latest round served no counter, so there is no side to switch to")]
    NoCountersFaced,
    #[error("no review card is due")]
    NoReviewDue,
    #[error("the round's pack `{0}` is no longer loaded")]
    PackGone(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl DrillError {
    /// The notice a student reads.
    pub fn render(&self, catalogue: &Catalogue) -> String {
        match self {
            DrillError::NoRound => catalogue.render("notice.no_round", &[]),
            DrillError::RoundRunning { side } => {
                catalogue.render("notice.round_running", &[("side", side)])
            }
            DrillError::UnknownPack { pack, packs } => catalogue.render(
                "notice.unknown_pack",
                &[("pack", pack), ("packs", &packs.join(", "))],
            ),
            DrillError::NoDefaultPack { packs } => {
                catalogue.render("notice.no_default_pack", &[("packs", &packs.join(", "))])
            }
            DrillError::UnknownSide { side, sides } => catalogue.render(
                "notice.unknown_side",
                &[("side", side), ("sides", &sides.join(", "))],
            ),
            DrillError::EmptyMessage => catalogue.render("notice.empty_message", &[]),
            DrillError::NoTurnYet => catalogue.render("notice.no_turn_yet", &[]),
            DrillError::NoCounterLeft => catalogue.render("notice.no_counter_left", &[]),
            DrillError::NoRoundToSwitchFrom => {
                catalogue.render("notice.no_round_to_switch_from", &[])
            }
            DrillError::NoCountersFaced => catalogue.render("notice.no_counters_faced", &[]),
            DrillError::NoReviewDue => catalogue.render("notice.no_review_due", &[]),
            DrillError::PackGone(_) | DrillError::Store(_) => catalogue.render("notice.store", &[]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_fill_their_values() {
        let catalogue = Catalogue::builtin();
        let text = DrillError::UnknownSide {
            side: "pro".into(),
            sides: vec!["a".into(), "b".into()],
        }
        .render(&catalogue);
        assert!(text.contains("pro") && text.contains("a, b"), "{text}");
    }
}
