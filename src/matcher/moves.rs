//! What a message does in the debate, read before it is answered: makes a point, attacks an
//! opposing point, concedes, or says nothing recognisable.
//!
//! Stance comes from the message's shape and from which side's argument each part of it
//! matches, never from topic words alone:
//! - a contrast ("sure X, but Y", "although X, Y") or a refutation ("X is wrong because Y",
//!   "that ignores Y") whose attacked part X matches an opposing argument is an attack on it;
//! - a denial ("X isn't true", "neutrality would never satisfy him") is an attack when the
//!   message matches an opposing argument best and denies what that argument asserts (the
//!   argument itself is not a negative claim);
//! - a question put to an opposing point ("why should Kyiv trust that?") challenges it;
//! - a conceding phrase ("fair point", "ur right") not followed by a "but" is a concession, and
//!   so is an opposing point said after an agreeing opener ("yeah ok, …") or called good
//!   ("good deal, everyone wins"), or a "but" that
//!   turns back to agreeing ("it's a fantasy, but yeah, … makes sense");
//! - anything else recognised is a point, of whichever side it matches.

use super::cues::{Cues, plain};
use super::search::{Hit, Matcher};
use crate::pack::ArgumentIndex;

/// What a message does for a student arguing a side.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Move {
    /// Makes a point: the argument recognised (of any side; one of an opposing side is the
    /// student arguing the other side's case).
    Point(Hit),
    /// Attacks an opposing argument; `reason` is the student's own-side argument the rest of
    /// the message makes, when one is recognised.
    Attack { target: Hit, reason: Option<Hit> },
    /// Gives ground: accepts an opposing point (when one is recognised) or gives up the case.
    Concession(Option<Hit>),
    /// Nothing recognisable.
    Unsure,
}

impl Move {
    pub fn name(&self) -> &'static str {
        match self {
            Move::Point(_) => "point",
            Move::Attack { .. } => "attack",
            Move::Concession(_) => "concession",
            Move::Unsure => "unsure",
        }
    }

    /// The argument the move is about: the point made, the point attacked, the point conceded.
    pub fn matched(&self) -> Option<Hit> {
        match *self {
            Move::Point(hit) => Some(hit),
            Move::Attack { target, .. } => Some(target),
            Move::Concession(hit) => hit,
            Move::Unsure => None,
        }
    }
}

/// Reads what `text` does for a student arguing `side`. `facing` is the counter the student is
/// answering, if any: a refutation that names no point of its own ("that ignores …") attacks it.
pub fn read_move(m: &Matcher, side: &str, text: &str, facing: Option<ArgumentIndex>) -> Move {
    let plain = plain(text);
    let cues = Cues::of(&plain);
    let whole = m.search(text, 1).into_iter().next();
    let opposing = whole.filter(|hit| of_another_side(m, side, hit.argument));
    // An agreeing opener concedes what the rest says when that is another side's point: the
    // best reading of the message, or the counter the student is answering, echoed without a
    // denial (a reply that grants the counter's words to turn them denies something).
    let echoes_facing = !cues.denies
        && facing.is_some_and(|counter| {
            of_another_side(m, side, counter) && m.affinity(text, counter) >= m.min_confidence()
        });
    let agrees = !cues.mocks
        && (cues.concedes
            || ((cues.agrees_first || cues.endorses)
                && (opposing.is_some() || echoes_facing)
                && !cues.refutes));
    if agrees && (cues.contrast.is_none() || cues.agrees_after_contrast) {
        return Move::Concession(opposing);
    }
    if let Some(attack) = attack(m, side, text, &plain, &cues, whole, facing) {
        return attack;
    }
    match whole {
        Some(hit) => Move::Point(hit),
        None => Move::Unsure,
    }
}

