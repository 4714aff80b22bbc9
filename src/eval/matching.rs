//! How well the matcher recognises labelled messages, beside a plain BM25 baseline.
//!
//! A query counts at rank r when the r-th hit is one of its expected arguments. The matcher is
//! measured as the bot uses it: through [`Matcher::search`], so a message it is unsure about
//! counts as a miss. Off-topic queries (`"expect": []`) measure the other half of the threshold:
//! the share the matcher correctly leaves empty.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::bm25_baseline::Bm25Baseline;
use super::labelled::LabelledSetError;
use super::metrics::{MAX_RANK, RankStats, first_rank};
use super::queries::read_queries;
use crate::matcher::Matcher;
use crate::pack::Pack;

/// The matcher's and the baseline's figures for one group of queries.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Comparison {
    pub matcher: RankStats,
    pub baseline: RankStats,
}

/// Confidence thresholds shown in the sweep.
const SWEEP: [f64; 9] = [0.05, 0.1, 0.15, 0.2, 0.21, 0.22, 0.25, 0.3, 0.4];

#[derive(Debug, Clone, PartialEq)]
pub struct MatchingReport {
    pub source: PathBuf,
    pub min_confidence: f64,
    pub overall: Comparison,
    pub by_style: BTreeMap<String, Comparison>,
    pub off_topic: usize,
    /// Off-topic queries for which the matcher returned nothing.
    pub off_topic_left_empty: usize,
    /// Per swept threshold: (threshold, on-topic top-1, off-topic share left empty).
    pub sweep: Vec<(f64, f64, f64)>,
}

/// Runs every query of `queries` through the matcher (with its default threshold) and the BM25
/// baseline.
pub fn evaluate(pack: Arc<Pack>, queries: &Path) -> Result<MatchingReport, LabelledSetError> {
    let labelled = read_queries(&pack, queries)?;
    let baseline = Bm25Baseline::new(&pack);
    let matcher = Matcher::new(pack);
    let mut report = MatchingReport {
        source: queries.to_path_buf(),
        min_confidence: matcher.min_confidence(),
        overall: Comparison::default(),
        by_style: BTreeMap::new(),
        off_topic: 0,
        off_topic_left_empty: 0,
        sweep: Vec::new(),
    };
    // (top hit's confidence, whether it is expected) per query, for the threshold sweep.
    let mut on_topic_tops: Vec<(f64, bool)> = Vec::new();
    let mut off_topic_tops: Vec<f64> = Vec::new();
    for query in &labelled {
        let all = matcher.search_all(&query.text, MAX_RANK);
        let top_confidence = all.first().map_or(0.0, |hit| hit.score);
        if query.is_off_topic() {
            report.off_topic += 1;
            report.off_topic_left_empty += usize::from(top_confidence < matcher.min_confidence());
            off_topic_tops.push(top_confidence);
            continue;
        }
        let accepted = matcher.search(&query.text, MAX_RANK);
        let matcher_rank = first_rank(accepted.iter().map(|hit| hit.argument), &query.expect);
        let baseline_rank = first_rank(baseline.rank(&query.text, MAX_RANK), &query.expect);
        on_topic_tops.push((top_confidence, matcher_rank == Some(1)));
        let style = report.by_style.entry(query.style.clone()).or_default();
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
    Ok(report)
}

fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64
    }
}

impl fmt::Display for MatchingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Matching: {} ({} on-topic queries; confidence threshold {:.2})",
            self.source.display(),
            self.overall.matcher.queries,
            self.min_confidence
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "{:<12} {:>7} | {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
            "style", "queries", "top-1", "top-3", "MRR", "top-1", "top-3", "MRR"
        )?;
        writeln!(
            f,
            "{:<12} {:>7} | {:^23} | {:^23}",
            "", "", "matcher", "plain BM25"
        )?;
        writeln!(f, "{}", "-".repeat(68))?;
        let rows = self.by_style.iter().map(|(style, c)| (style.as_str(), c));
        for (name, c) in rows.chain(std::iter::once(("overall", &self.overall))) {
            writeln!(
                f,
                "{:<12} {:>7} | {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>7.3}",
                name,
                c.matcher.queries,
                c.matcher.top1(),
                c.matcher.top3(),
                c.matcher.mrr(),
                c.baseline.top1(),
                c.baseline.top3(),
                c.baseline.mrr()
            )?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "off-topic left empty by the matcher: {}/{} ({:.3}); the baseline never leaves one empty",
            self.off_topic_left_empty,
            self.off_topic,
            share(self.off_topic_left_empty, self.off_topic)
        )?;
        writeln!(f)?;
        writeln!(
            f,
            "threshold sweep: {:>9} {:>14} {:>17}",
            "threshold", "on-topic top-1", "off-topic empty"
        )?;
        for (threshold, top1, empty) in &self.sweep {
            writeln!(
                f,
                "                 {threshold:>9.2} {top1:>14.3} {empty:>17.3}"
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::load_pack;

    fn bundled_pack() -> Arc<Pack> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let loaded = load_pack(&root.join("positions/ukraine-nato"));
        Arc::new(loaded.pack.expect("the bundled pack loads"))
    }

    /// A loose floor that catches breakage; the figures themselves are for `debate-drill eval`.
    #[test]
    fn tuning_set_stays_above_a_loose_floor() {
        let queries = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/queries.jsonl");
        let report = evaluate(bundled_pack(), &queries).expect("the tuning set is readable");
        println!("{report}");
        assert!(report.overall.matcher.top1() >= 0.6, "{report}");
    }

    #[test]
    fn names_the_line_of_an_unknown_argument() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.jsonl");
        std::fs::write(
            &path,
            "\n{\"q\": \"x\", \"expect\": [\"nobody.nothing\"], \"style\": \"keyword\"}\n",
        )
        .unwrap();
        let error = evaluate(bundled_pack(), &path).unwrap_err();
        assert!(
            matches!(
                error,
                LabelledSetError::NotInPack {
                    line: 2,
                    what: "argument",
                    ..
                }
            ),
            "{error}"
        );
    }

    #[test]
    fn names_the_line_of_malformed_json() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("q.jsonl");
        std::fs::write(&path, "{\"q\": 1}\n").unwrap();
        let error = evaluate(bundled_pack(), &path).unwrap_err();
        assert!(
            error.to_string().contains(":1: not a labelled query"),
            "{error}"
        );
    }
}
