//! Choosing the bot's answer to a student's message: a curated rebuttal of the argument the
//! student made when there is one, else the opposing argument closest to what was said. Counters
//! come only from sides that oppose the student's side.

use super::search::{Hit, Matcher};
use crate::pack::{ArgumentIndex, Pack};

/// Why a counter was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CounterVia {
    /// It names the matched argument in its `rebuts`.
    Rebuttal,
    /// No unserved rebuttal: the opposing argument closest to the message.
    Closest,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CounterChoice {
    /// The argument the message was recognised as (any side); `None` when unsure.
    pub matched: Option<Hit>,
    pub counter: Option<ArgumentIndex>,
    pub via: Option<CounterVia>,
}

/// Matches `text`, then picks the counter: an unserved rebuttal of the matched argument (closest
/// to the message first), else the unserved opposing argument closest to the message; when every
/// opposing argument has been served, the least recently served (earliest in `served`). Never the
/// matched argument itself. Unsure about the message => no counter.
pub fn choose_counter(
    m: &Matcher,
    student_side: &str,
    text: &str,
    served: &[ArgumentIndex],
) -> CounterChoice {
    let Some(matched) = m.search(text, 1).into_iter().next() else {
        return CounterChoice {
            matched: None,
            counter: None,
            via: None,
        };
    };
    let chosen = unserved_counter(m, student_side, text, matched.argument, served)
        .map(|(counter, _)| counter)
        .or_else(|| {
            let pack = m.pack();
            served.iter().copied().find(|&counter| {
                counter != matched.argument
                    && pack
                        .arguments
                        .get(counter)
                        .is_some_and(|argument| pack.opposes(student_side, &argument.side))
            })
        });
    CounterChoice {
        via: chosen.map(|counter| counter_via(m.pack(), matched.argument, counter)),
        matched: Some(matched),
        counter: chosen,
    }
}

/// A counter to `matched` (the argument `text` was recognised as) not yet in `served`: a curated
/// rebuttal of it (closest to the message first), else the opposing argument closest to the
/// message. `None` when every argument of a side opposing `student_side` has been served.
pub fn unserved_counter(
    m: &Matcher,
    student_side: &str,
    text: &str,
    matched: ArgumentIndex,
    served: &[ArgumentIndex],
) -> Option<(ArgumentIndex, CounterVia)> {
    let pack = m.pack();
    let candidates = opposing_by_closeness(m, student_side, text, matched);
    let unserved: Vec<ArgumentIndex> = candidates
        .into_iter()
        .filter(|candidate| !served.contains(candidate))
        .collect();
    let chosen = unserved
        .iter()
        .copied()
        .find(|candidate| pack.rebutted_by(matched).contains(candidate))
        .or(unserved.first().copied())?;
    Some((chosen, counter_via(pack, matched, chosen)))
}

/// Why `counter` answers `matched`: a curated rebuttal of it, or only the closest opposing point.
pub fn counter_via(pack: &Pack, matched: ArgumentIndex, counter: ArgumentIndex) -> CounterVia {
    if pack.rebutted_by(matched).contains(&counter) {
        CounterVia::Rebuttal
    } else {
        CounterVia::Closest
    }
}