fn attack(
    m: &Matcher,
    side: &str,
    text: &str,
    plain: &str,
    cues: &Cues,
    whole: Option<Hit>,
    facing: Option<ArgumentIndex>,
) -> Option<Move> {
    let reason_part = cues.reason_part(plain);
    let reason = own_hit(m, side, reason_part.as_deref().unwrap_or(text));
    let make = |target: Hit| Move::Attack { target, reason };
    // The part of the message that states what is attacked, when its shape says which.
    if let Some(target) = cues
        .attacked_part(plain)
        .and_then(|attacked| other_over_own(m, side, &attacked, ATTACKED_PART_SHARE))
    {
        return Some(make(target));
    }
    let challenges = cues.dismisses() || cues.asks || cues.contrast.is_some();
    if challenges || cues.denies {
        if let Some(hit) = whole.filter(|hit| of_another_side(m, side, hit.argument))
            && (challenges || !asserts_negative(m, hit.argument))
        {
            return Some(make(hit));
        }
        if let Some(counter) = facing.filter(|_| cues.dismisses() || cues.deictic)
            && of_another_side(m, side, counter)
        {
            let score = m.affinity(text, counter);
            return Some(make(Hit {
                argument: counter,
                score,
            }));
        }
    }
    // A refutation (or mockery) whose reason is the student's own point: what it refutes is the
    // other side's argument the message also names, when one is named clearly enough.
    if cues.dismisses() {
        return other_over_own(m, side, text, WHOLE_MESSAGE_SHARE).map(make);
    }
    None
}

/// The best argument of another side in `text`, when it is recognised and matches nearly as
/// well as the student's own side (`own_share` of its score).
fn other_over_own(m: &Matcher, side: &str, text: &str, own_share: f64) -> Option<Hit> {
    let pack = m.pack();
    let hits = m.search_all(text, usize::MAX);
    let best_opposing = hits
        .iter()
        .find(|hit| pack.arguments[hit.argument].side != side)?;
    let best_own = hits
        .iter()
        .find(|hit| pack.arguments[hit.argument].side == side)
        .map_or(0.0, |hit| hit.score);
    (best_opposing.score >= m.min_confidence() * ATTACKED_PART_CONFIDENCE
        && best_opposing.score >= best_own * own_share)
        .then_some(*best_opposing)
}

/// The attacked part of a message is short ("sure a coalition could work"), so it is trusted at
/// a lower confidence than a whole message.
const ATTACKED_PART_CONFIDENCE: f64 = 0.75;

/// How close the other side must come to the student's own side: in the part the message's
/// shape says is attacked, a little behind is enough (the student's words colour it); in a
/// whole message, whose reason is their own point, the other side's argument must match
/// about as well.
const ATTACKED_PART_SHARE: f64 = 0.8;
const WHOLE_MESSAGE_SHARE: f64 = 0.8;

fn own_hit(m: &Matcher, side: &str, text: &str) -> Option<Hit> {
    m.search_side(text, side, 1)
        .into_iter()
        .next()
        .filter(|hit| hit.score >= m.min_confidence() / 2.0)
}

/// Students attack, and concede, the points of any side but their own: allied camps
/// disagree too (a coalition guarantee and "it's not about NATO" both refuse Moscow's terms,
/// but not for the same reasons).
fn of_another_side(m: &Matcher, side: &str, argument: ArgumentIndex) -> bool {
    m.pack().arguments[argument].side != side
}

