//! Choosing the bot's answer to a student's message, from what the message does
//! ([`read_move`]) and the pack's reasoned clashes. Counters come only from sides that oppose
//! the student's side, are never context entries, and always contest the point:
//! - a point is answered by a curated rebuttal of it; failing that, by a curated rebuttal of
//!   another point of the student's side that the message also makes; failing that, by no one
//!   (the bot says no author in the pack answers that point directly, rather than quote
//!   something that only shares a word with it);
//! - an attack is answered by the attacked author's side defending the point: a curated answer
//!   to the reason the student gave, else an answer to the pack's known attacks on that point;
//! - a concession, or a message nothing in the pack recognises, gets no counter.

use super::moves::{Move, read_move};
use super::search::{Hit, Matcher};
use crate::pack::{ArgumentIndex, Pack};

/// Why a counter was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterVia {
    /// It names the matched argument in its `rebuts`.
    Rebuttal,
    /// It names, in its `rebuts`, another argument of the student's side that the message makes.
    Related,
    /// The message attacked an opposing point; this defends it against the student's reason.
    Defence,
}

impl CounterVia {
    pub fn name(self) -> &'static str {
        match self {
            CounterVia::Rebuttal => "rebuttal",
            CounterVia::Related => "related",
            CounterVia::Defence => "defence",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CounterChoice {
    /// What the message does.
    pub read: Move,
    /// The argument the message was recognised as (any side): the point made, attacked or
    /// conceded; `None` when unsure.
    pub matched: Option<Hit>,
    pub counter: Option<ArgumentIndex>,
    pub via: Option<CounterVia>,
    /// The argument whose curated clash with the counter justified it: the point made, a
    /// related point, or the reason or attack the counter defends against.
    pub answers: Option<ArgumentIndex>,
}

/// One counter that contests what a message does, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub counter: ArgumentIndex,
    pub via: CounterVia,
    /// The argument the counter's `rebuts` link names.
    pub answers: ArgumentIndex,
}

/// Reads the message, then picks the counter: the first unserved candidate (see the module
/// notes); when every candidate has been served, the one the student has left unanswered
/// longest (earliest in `open`), pressed again; else none. `facing` is the counter the student
/// is answering, if any.
pub fn choose_counter(
    m: &Matcher,
    student_side: &str,
    text: &str,
    facing: Option<ArgumentIndex>,
    served: &[ArgumentIndex],
    open: &[ArgumentIndex],
) -> CounterChoice {
    let read = read_move(m, student_side, text, facing);
    let candidates = candidates(m, student_side, text, &read);
    let chosen = candidates
        .iter()
        .find(|c| !served.contains(&c.counter))
        .or_else(|| {
            open.iter()
                .find_map(|s| candidates.iter().find(|c| c.counter == *s))
        })
        .copied();
    CounterChoice {
        matched: read.matched(),
        read,
        counter: chosen.map(|c| c.counter),
        via: chosen.map(|c| c.via),
        answers: chosen.map(|c| c.answers),
    }
}

/// Another counter to a point already made (`matched`, said as `text`), never one in `served`.
/// `None` when no unserved argument of an opposing side contests it.
pub fn unserved_counter(
    m: &Matcher,
    student_side: &str,
    text: &str,
    matched: ArgumentIndex,
    served: &[ArgumentIndex],
) -> Option<Candidate> {
    let hit = Hit {
        argument: matched,
        score: m.affinity(text, matched),
    };
    point_candidates(m, student_side, text, hit)
        .into_iter()
        .find(|c| !served.contains(&c.counter))
}

/// Every counter that contests what the message does, best first, each once.
fn candidates(m: &Matcher, student_side: &str, text: &str, read: &Move) -> Vec<Candidate> {
    match *read {
        Move::Point(hit) => point_candidates(m, student_side, text, hit),
        Move::Attack { target, reason } => {
            defence_candidates(m, student_side, text, target, reason)
        }
        Move::Concession(_) | Move::Unsure => Vec::new(),
    }
}

/// Curated rebuttals of the point (closest to the message first), then curated rebuttals of the
/// student's other points the message makes, strongest reading first.
fn point_candidates(m: &Matcher, student_side: &str, text: &str, point: Hit) -> Vec<Candidate> {
    let pack = m.pack();
    let mut out = Candidates::new(pack, student_side, point.argument);
    let closeness = closeness(m, text);
    let mut direct: Vec<ArgumentIndex> = pack.rebutted_by(point.argument).to_vec();
    direct.sort_by(|a, b| closeness(*b).total_cmp(&closeness(*a)));
    for counter in direct {
        out.push(counter, CounterVia::Rebuttal, point.argument);
    }
    for hit in related_points(m, student_side, text, point) {
        for &counter in pack.rebutted_by(hit.argument) {
            out.push(counter, CounterVia::Related, hit.argument);
        }
    }
    out.into_vec()
}

/// The attacked author's side defends its point: curated answers to the reason the student
/// gave (arguments of the attacked point's own position first), then answers to the pack's
/// known attacks on that point (the student's side's rebuttals of it).
fn defence_candidates(
    m: &Matcher,
    student_side: &str,
    text: &str,
    target: Hit,
    reason: Option<Hit>,
) -> Vec<Candidate> {
    let pack = m.pack();
    let attacked = &pack.arguments[target.argument];
    let mut out = Candidates::new(pack, student_side, target.argument);
    let closeness = closeness(m, text);
    let answers_to = |own: ArgumentIndex, out: &mut Candidates<'_>| {
        let mut answers: Vec<ArgumentIndex> = pack.rebutted_by(own).to_vec();
        answers.sort_by(|a, b| {
            let same = |x: ArgumentIndex| pack.arguments[x].position == attacked.position;
            same(*b)
                .cmp(&same(*a))
                .then(closeness(*b).total_cmp(&closeness(*a)))
        });
        for answer in answers {
            out.push(answer, CounterVia::Defence, own);
        }
    };
    if let Some(reason) = reason {
        answers_to(reason.argument, &mut out);
    }
    for &attack in pack.rebutted_by(target.argument) {
        if pack.arguments[attack].side == student_side {
            answers_to(attack, &mut out);
        }
    }
    out.into_vec()
}

