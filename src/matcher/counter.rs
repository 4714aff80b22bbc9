//! Choosing the bot's answer to a student's message: a curated rebuttal of the argument the
//! student made when there is one, else the opposing argument closest to what was said. Counters
//! come only from sides that oppose the student's side.

use super::search::{Hit, Matcher};
use crate::pack::ArgumentIndex;

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
    let pack = m.pack();
    let rebuts_match =
        |candidate: ArgumentIndex| pack.rebutted_by(matched.argument).contains(&candidate);
    let candidates = opposing_by_closeness(m, student_side, text, matched.argument);
    let unserved = |&&candidate: &&ArgumentIndex| !served.contains(&candidate);
    let chosen = candidates
        .iter()
        .filter(unserved)
        .find(|&&candidate| rebuts_match(candidate))
        .or_else(|| candidates.iter().find(unserved))
        .or_else(|| served.iter().find(|served| candidates.contains(served)))
        .copied();
    CounterChoice {
        matched: Some(matched),
        counter: chosen,
        via: chosen.map(|c| {
            if rebuts_match(c) {
                CounterVia::Rebuttal
            } else {
                CounterVia::Closest
            }
        }),
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
