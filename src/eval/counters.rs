//! Counter relevance: for a message expressing paragraph P, said by a student of P's essay, is
//! the counter the bot serves from a paragraph the clash map says contests P? Beside the naive
//! baseline: the closest opposing argument by plain BM25. And the pack's links read against the
//! same map, whatever the messages: a curator's figure.

use super::blind::{ClashMap, Message};
use super::bm25_baseline::Bm25Baseline;
use super::essays::Placement;
use super::misses::{Miss, described};
use crate::matcher::{Matcher, choose_counter};
use crate::pack::ArgumentIndex;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Relevance {
    /// On-topic messages whose essay argues a side of the pack and whose paragraphs the clash
    /// map labels.
    pub messages: usize,
    /// Messages the bot answered with a counter.
    pub answered: usize,
    /// Counters from a paragraph that contests the message's.
    pub on_point: usize,
    pub baseline_on_point: usize,
    /// `rebuts` links between two paragraphs, the target's labelled by the map.
    pub links_judged: usize,
    /// Of those, links whose rebutter stands in a paragraph the map says contests the target's.
    pub links_contesting: usize,
}

pub fn counter_relevance(
    matcher: &Matcher,
    baseline: &Bm25Baseline,
    placement: &Placement,
    clash_map: &ClashMap,
    messages: &[Message],
    misses: &mut Vec<Miss>,
) -> Relevance {
    let pack = matcher.pack();
    let mut report = Relevance::default();
    let links = pack
        .arguments
        .iter()
        .enumerate()
        .flat_map(|(rebutter, argument)| {
            argument
                .rebuts
                .iter()
                .filter_map(move |link| Some((rebutter, pack.argument_index(&link.target)?)))
        });
    for (rebutter, target) in links {
        if let (Some(from), Some(to)) =
            (&placement.paragraph[rebutter], &placement.paragraph[target])
        {
            let to = std::slice::from_ref(to);
            if clash_map.covers(to) {
                report.links_judged += 1;
                report.links_contesting += usize::from(clash_map.contests(from, to));
            }
        }
    }
    let on_point = |counter: Option<ArgumentIndex>, message: &Message| {
        counter
            .and_then(|c| placement.paragraph[c].as_deref())
            .is_some_and(|p| clash_map.contests(p, &message.paragraphs))
    };
    for message in messages {
        let Some(side) = message
            .essay
            .as_ref()
            .and_then(|essay| placement.side_of_essay.get(essay))
        else {
            continue;
        };
        if !clash_map.covers(&message.paragraphs) {
            continue;
        }
        report.messages += 1;
        let choice = choose_counter(matcher, side, &message.q, None, &[], &[]);
        report.answered += usize::from(choice.counter.is_some());
        let served_on_point = on_point(choice.counter, message);
        report.on_point += usize::from(served_on_point);
        if !served_on_point {
            misses.push(Miss {
                measure: "counter",
                id: message.id.clone(),
                q: message.q.clone(),
                wanted: format!(
                    "a contest of {} (read as {})",
                    message.paragraphs.join(" "),
                    described(pack, placement, choice.matched.map(|h| h.argument))
                ),
                got: format!(
                    "{} via {}",
                    described(pack, placement, choice.counter),
                    choice.via.map_or("nothing", |v| v.name())
                ),
            });
        }
        let closest_opposing = baseline
            .rank(&message.q, pack.arguments.len())
            .into_iter()
            .find(|&a| pack.opposes(side, &pack.arguments[a].side));
        report.baseline_on_point += usize::from(on_point(closest_opposing, message));
    }
    report
}
