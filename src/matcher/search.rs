//! The matcher: a pack's analyser and index, built once per pack load, and the questions the
//! rest of the house asks of it.

use std::sync::Arc;

use super::analyze::Analyzer;
use super::index::Index;
use super::rank::{Ranked, rank};
use super::tuning::Tuning;
use crate::pack::{ArgumentIndex, Pack};

/// Below this confidence a message is "unsure": [`Matcher::search`] returns nothing, so the bot
/// asks the student to sharpen the point. Chosen on the tuning set as the threshold that keeps
/// nearly every on-topic message while leaving off-topic chatter unanswered (see the README).
pub const DEFAULT_MIN_CONFIDENCE: f64 = 0.2;

/// One argument recognised in a message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Hit {
    pub argument: ArgumentIndex,
    /// Confidence, 0..1.
    pub score: f64,
}

impl From<Ranked> for Hit {
    fn from(ranked: Ranked) -> Hit {
        Hit {
            argument: ranked.argument,
            score: ranked.confidence,
        }
    }
}

pub struct Matcher {
    pack: Arc<Pack>,
    analyzer: Analyzer,
    index: Index,
    tuning: Tuning,
    min_confidence: f64,
}

impl Matcher {
    pub fn new(pack: Arc<Pack>) -> Matcher {
        Matcher::with_tuning(pack, Tuning::default())
    }

    /// A matcher with other ranking numbers (for measuring them).
    pub fn with_tuning(pack: Arc<Pack>, tuning: Tuning) -> Matcher {
        let analyzer = Analyzer::new(&pack);
        let index = Index::new(&pack, &analyzer, &tuning);
        Matcher {
            pack,
            analyzer,
            index,
            tuning,
            min_confidence: DEFAULT_MIN_CONFIDENCE,
        }
    }

    pub fn with_min_confidence(self, min_confidence: f64) -> Matcher {
        Matcher {
            min_confidence,
            ..self
        }
    }

    pub fn min_confidence(&self) -> f64 {
        self.min_confidence
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    /// Best first, at most `top`, only hits at/above the confidence threshold ("unsure" => empty).
    pub fn search(&self, text: &str, top: usize) -> Vec<Hit> {
        self.ranked(text)
            .into_iter()
            .take_while(|ranked| ranked.confidence >= self.min_confidence)
            .take(top)
            .map(Hit::from)
            .collect()
    }

    /// Every argument sharing a term with `text`, best first, whatever the confidence.
    pub fn search_all(&self, text: &str, top: usize) -> Vec<Hit> {
        self.ranked(text)
            .into_iter()
            .take(top)
            .map(Hit::from)
            .collect()
    }

    /// The argument(s) of `side` closest to `text`, any confidence, best first (for scoring
    /// relevance). Arguments sharing nothing with `text` are left out.
    pub fn search_side(&self, text: &str, side: &str, top: usize) -> Vec<Hit> {
        self.ranked(text)
            .into_iter()
            .filter(|ranked| self.pack.arguments[ranked.argument].side == side)
            .take(top)
            .map(Hit::from)
            .collect()
    }

    /// How strongly `text` engages one given argument, 0..1 (for scoring clash).
    pub fn affinity(&self, text: &str, argument: ArgumentIndex) -> f64 {
        self.ranked(text)
            .into_iter()
            .find(|ranked| ranked.argument == argument)
            .map_or(0.0, |ranked| ranked.confidence)
    }

    /// The analysed terms of a text (normalised, aliased, typo-corrected, stemmed): for
    /// novelty/evidence scoring.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.analyzer
            .analyze(text)
            .into_iter()
            .map(|term| term.text)
            .collect()
    }

    fn ranked(&self, text: &str) -> Vec<Ranked> {
        rank(&self.index, &self.analyzer.analyze(text), &self.tuning)
    }
}
