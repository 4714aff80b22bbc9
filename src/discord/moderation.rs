//! The moderator's post after a versus turn, public in the pair's thread: who spoke, what the
//! turn was recognised as, whether it answered the opponent's point, the point the opponent
//! must now answer, and the turn's score. Under it, a Counter hint button that only the
//! opponent may use. Mentions name the students without pinging them (no post pings anyone).

use super::buttons::Button;
use super::card::Card;
use super::post::Post;
use super::render::{score_fields, under_last};
use super::rounds::user_of_key;
use super::text::escape;
use crate::drill::Moderated;
use crate::prompts::Catalogue;

/// The moderation card, over as many messages as it needs, the buttons under the last.
pub fn posts(moderated: &Moderated, catalogue: &Catalogue) -> Vec<Post> {
    let speaker = mention(&moderated.speaker);
    let opponent = mention(&moderated.opponent);
    let turn = &moderated.turn;
    let said = match &turn.matched {
        Some((argument, _)) => format!(
            "{speaker} argued: **{}** ({})",
            escape(&argument.claim),
            escape(&argument.speaker)
        ),
        None => format!("{speaker} spoke."),
    };
    let mut card = Card::new(format!("Versus, turn {}", turn.turn), said);
    let exchange = match (&turn.answered, &moderated.facing) {
        (Some(answered), _) => Some(format!(
            "✓ {speaker} answered {opponent}'s point: {}",
            escape(&answered.claim)
        )),
        (None, Some(facing)) => Some(format!(
            "✗ {speaker} left {opponent}'s point standing: {}",
            escape(&facing.claim)
        )),
        (None, None) => None,
    };
    if let Some(exchange) = exchange {
        card = card.field("The opponent's point".into(), exchange);
    }
    card = card.field(
        "Now to answer".into(),
        match &moderated.served {
            Some(_) => format!(
                "{opponent}, answer this point; **Counter hint** shows your side's best reply."
            ),
            None => format!("Nothing new for {opponent} to answer: keep making your case."),
        },
    );
    let title = format!("Turn {}: {:.0}/100", turn.turn, turn.score.total);
    let card = score_fields(card, title, &turn.score, catalogue);
    let buttons = match (&moderated.served, user_of_key(&moderated.opponent)) {
        (Some(point), Some(opponent)) => vec![
            Button::CounterHint {
                opponent,
                argument: point.id.clone(),
            }
            .create(),
            Button::ShowSource(point.id.clone()).create(),
        ],
        _ => Vec::new(),
    };
    under_last(card, buttons)
}

/// A student as a mention (which never pings: no post allows mentions).
fn mention(user_key: &str) -> String {
    user_of_key(user_key).map_or_else(|| "a student".to_string(), |user| format!("<@{user}>"))
}
