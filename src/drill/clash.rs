//! Clash: how squarely a reply engages the counter it answers, and which argument of the
//! student's own side answers a counter best.

use std::collections::HashSet;

use crate::matcher::{Cues, Matcher, TextRanking};
use crate::pack::ArgumentIndex;

/// At or above this affinity, a reply engages a counter (and so answers it in the ledger).
pub const ENGAGES_AFFINITY: f64 = 0.25;
/// Own-side hits this far down the reply's ranking can count as naming a rebuttal.
const REBUTTAL_SEARCH_DEPTH: usize = 3;
/// A reply's own-side hit below this confidence does not count as naming a rebuttal.
const REBUTTAL_MIN_CONFIDENCE: f64 = 0.25;

/// The signals of one reply against one counter.
#[derive(Debug, Clone, PartialEq)]
pub struct Clash {
    /// The matcher's affinity of the reply for the counter, 0..1.
    pub affinity: f64,
    /// Distinct key terms (claim and keywords) of the counter that the reply uses.
    pub shared_terms: usize,
    /// The own-side argument rebutting the counter that the reply makes, if any.
    pub rebuttal: Option<ArgumentIndex>,
}

impl Clash {
    /// The clash of a reply (`reply`: the whole reply ranked once; `reply_terms`: its analysed
    /// terms) with `counter`.
    pub fn measure(
        matcher: &Matcher,
        side: &str,
        reply: &TextRanking,
        reply_terms: &[String],
        counter: ArgumentIndex,
    ) -> Clash {
        let pack = matcher.pack();
        let shared_terms = shared_key_terms(matcher, reply_terms, counter);
        let rebuttals = pack.rebutted_by(counter);
        let rebuttal = reply
            .best(REBUTTAL_SEARCH_DEPTH, |argument| {
                pack.arguments[argument].side == side
            })
            .into_iter()
            .filter(|hit| hit.score >= REBUTTAL_MIN_CONFIDENCE)
            .map(|hit| hit.argument)
            .find(|argument| rebuttals.contains(argument));
        Clash {
            affinity: reply.confidence_of(counter),
            shared_terms,
            rebuttal,
        }
    }

    /// Whether the reply answers the counter: it makes a known rebuttal, or disputes the
    /// counter (`disputes`: it denies, contrasts, refutes or questions) while engaging it closely.
    pub fn answers(&self, disputes: bool) -> bool {
        self.rebuttal.is_some() || (disputes && self.affinity >= ENGAGES_AFFINITY)
    }

    /// Whether the reply takes up the counter's words without disputing it or making an answer
    /// the pack links to it.
    pub fn echoes(&self, disputes: bool) -> bool {
        !disputes && self.rebuttal.is_none() && self.affinity >= ENGAGES_AFFINITY
    }

    /// The clash category, 0..1: affinity and shared terms, with a known rebuttal worth most.
    /// Using the counter's words without disputing them, or making an answer the pack links to
    /// it, only echoes the counter: no clash.
    pub fn value(&self, disputes: bool) -> f64 {
        if self.rebuttal.is_none() && !disputes {
            return 0.0;
        }
        let affinity = (self.affinity / 0.5).min(1.0);
        let shared = (self.shared_terms as f64 / 3.0).min(1.0);
        let rebuttal = if self.rebuttal.is_some() { 0.5 } else { 0.0 };
        (0.5 * affinity + 0.3 * shared + rebuttal).min(1.0)
    }
}

/// Whether a reply's cue words dispute what it answers: a denial, a contrast, a refutation or
/// mockery, or a question.
pub fn disputes(cues: &Cues) -> bool {
    cues.denies || cues.contrast.is_some() || cues.dismisses() || cues.asks
}

/// The argument of `side` that best answers `counter`: a curated rebuttal first (the one
/// closest to the counter's words), else the side's argument closest to the counter; never a
/// context entry.
pub fn best_answer(matcher: &Matcher, side: &str, counter: ArgumentIndex) -> Option<ArgumentIndex> {
    let pack = matcher.pack();
    let curated: Vec<ArgumentIndex> = pack
        .rebutted_by(counter)
        .iter()
        .copied()
        .filter(|&argument| pack.arguments[argument].side == side)
        .collect();
    let closest: Vec<_> = matcher
        .search_side(&key_text(matcher, counter), side, usize::MAX)
        .into_iter()
        .filter(|hit| pack.arguments[hit.argument].is_servable())
        .collect();
    match curated.as_slice() {
        [] => closest.first().map(|hit| hit.argument),
        [only] => Some(*only),
        _ => closest
            .iter()
            .map(|hit| hit.argument)
            .find(|argument| curated.contains(argument))
            .or(curated.first().copied()),
    }
}

/// The words that say what an argument is about: its claim and keywords.
/// How many distinct key terms (claim and keywords) of `argument` a reply's terms use.
pub fn shared_key_terms(
    matcher: &Matcher,
    reply_terms: &[String],
    argument: ArgumentIndex,
) -> usize {
    let key_terms: HashSet<String> = matcher
        .terms(&key_text(matcher, argument))
        .into_iter()
        .collect();
    reply_terms
        .iter()
        .filter(|term| key_terms.contains(*term))
        .collect::<HashSet<_>>()
        .len()
}

fn key_text(matcher: &Matcher, argument: ArgumentIndex) -> String {
    let argument = &matcher.pack().arguments[argument];
    format!("{} {}", argument.claim, argument.keywords.join(" "))
}