/// The student's own-side arguments the message also makes, besides `point`, best first: those
/// recognised with at least half the confidence of the best.
fn related_points(m: &Matcher, student_side: &str, text: &str, point: Hit) -> Vec<Hit> {
    let floor = m.min_confidence() / 2.0;
    m.search_side(text, student_side, RELATED_POINTS + 1)
        .into_iter()
        .filter(|hit| hit.argument != point.argument && hit.score >= floor)
        .take(RELATED_POINTS)
        .collect()
}

/// How many other own-side readings of a message may lend their rebuttals.
const RELATED_POINTS: usize = 2;

/// How close each argument is to the message, for ordering candidates of one kind.
fn closeness(m: &Matcher, text: &str) -> impl Fn(ArgumentIndex) -> f64 {
    let hits = m.search_all(text, usize::MAX);
    let mut by_argument = vec![0.0; m.pack().arguments.len()];
    for hit in hits {
        by_argument[hit.argument] = hit.score;
    }
    move |argument| by_argument[argument]
}

/// Candidates in order, each once: only servable arguments of sides opposing the student's,
/// never the argument the message is about.
struct Candidates<'p> {
    pack: &'p Pack,
    student_side: &'p str,
    about: ArgumentIndex,
    list: Vec<Candidate>,
}

impl<'p> Candidates<'p> {
    fn new(pack: &'p Pack, student_side: &'p str, about: ArgumentIndex) -> Self {
        Candidates {
            pack,
            student_side,
            about,
            list: Vec::new(),
        }
    }

    fn push(&mut self, counter: ArgumentIndex, via: CounterVia, answers: ArgumentIndex) {
        let argument = &self.pack.arguments[counter];
        if counter != self.about
            && argument.is_servable()
            && self.pack.opposes(self.student_side, &argument.side)
            && !self.list.iter().any(|c| c.counter == counter)
        {
            self.list.push(Candidate {
                counter,
                via,
                answers,
            });
        }
    }

