//! One split's figures, measured together, and printed as tables.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use super::blind::{BlindSets, Split};
use super::bm25_baseline::Bm25Baseline;
use super::counters::{Relevance, counter_relevance};
use super::debate_moves::{Moves, debate_moves};
use super::essays::{Essays, EssaysError, Placement};
use super::labelled::LabelledSetError;
use super::metrics::share;
use super::misses::Miss;
use super::recognition::{Recognition, recognition};
use super::scoring::{Orderings, Scoring, scoring};
use crate::config::Config;
use crate::drill::Rubric;
use crate::matcher::Matcher;
use crate::pack::Pack;

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Set(#[from] LabelledSetError),
    #[error(transparent)]
    Essays(#[from] EssaysError),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SplitReport {
    pub split: Split,
    pub recognition: Recognition,
    pub relevance: Relevance,
    pub moves: Moves,
    pub scoring: Scoring,
    /// Blind set files absent from the directory: their figures are not measured.
    pub missing: Vec<String>,
    /// What was missed, item by item (not part of the printed report).
    pub misses: Vec<Miss>,
}

/// Measures one split of the blind sets in `blind` against the essays in `seeds`, with the
/// default configuration.
pub fn evaluate(
    pack: Arc<Pack>,
    blind: &Path,
    seeds: &Path,
    split: Split,
) -> Result<SplitReport, EvalError> {
    let sets = BlindSets::read(blind, split)?;
    let essays = Essays::read(seeds)?;
    let placement = Placement::new(&pack, &essays);
    let baseline = Bm25Baseline::new(&pack);
    let config = Config::default();
    let matcher =
        Matcher::new(Arc::clone(&pack)).with_min_confidence(config.matcher.min_confidence);
    let rubric = Rubric::new(Arc::new(matcher), config.scoring);
    let matcher = rubric.matcher();
    let mut misses = Vec::new();
    Ok(SplitReport {
        split,
        recognition: recognition(matcher, &baseline, &placement, &sets.messages, &mut misses),
        relevance: counter_relevance(
            matcher,
            &baseline,
            &placement,
            &sets.clash_map,
            &sets.messages,
            &mut misses,
        ),
        moves: debate_moves(
            &rubric,
            &placement,
            &sets.attacks,
            &sets.concessions,
            &sets.messages,
            &mut misses,
        ),
        scoring: scoring(&rubric, &placement, &sets.graded),
        missing: sets.missing,
        misses,
    })
}

impl fmt::Display for SplitReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "== {} split ==", self.split.name())?;
        if !self.missing.is_empty() {
            writeln!(
                f,
                "not measured (no such file): {}",
                self.missing.join(", ")
            )?;
        }
        self.fmt_recognition(f)?;
        self.fmt_relevance(f)?;
        self.fmt_moves(f)?;
        self.fmt_scoring(f)
    }
}

impl SplitReport {
    fn fmt_recognition(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = &self.recognition;
        if r.overall.matcher.queries + r.off_topic == 0 {
            return Ok(());
        }
        writeln!(
            f,
            "Recognition ({} on-topic messages, {} unreachable; threshold {:.2})",
            r.overall.matcher.queries, r.unreachable, r.min_confidence
        )?;
        writeln!(
            f,
            "{:<12} {:>5} | {:>6} {:>6} {:>6} | {:>6} {:>6} {:>6}",
            "style", "n", "top-1", "top-3", "MRR", "top-1", "top-3", "MRR"
        )?;
        writeln!(
            f,
            "{:<12} {:>5} | {:^20} | {:^20}",
            "", "", "matcher", "plain BM25"
        )?;
        let rows = r.by_style.iter().map(|(style, c)| (style.as_str(), c));
        for (name, c) in rows.chain(std::iter::once(("overall", &r.overall))) {
            writeln!(
                f,
                "{:<12} {:>5} | {:>6.3} {:>6.3} {:>6.3} | {:>6.3} {:>6.3} {:>6.3}",
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
        writeln!(
            f,
            "off-topic left unanswered: {}/{} ({:.3})",
            r.off_topic_left_empty,
            r.off_topic,
            share(r.off_topic_left_empty, r.off_topic)
        )?;
        let sweep: Vec<String> = r
            .sweep
            .iter()
            .map(|(t, top1, empty)| format!("{t:.2}: top-1 {top1:.3}, off-topic {empty:.3}"))
            .collect();
        writeln!(f, "threshold sweep: {}", sweep.join("; "))?;
        writeln!(f)
    }

    fn fmt_relevance(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.relevance;
        if c.messages > 0 {
            writeln!(
                f,
                "Counter relevance ({} messages): on point {:.3} ({}); answered {:.3}; precision {:.3}; baseline (closest opposing, plain BM25) {:.3}",
                c.messages,
                share(c.on_point, c.messages),
                c.on_point,
                share(c.answered, c.messages),
                share(c.on_point, c.answered),
                share(c.baseline_on_point, c.messages)
            )?;
        }
        if c.links_judged > 0 {
            writeln!(
                f,
                "Pack links between paragraphs the map judges ({}): in a contesting paragraph {:.3} ({})",
                c.links_judged,
                share(c.links_contesting, c.links_judged),
                c.links_contesting
            )?;
        }
        Ok(())
    }

    fn fmt_moves(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let m = &self.moves;
        if m.attacks > 0 {
            writeln!(
                f,
                "Attacks ({}): on the right point {:.3}; read as attacks {:.3}; penalised as the other side {}; scored down as leaning to it {}",
                m.attacks,
                share(m.attacks_on_the_point, m.attacks),
                share(m.attacks_read, m.attacks),
                m.attacks_penalised,
                m.attacks_leaning
            )?;
        }
        if m.concessions > 0 {
            writeln!(
                f,
                "Concessions ({}): read as concessions {:.3}",
                m.concessions,
                share(m.concessions_read, m.concessions)
            )?;
        }
        if m.points > 0 {
            writeln!(
                f,
                "Points ({}): read as attacks {:.3}, as concessions {:.3}",
                m.points,
                share(m.points_read_as_attacks, m.points),
                share(m.points_read_as_concessions, m.points)
            )?;
        }
        writeln!(f)
    }

    fn fmt_scoring(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.scoring;
        if s.sets == 0 {
            return Ok(());
        }
        writeln!(
            f,
            "Scoring: pairwise ordering on {} graded sets ({} adversarial)",
            s.sets, s.adversarial
        )?;
        writeln!(
            f,
            "{:<14} {:>6} {:>8} {:>8} {:>8} {:>8}",
            "pair", "pairs", "rubric", "adv.", "length", "overlap"
        )?;
        let row = |f: &mut fmt::Formatter<'_>,
                   name: &str,
                   pairs: usize,
                   pick: &dyn Fn(&Orderings) -> f64| {
            writeln!(
                f,
                "{:<14} {:>6} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
                name,
                pairs,
                pick(&s.rubric),
                pick(&s.rubric_adversarial),
                pick(&s.length),
                pick(&s.overlap)
            )
        };
        row(f, "all", s.rubric.overall.pairs, &|o| o.overall.accuracy())?;
        for (&(better, worse), pairs) in s.rubric.by_pair.iter().rev() {
            row(f, &format!("{better} > {worse}"), pairs.pairs, &|o| {
                o.by_pair
                    .get(&(better, worse))
                    .map_or(0.0, |p| p.accuracy())
            })?;
        }
        row(f, "0 lowest", s.rubric.sets_with_zero, &|o| {
            share(o.zero_lowest, o.sets_with_zero)
        })?;
        Ok(())
    }
}
