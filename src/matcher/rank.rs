//! Ranking the arguments for one analysed message, and the confidence of each.
//!
//! The score is BM25F (see [`super::index`]) plus a bonus for query bigrams found as phrases.
//! The confidence is the score as a share of what a perfect match would score (every query
//! term, once, in an average claim; a word the pack never uses counts against the fit, as a
//! message of mostly such words is about something else), times how much information the
//! message carries at all: a message whose only known word is "russia" fits many arguments
//! perfectly and says little, so it is not trusted.

use std::collections::HashMap;

use super::analyze::Term;
use super::index::{Index, TermId};
use super::tuning::Tuning;
use crate::pack::ArgumentIndex;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ranked {
    pub argument: ArgumentIndex,
    pub score: f32,
    /// 0..1, monotone in `score` for one message.
    pub confidence: f64,
}

/// The query's known terms, each once, with its weight.
struct Query {
    terms: Vec<(TermId, f32)>,
    /// Adjacent known terms, in order.
    bigrams: Vec<(TermId, TermId, f32)>,
    /// Terms the pack never uses.
    unknown: usize,
}

impl Query {
    fn new(index: &Index, terms: &[Term], tuning: &Tuning) -> Query {
        let weight = |term: &Term| {
            if term.corrected {
                tuning.corrected_weight
            } else {
                1.0
            }
        };
        let mut distinct: HashMap<TermId, f32> = HashMap::new();
        let mut unknown = 0;
        for term in terms {
            match index.term_id(&term.text) {
                Some(id) => {
                    let best = distinct.entry(id).or_default();
                    *best = best.max(weight(term));
                }
                None => unknown += usize::from(!term.alias_word),
            }
        }
        let ids: Vec<Option<(TermId, f32)>> = terms
            .iter()
            .filter(|term| !term.alias_word)
            .map(|term| index.term_id(&term.text).map(|id| (id, weight(term))))
            .collect();
        let mut terms: Vec<(TermId, f32)> = distinct.into_iter().collect();
        terms.sort_unstable_by_key(|&(id, _)| id);
        let bigrams = ids
            .windows(2)
            .filter_map(|pair| match (pair[0], pair[1]) {
                (Some((a, wa)), Some((b, wb))) if a != b => Some((a, b, wa.min(wb))),
                _ => None,
            })
            .collect();
        Query {
            terms,
            bigrams,
            unknown,
        }
    }
}

/// Every argument that shares a term with the message, best first (ties: pack order).
pub fn rank(index: &Index, terms: &[Term], tuning: &Tuning) -> Vec<Ranked> {
    let query = Query::new(index, terms, tuning);
    let mut scores: HashMap<ArgumentIndex, f32> = HashMap::new();
    let mut information = 0.0f32;
    for &(term, weight) in &query.terms {
        let idf = index.idf(term);
        information += weight * idf;
        for posting in index.postings(term) {
            *scores.entry(posting.argument as ArgumentIndex).or_default() +=
                weight * idf * posting.saturation;
        }
    }
    for &(first, second, weight) in &query.bigrams {
        let bonus = tuning.phrase_weight * weight * (index.idf(first) + index.idf(second)) / 2.0;
        for argument in index.phrase_arguments(first, second) {
            *scores.entry(argument).or_default() += bonus;
        }
    }
    let max_idf = index.max_idf().max(f32::EPSILON);
    let trust = trust(information / max_idf, tuning);
    let perfect = information + tuning.unknown_word_weight * max_idf * query.unknown as f32;
    let mut ranked: Vec<Ranked> = scores
        .into_iter()
        .filter(|&(_, score)| score > 0.0)
        .map(|(argument, score)| Ranked {
            argument,
            score,
            confidence: f64::from((score / perfect).min(1.0) * trust),
        })
        .collect();
    ranked.sort_unstable_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.argument.cmp(&b.argument))
    });
    ranked
}

/// 0..1: how far a message carrying `information` (idf mass, in units of the rarest term's idf)
/// is from too little to go on.
fn trust(information: f32, tuning: &Tuning) -> f32 {
    information / (information + tuning.half_trust_information)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trust_grows_with_information() {
        let tuning = Tuning::default();
        assert_eq!(trust(0.0, &tuning), 0.0);
        assert!((trust(tuning.half_trust_information, &tuning) - 0.5).abs() < 1e-6);
        assert!(trust(10.0, &tuning) > trust(2.0, &tuning));
        assert!(trust(1e6, &tuning) <= 1.0);
    }
}