    fn into_vec(self) -> Vec<Candidate> {
        self.list
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::pack::fixture;

    fn id(m: &Matcher, argument: Option<ArgumentIndex>) -> Option<&str> {
        argument.map(|a| m.pack().arguments[a].id.as_str())
    }

    fn index(m: &Matcher, id: &str) -> ArgumentIndex {
        m.pack().argument_index(id).unwrap()
    }

    const COST: &str = "uniforms save families money compared to brands";

    #[test]
    fn prefers_a_curated_rebuttal() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(&m, "for-uniforms", COST, None, &[], &[]);
        assert_eq!(choice.read.name(), "point");
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("smith.cost")
        );
        assert_eq!(id(&m, choice.counter), Some("jones.hidden-costs"));
        assert_eq!(choice.via, Some(CounterVia::Rebuttal));
    }

    #[test]
    fn among_rebuttals_takes_the_closest_to_the_message() {
        let m = Matcher::new(fixture::pack());
        let text =
            "when everyone dresses alike nobody is bullied for the wrong clothes or their identity";
        let choice = choose_counter(&m, "for-uniforms", text, None, &[], &[]);
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("smith.bullying")
        );
        assert_eq!(id(&m, choice.counter), Some("jones.expression"));
    }

    #[test]
    fn a_point_no_author_answers_gets_no_counter_rather_than_an_off_point_one() {
        let m = Matcher::new(fixture::pack());
        let text = "getting dressed in the morning takes no time when there is nothing to choose";
        let choice = choose_counter(&m, "for-uniforms", text, None, &[], &[]);
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("smith.mornings")
        );
        assert_eq!(choice.counter, None);
        assert_eq!(choice.via, None);
    }

    #[test]
    fn an_unanswered_rebuttal_is_pressed_again_rather_than_replaced_by_an_off_point_counter() {
        let m = Matcher::new(fixture::pack());
        let served = [index(&m, "jones.comfort"), index(&m, "jones.hidden-costs")];
        let choice = choose_counter(&m, "for-uniforms", COST, None, &served, &served);
        assert_eq!(id(&m, choice.counter), Some("jones.hidden-costs"));
        let answered = choose_counter(&m, "for-uniforms", COST, None, &served, &[]);
        assert_eq!(
            answered.counter, None,
            "an answered counter is not pressed again"
        );
    }

    #[test]
    fn an_attack_is_answered_by_the_attacked_side_defending_its_point() {
        let m = Matcher::new(fixture::pack());
        let text = "sure kids want to express their identity, but bullying over clothes is worse";
        let choice = choose_counter(&m, "for-uniforms", text, None, &[], &[]);
        assert_eq!(choice.read.name(), "attack", "{choice:?}");
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("jones.expression")
        );
        assert_eq!(id(&m, choice.counter), Some("jones.bullies-adapt"));
        assert_eq!(choice.via, Some(CounterVia::Defence));
    }

    #[test]
    fn a_concession_gets_no_counter() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(
            &m,
            "for-uniforms",
            "ok fair point, ur right",
            None,
            &[],
            &[],
        );
        assert_eq!(choice.read.name(), "concession");
        assert_eq!(choice.counter, None);
    }

    #[test]
    fn another_counter_is_a_fresh_rebuttal_then_none() {
        let m = Matcher::new(fixture::pack());
        let text = "nobody gets bullied for their clothes when everyone dresses alike";
        let matched = index(&m, "smith.bullying");
        let mut served = Vec::new();
        while let Some(next) = unserved_counter(&m, "for-uniforms", text, matched, &served) {
            assert_eq!(next.via, CounterVia::Rebuttal);
            assert_eq!(next.answers, matched);
            assert!(!served.contains(&next.counter), "{} twice", next.counter);
            served.push(next.counter);
        }
        let mut ids: Vec<&str> = served.iter().map(|&c| id(&m, Some(c)).unwrap()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["jones.bullies-adapt", "jones.expression"]);
    }

    #[test]
    fn unsure_means_no_counter() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(&m, "for-uniforms", "what's for lunch", None, &[], &[]);
        assert_eq!(
            choice,
            CounterChoice {
                read: Move::Unsure,
                matched: None,
                counter: None,
                via: None,
                answers: None,
            }
        );
    }

    #[test]
    fn an_unknown_side_gets_no_counter() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(&m, "no-such-side", COST, None, &[], &[]);
        assert!(choice.matched.is_some());
        assert_eq!(choice.counter, None);
        assert_eq!(choice.via, None);
    }

    const WORDS: &[&str] = &[
        "uniform",
        "cost",
        "cheap",
        "bullying",
        "shoes",
        "clothes",
        "expression",
        "identity",
        "blazer",
        "hot",
        "discipline",
        "attendance",
        "depends",
        "money",
        "lol",
        "the",
        "not",
        "but",
        "sure",
        "wrong",
        "fair point",
    ];
    const SIDES: &[&str] = &[
        "for-uniforms",
        "against-uniforms",
        "undecided",
        "no-such-side",
    ];

    proptest! {
        /// Counters come only from a side opposing the student's, are never the point the
        /// message is about, and are always curated clashes.
        #[test]
        fn counters_only_from_opposing_sides(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..12),
            side in proptest::sample::select(SIDES),
            served in proptest::collection::vec(0usize..9, 0..5),
        ) {
            let m = Matcher::new(fixture::pack());
            let pack = m.pack();
            let choice = choose_counter(&m, side, &words.join(" "), None, &served, &served);
            if let Some(counter) = choice.counter {
                prop_assert!(pack.opposes(side, &pack.arguments[counter].side));
                prop_assert!(pack.arguments[counter].is_servable());
                prop_assert_ne!(Some(counter), choice.matched.map(|hit| hit.argument));
                prop_assert!(!pack.arguments[counter].rebuts.is_empty());
            }
            prop_assert_eq!(choice.counter.is_some(), choice.via.is_some());
        }
    }
}
