//! Recognition: does the matcher find the paragraph a message expresses? A hit counts when its
//! argument's quote stands in one of the message's gold paragraphs. The matcher is measured as
//! the bot uses it (through [`Matcher::search`], so "unsure" is a miss), beside plain BM25 over
//! the same arguments. Off-topic messages measure the other half of the threshold.

use std::collections::BTreeMap;

use super::blind::Message;
use super::bm25_baseline::Bm25Baseline;
use super::essays::Placement;
use super::metrics::{MAX_RANK, RankStats, first_rank, share};
use super::misses::{Miss, described};
use crate::matcher::Matcher;

/// The matcher's and the baseline's figures for one group of messages.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Comparison {
    pub matcher: RankStats,
    pub baseline: RankStats,
}

/// Confidence thresholds shown in the sweep.
const SWEEP: [f64; 7] = [0.1, 0.15, 0.18, 0.21, 0.25, 0.3, 0.4];

#[derive(Debug, Clone, PartialEq)]
pub struct Recognition {
    pub min_confidence: f64,
    pub overall: Comparison,
    pub by_style: BTreeMap<String, Comparison>,
    pub off_topic: usize,
    pub off_topic_left_empty: usize,
    /// On-topic messages whose paragraphs hold no pack argument: misses whatever the matcher.
    pub unreachable: usize,
    /// Per swept threshold: (threshold, on-topic top-1, off-topic share left empty).
    pub sweep: Vec<(f64, f64, f64)>,
}

pub fn recognition(
    matcher: &Matcher,
    baseline: &Bm25Baseline,
    placement: &Placement,
    messages: &[Message],
    misses: &mut Vec<Miss>,
) -> Recognition {
    let mut report = Recognition {
        min_confidence: matcher.min_confidence(),
        overall: Comparison::default(),
        by_style: BTreeMap::new(),
        off_topic: 0,
        off_topic_left_empty: 0,
        unreachable: 0,
        sweep: Vec::new(),
    };
    let mut on_topic_tops: Vec<(f64, bool)> = Vec::new();
    let mut off_topic_tops: Vec<f64> = Vec::new();
    for message in messages {
        let all = matcher.search_all(&message.q, MAX_RANK);
        let top_confidence = all.first().map_or(0.0, |hit| hit.score);
        if message.paragraphs.is_empty() {
            report.off_topic += 1;
            report.off_topic_left_empty += usize::from(top_confidence < matcher.min_confidence());
            off_topic_tops.push(top_confidence);
            continue;
        }
        let expect = placement.arguments_in(&message.paragraphs);
        report.unreachable += usize::from(expect.is_empty());
        let accepted = matcher.search(&message.q, MAX_RANK);
        let matcher_rank = first_rank(accepted.iter().map(|hit| hit.argument), &expect);
        if matcher_rank != Some(1) {
            misses.push(Miss {
                measure: "recognition",
                id: message.id.clone(),
                q: message.q.clone(),
                wanted: message.paragraphs.join(" "),
                got: described(
                    matcher.pack(),
                    placement,
                    accepted.first().map(|h| h.argument),
                ),
            });
        }
        let baseline_rank = first_rank(baseline.rank(&message.q, MAX_RANK), &expect);
        let top_right = all
            .first()
            .is_some_and(|hit| expect.contains(&hit.argument));
        on_topic_tops.push((top_confidence, top_right));
        let style = report.by_style.entry(message.style.clone()).or_default();
        for comparison in [style, &mut report.overall] {
            comparison.matcher.record(matcher_rank);
            comparison.baseline.record(baseline_rank);
        }
    }
    report.sweep = SWEEP
        .iter()
        .map(|&threshold| {
            let kept = on_topic_tops
                .iter()
                .filter(|&&(c, right)| right && c >= threshold)
                .count();
            let refused = off_topic_tops.iter().filter(|&&c| c < threshold).count();
            (
                threshold,
                share(kept, on_topic_tops.len()),
                share(refused, off_topic_tops.len()),
            )
        })
        .collect();
    report
}