/// Every argument of a side opposing `student_side` except `matched`: those sharing terms with
/// the message first, closest first, then the rest in pack order.
fn opposing_by_closeness(
    m: &Matcher,
    student_side: &str,
    text: &str,
    matched: ArgumentIndex,
) -> Vec<ArgumentIndex> {
    let pack = m.pack();
    let opposing = |argument: ArgumentIndex| {
        argument != matched && pack.opposes(student_side, &pack.arguments[argument].side)
    };
    let mut ordered: Vec<ArgumentIndex> = m
        .search_all(text, usize::MAX)
        .into_iter()
        .map(|hit| hit.argument)
        .filter(|&argument| opposing(argument))
        .collect();
    let mut listed = vec![false; pack.arguments.len()];
    for &argument in &ordered {
        listed[argument] = true;
    }
    ordered.extend(
        (0..pack.arguments.len()).filter(|&argument| !listed[argument] && opposing(argument)),
    );
    ordered
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::matcher::fixture;

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
        let choice = choose_counter(&m, "for-uniforms", COST, &[]);
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
        let choice = choose_counter(&m, "for-uniforms", text, &[]);
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("smith.bullying")
        );
        assert_eq!(id(&m, choice.counter), Some("jones.expression"));
    }

    #[test]
    fn falls_back_to_the_closest_opposing_argument_when_rebuttals_are_served() {
        let m = Matcher::new(fixture::pack());
        let served = [index(&m, "jones.hidden-costs")];
        let choice = choose_counter(&m, "for-uniforms", COST, &served);
        assert_eq!(choice.via, Some(CounterVia::Closest));
        let counter = choice.counter.unwrap();
        assert_eq!(m.pack().arguments[counter].side, "against-uniforms");
        assert!(!served.contains(&counter));
    }

    #[test]
    fn when_everything_is_served_repeats_the_least_recently_served() {
        let m = Matcher::new(fixture::pack());
        let mut served: Vec<ArgumentIndex> =
            m.pack().arguments_of_side("against-uniforms").collect();
        served.rotate_left(2);
        let choice = choose_counter(&m, "for-uniforms", COST, &served);
        assert_eq!(choice.counter, Some(served[0]));
    }

    #[test]
    fn never_counters_with_the_matched_argument() {
        let m = Matcher::new(fixture::pack());
        let text =
            "uniforms are not cheaper, families still buy weekend clothes so its an extra cost";
        let choice = choose_counter(&m, "for-uniforms", text, &[]);
        let matched = choice.matched.unwrap().argument;
        assert_eq!(id(&m, Some(matched)), Some("jones.hidden-costs"));
        assert_ne!(choice.counter, Some(matched));
        assert!(choice.counter.is_some());
    }

    #[test]
    fn another_counter_is_a_fresh_rebuttal_first_then_the_closest_then_none() {
        let m = Matcher::new(fixture::pack());
        let pack = m.pack();
        let matched = index(&m, "smith.cost");
        let mut served = Vec::new();
        let first = unserved_counter(&m, "for-uniforms", COST, matched, &served);
        assert_eq!(
            first.map(|(counter, via)| (id(&m, Some(counter)), via)),
            Some((Some("jones.hidden-costs"), CounterVia::Rebuttal))
        );
        served.push(first.unwrap().0);
        while let Some((counter, via)) =
            unserved_counter(&m, "for-uniforms", COST, matched, &served)
        {
            assert_eq!(via, CounterVia::Closest);
            assert_eq!(pack.arguments[counter].side, "against-uniforms");
            assert!(!served.contains(&counter), "{counter} twice");
            served.push(counter);
        }
        let opposing: Vec<ArgumentIndex> = pack.arguments_of_side("against-uniforms").collect();
        assert_eq!(served.len(), opposing.len());
    }

    #[test]
    fn unsure_means_no_counter() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(&m, "for-uniforms", "what's for lunch", &[]);
        assert_eq!(
            choice,
            CounterChoice {
                matched: None,
                counter: None,
                via: None
            }
        );
    }

    #[test]
    fn an_unknown_side_gets_no_counter() {
        let m = Matcher::new(fixture::pack());
        let choice = choose_counter(&m, "no-such-side", COST, &[]);
        assert!(choice.matched.is_some());
        assert_eq!(choice.counter, None);
        assert_eq!(choice.via, None);
    }

    #[test]
    fn a_closer_argument_of_a_side_that_does_not_oppose_is_never_chosen() {
        let m = Matcher::new(fixture::pack());
        let text = "it depends on the school and families, discipline and cost";
        let choice = choose_counter(&m, "for-uniforms", text, &[]);
        assert_eq!(
            id(&m, choice.matched.map(|hit| hit.argument)),
            Some("lee.depends")
        );
        let counter = choice.counter.unwrap();
        assert_eq!(m.pack().arguments[counter].side, "against-uniforms");
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
    ];
    const SIDES: &[&str] = &[
        "for-uniforms",
        "against-uniforms",
        "undecided",
        "no-such-side",
    ];

    proptest! {
        /// Counters come only from a side opposing the student's, never repeat the match, and
        /// never repeat a served one while an unserved one remains.
        #[test]
        fn counters_only_from_opposing_sides(
            words in proptest::collection::vec(proptest::sample::select(WORDS), 0..12),
            side in proptest::sample::select(SIDES),
            served in proptest::collection::vec(0usize..9, 0..5),
        ) {
            let m = Matcher::new(fixture::pack());
            let pack = m.pack();
            let choice = choose_counter(&m, side, &words.join(" "), &served);
            if let Some(counter) = choice.counter {
                prop_assert!(pack.opposes(side, &pack.arguments[counter].side));
                prop_assert_ne!(Some(counter), choice.matched.map(|hit| hit.argument));
                let unserved_remain = (0..pack.arguments.len()).any(|a| {
                    !served.contains(&a)
                        && pack.opposes(side, &pack.arguments[a].side)
                        && Some(a) != choice.matched.map(|hit| hit.argument)
                });
                prop_assert!(!unserved_remain || !served.contains(&counter));
            }
            prop_assert_eq!(choice.counter.is_some(), choice.via.is_some());
        }
    }
}
