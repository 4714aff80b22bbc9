//! The matcher: a pack's analyser and index, built once per pack load, and the questions the
//! rest of the house asks of it.

use std::sync::Arc;

use super::analyze::Analyzer;
use super::index::Index;
use super::rank::{Ranked, Ranking};
use super::tuning::Tuning;
use crate::config::DEFAULT_MIN_CONFIDENCE;
use crate::pack::{ArgumentIndex, Pack};

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

/// A text ranked once against the pack, to ask several questions of without ranking it again.
pub struct TextRanking(Ranking);

impl TextRanking {
    /// The closest argument that `keep` accepts, whatever the confidence; `None` when no such
    /// argument shares a term with the text.
    pub fn closest(&self, keep: impl Fn(ArgumentIndex) -> bool) -> Option<Hit> {
        self.best(1, keep).into_iter().next()
    }

    /// The `top` closest arguments that `keep` accepts, best first, whatever the confidence.
    pub fn best(&self, top: usize, keep: impl Fn(ArgumentIndex) -> bool) -> Vec<Hit> {
        self.0.best(top, keep).into_iter().map(Hit::from).collect()
    }

    /// How strongly the text engages one given argument, 0..1.
    pub fn confidence_of(&self, argument: ArgumentIndex) -> f64 {
        self.0.confidence_of(argument)
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

    /// The pack, shared.
    pub fn shared_pack(&self) -> Arc<Pack> {
        Arc::clone(&self.pack)
    }

    /// Best first, at most `top`. The threshold decides whether the message was recognised at
    /// all: when the best hit is below it the answer is "unsure" (empty); when it is sure, the
    /// runners-up follow down to half the threshold, since a close second reading is worth
    /// offering even when it alone would not have been enough.
    pub fn search(&self, text: &str, top: usize) -> Vec<Hit> {
        let ranked = self.ranking(text).best(top, |_| true);
        if !ranked
            .first()
            .is_some_and(|best| self.is_recognised(best.confidence))
        {
            return Vec::new();
        }
        ranked
            .into_iter()
            .take_while(|ranked| ranked.confidence >= self.min_confidence / 2.0)
            .map(Hit::from)
            .collect()
    }

    /// Whether a best hit this confident says the text makes that argument: the threshold
    /// [`Matcher::search`] answers "unsure" below.
    pub fn is_recognised(&self, confidence: f64) -> bool {
        confidence >= self.min_confidence
    }

    /// Every argument sharing a term with `text`, best first, whatever the confidence.
    pub fn search_all(&self, text: &str, top: usize) -> Vec<Hit> {
        self.ranking(text)
            .best(top, |_| true)
            .into_iter()
            .map(Hit::from)
            .collect()
    }

    /// The argument(s) of `side` closest to `text`, any confidence, best first (for scoring
    /// relevance). Arguments sharing nothing with `text` are left out.
    pub fn search_side(&self, text: &str, side: &str, top: usize) -> Vec<Hit> {
        self.rank(text)
            .best(top, |argument| self.pack.arguments[argument].side == side)
    }

    /// How strongly `text` engages one given argument, 0..1 (for scoring clash).
    pub fn affinity(&self, text: &str, argument: ArgumentIndex) -> f64 {
        self.rank(text).confidence_of(argument)
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

    /// `text` ranked once, for several questions (see [`TextRanking::closest`]).
    pub fn rank(&self, text: &str) -> TextRanking {
        TextRanking(self.ranking(text))
    }

    fn ranking(&self, text: &str) -> Ranking {
        Ranking::new(&self.index, &self.analyzer.analyze(text), &self.tuning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::fixture;

    fn matcher() -> Matcher {
        Matcher::new(fixture::pack())
    }

    fn top_id(m: &Matcher, text: &str) -> Option<String> {
        m.search(text, 1)
            .first()
            .map(|hit| m.pack().arguments[hit.argument].id.clone())
    }

    #[test]
    fn recognises_casual_and_misspelled_messages() {
        let m = matcher();
        assert_eq!(
            top_id(&m, "uniforms r way cheaper than keeping up w/ brands").as_deref(),
            Some("smith.cost")
        );
        assert_eq!(
            top_id(&m, "kids get bulied for wearing the wrong clothes").as_deref(),
            Some("smith.bullying")
        );
        assert_eq!(
            top_id(&m, "bullies will just go after ur shoes and phone").as_deref(),
            Some("jones.bullies-adapt")
        );
    }

    #[test]
    fn leaves_off_topic_messages_empty() {
        let m = matcher();
        for text in ["what's for lunch", "lol", "hello", "", "🙂"] {
            assert!(
                m.search(text, 5).is_empty(),
                "{text:?}: {:?}",
                m.search(text, 5)
            );
        }
    }

    #[test]
    fn hits_are_confidences_best_first_and_bounded() {
        let m = matcher();
        let hits = m.search_all("cost of uniforms and money for families", 3);
        assert!(hits.len() <= 3 && !hits.is_empty());
        assert!(hits.windows(2).all(|pair| pair[0].score >= pair[1].score));
        assert!(hits.iter().all(|hit| (0.0..=1.0).contains(&hit.score)));
    }

    #[test]
    fn a_threshold_above_one_leaves_everything_unsure() {
        let m = matcher().with_min_confidence(1.01);
        assert!(m.search("uniforms are cheaper than brands", 5).is_empty());
    }

    #[test]
    fn search_side_keeps_to_the_side() {
        let m = matcher();
        let hits = m.search_side("uniforms cost money", "against-uniforms", 5);
        assert!(!hits.is_empty());
        assert!(
            hits.iter()
                .all(|hit| m.pack().arguments[hit.argument].side == "against-uniforms")
        );
    }

    #[test]
    fn affinity_is_higher_for_the_argument_engaged() {
        let m = matcher();
        let pack = m.pack();
        let comfort = pack.argument_index("jones.comfort").unwrap();
        let cost = pack.argument_index("smith.cost").unwrap();
        let text = "wool blazers are too hot in summer";
        assert!(m.affinity(text, comfort) > m.affinity(text, cost));
        assert_eq!(m.affinity("lol", comfort), 0.0);
    }

    #[test]
    fn terms_are_the_analysis() {
        assert_eq!(matcher().terms("Cheaper UNIFORMS!"), ["cheaper", "uniform"]);
    }
}