/// Whether an argument's own claim is a negative one ("neutrality would not satisfy Putin"):
/// then a message that repeats its "not" agrees with it rather than denying it.
fn asserts_negative(m: &Matcher, argument: ArgumentIndex) -> bool {
    Cues::of(&plain(&m.pack().arguments[argument].claim)).denies
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::fixture;

    fn id(m: &Matcher, hit: Option<Hit>) -> Option<&str> {
        hit.map(|hit| m.pack().arguments[hit.argument].id.as_str())
    }

    #[test]
    fn a_point_of_ones_own_side_is_a_point() {
        let m = Matcher::new(fixture::pack());
        let read = read_move(
            &m,
            "for-uniforms",
            "uniforms save families money compared to brands",
            None,
        );
        assert_eq!(read.name(), "point");
        assert_eq!(id(&m, read.matched()), Some("smith.cost"));
    }

    #[test]
    fn sure_x_but_y_attacks_x() {
        let m = Matcher::new(fixture::pack());
        let read = read_move(
            &m,
            "for-uniforms",
            "sure kids want to express their identity, but bullying over brands is worse",
            None,
        );
        assert_eq!(read.name(), "attack", "{read:?}");
        assert_eq!(id(&m, read.matched()), Some("jones.expression"));
    }

    #[test]
    fn a_bare_denial_of_an_opposing_point_attacks_it() {
        let m = Matcher::new(fixture::pack());
        let read = read_move(
            &m,
            "for-uniforms",
            "clothes are not how teenagers express who they are",
            None,
        );
        assert_eq!(read.name(), "attack", "{read:?}");
        assert_eq!(id(&m, read.matched()), Some("jones.expression"));
    }

    #[test]
    fn a_concession_without_a_but_is_a_concession() {
        let m = Matcher::new(fixture::pack());
        for text in [
            "ok fair point, ur right",
            "you're right, uniforms hide nothing",
        ] {
            assert_eq!(
                read_move(&m, "for-uniforms", text, None).name(),
                "concession"
            );
        }
        let read = read_move(
            &m,
            "for-uniforms",
            "fair point about identity, but bullying over brands is worse",
            None,
        );
        assert_eq!(read.name(), "attack", "{read:?}");
    }

    #[test]
    fn an_agreeing_opener_echoing_the_counter_concedes_it() {
        let m = Matcher::new(fixture::pack());
        let counter = m.pack().argument_index("jones.expression").unwrap();
        let read = read_move(
            &m,
            "for-uniforms",
            "yeah, teenagers express their identity through clothes",
            Some(counter),
        );
        assert_eq!(read.name(), "concession", "{read:?}");
    }

    #[test]
    fn mock_agreement_with_the_counter_attacks_it() {
        let m = Matcher::new(fixture::pack());
        let counter = m.pack().argument_index("jones.expression").unwrap();
        for text in [
            "oh sure, teenagers express their identity through clothes 🙄",
            "yeah right, clothes are how teenagers express their identity",
            "teenagers express their identity through brands, what could go wrong",
        ] {
            let read = read_move(&m, "for-uniforms", text, Some(counter));
            assert_eq!(read.name(), "attack", "{text}: {read:?}");
            assert_eq!(id(&m, read.matched()), Some("jones.expression"), "{text}");
        }
        for bare in ["yeah right", "lol sure 🙄"] {
            let read = read_move(&m, "for-uniforms", bare, Some(counter));
            assert_eq!(read, Move::Unsure, "{bare} names nothing it disputes");
        }
    }

    #[test]
    fn an_agreeing_opener_that_names_the_problem_attacks() {
        let m = Matcher::new(fixture::pack());
        let counter = m.pack().argument_index("jones.expression").unwrap();
        let read = read_move(
            &m,
            "for-uniforms",
            "exactly, teenagers express their identity through brands, and that's the problem",
            Some(counter),
        );
        assert_eq!(read.name(), "attack", "{read:?}");
    }

    #[test]
    fn that_ignores_attacks_the_counter_being_answered() {
        let m = Matcher::new(fixture::pack());
        let counter = m.pack().argument_index("jones.expression").unwrap();
        let read = read_move(
            &m,
            "for-uniforms",
            "that ignores how cheap they are",
            Some(counter),
        );
        assert_eq!(read.name(), "attack", "{read:?}");
        assert_eq!(id(&m, read.matched()), Some("jones.expression"));
    }

    #[test]
    fn nothing_recognisable_is_unsure() {
        let m = Matcher::new(fixture::pack());
        assert_eq!(
            read_move(&m, "for-uniforms", "what's for lunch", None),
            Move::Unsure
        );
    }
}
