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
    let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| catalogue.render(key, values);
    let speaker = mention(&moderated.speaker, catalogue);
    let opponent = mention(&moderated.opponent, catalogue);
    let turn = &moderated.turn;
    let said = match &turn.matched {
        Some((argument, _)) => say(
            "versus.argued",
            &[
                ("speaker", &speaker),
                ("claim", &escape(&argument.claim)),
                ("author", &escape(&argument.speaker)),
            ],
        ),
        None => say("versus.spoke", &[("speaker", &speaker)]),
    };
    let mut card = Card::new(say("versus.card_title", &[("turn", &turn.turn)]), said);
    let exchange = match (&turn.answered, &moderated.facing) {
        (Some(answered), _) => Some(say(
            "versus.answered",
            &[
                ("speaker", &speaker),
                ("opponent", &opponent),
                ("claim", &escape(&answered.claim)),
            ],
        )),
        (None, Some(facing)) => Some(say(
            "versus.left_standing",
            &[
                ("speaker", &speaker),
                ("opponent", &opponent),
                ("claim", &escape(&facing.claim)),
            ],
        )),
        (None, None) => None,
    };
    if let Some(exchange) = exchange {
        card = card.field(say("versus.opponents_point", &[]), exchange);
    }
    card = card.field(
        say("versus.now_to_answer", &[]),
        match &moderated.served {
            Some(_) => say("versus.answer_this", &[("opponent", &opponent)]),
            None => say("versus.nothing_new", &[("opponent", &opponent)]),
        },
    );
    let title = say(
        "versus.turn_title",
        &[
            ("turn", &turn.turn),
            ("score", &format!("{:.0}", turn.score.total)),
        ],
    );
    let card = score_fields(card, title, &turn.score, catalogue);
    let buttons = match (&moderated.served, user_of_key(&moderated.opponent)) {
        (Some(point), Some(opponent)) => vec![
            Button::CounterHint {
                opponent,
                argument: point.id.clone(),
            }
            .create(catalogue),
            Button::ShowSource(point.id.clone()).create(catalogue),
        ],
        _ => Vec::new(),
    };
    under_last(card, buttons, catalogue)
}

/// A student as a mention (which never pings: no post allows mentions).
fn mention(user_key: &str, catalogue: &Catalogue) -> String {
    user_of_key(user_key).map_or_else(
        || catalogue.render("versus.a_student", &[]),
        |user| format!("<@{user}>"),
    )
}
