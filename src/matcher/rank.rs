//! Ranking the arguments for one analysed message, and the confidence of each.
//!
//! The score is BM25F (see [`super::index`]) plus a bonus for query bigrams found as phrases.
//! The confidence is the score as a share of what a perfect match would score (every query
//! term, once, in an average claim; a word the pack never uses counts against the fit, as a
//! message of mostly such words is about something else), times how much information the
//! message carries at all: a message whose only known word is "russia" fits many arguments
//! perfectly and says little, so it is not trusted; nor is one whose best match shares a single
//! word with it. Both factors belong to the message, so confidence keeps the score's order.

use super::FastMap;
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
            if term.synonym {
                tuning.synonym_weight
            } else if term.corrected {
                tuning.corrected_weight
            } else {
                1.0
            }
        };
        let mut distinct: FastMap<TermId, f32> = FastMap::default();
        let mut unknown = 0;
        // The message's own words in order (not those kept beside an alias or synonym), for
        // the bigrams.
        let mut ids: Vec<Option<(TermId, f32)>> = Vec::with_capacity(terms.len());
        for term in terms {
            let id = index.term_id(&term.text);
            match id {
                Some(id) => {
                    let best = distinct.entry(id).or_default();
                    *best = best.max(weight(term));
                }
                None => unknown += usize::from(!term.alias_word),
            }
            if !term.alias_word {
                ids.push(id.map(|id| (id, weight(term))));
            }
        }
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

/// One message scored against every argument.
pub struct Ranking {
    /// Arguments sharing a term with the message, with their scores, in no order.
    scored: Vec<(ArgumentIndex, f32)>,
    /// What a perfect match would score.
    perfect: f32,
    /// 0..1: how much the message says at all.
    trust: f32,
}

impl Ranking {
    pub fn new(index: &Index, terms: &[Term], tuning: &Tuning) -> Ranking {
        let query = Query::new(index, terms, tuning);
        // Dense accumulators, one slot per argument, and the list of slots touched.
        let mut scores = vec![0.0f32; index.argument_count()];
        let mut shared_terms = vec![0u32; index.argument_count()];
        let mut touched: Vec<ArgumentIndex> = Vec::new();
        let mut information = 0.0f32;
        for &(term, weight) in &query.terms {
            let idf = index.idf(term);
            information += weight * idf;
            for posting in index.postings(term) {
                let argument = posting.argument as ArgumentIndex;
                if shared_terms[argument] == 0 {
                    touched.push(argument);
                }
                shared_terms[argument] += 1;
                scores[argument] += weight * idf * posting.saturation;
            }
        }
        // Phrases only reward arguments that already share their terms.
        for &(first, second, weight) in &query.bigrams {
            let bonus =
                tuning.phrase_weight * weight * (index.idf(first) + index.idf(second)) / 2.0;
            for argument in index.phrase_arguments(first, second) {
                scores[argument] += bonus;
            }
        }
        let scored: Vec<(ArgumentIndex, f32)> = touched
            .into_iter()
            .filter(|&argument| scores[argument] > 0.0)
            .map(|argument| (argument, scores[argument]))
            .collect();
        let best_shares = scored
            .iter()
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |&(argument, _)| shared_terms[argument]);
        let max_idf = index.max_idf().max(f32::EPSILON);
        Ranking {
            scored,
            perfect: information + tuning.unknown_word_weight * max_idf * query.unknown as f32,
            trust: trust(information / max_idf, tuning) * corroboration(best_shares, tuning),
        }
    }

    /// The best `top` arguments that `keep` accepts, best first (ties: pack order).
    pub fn best(&self, top: usize, keep: impl Fn(ArgumentIndex) -> bool) -> Vec<Ranked> {
        let by_score = |a: &(ArgumentIndex, f32), b: &(ArgumentIndex, f32)| {
            b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))
        };
        let mut kept: Vec<(ArgumentIndex, f32)> = self
            .scored
            .iter()
            .copied()
            .filter(|&(a, _)| keep(a))
            .collect();
        if top == 0 {
            return Vec::new();
        }
        if kept.len() > top {
            kept.select_nth_unstable_by(top - 1, by_score);
            kept.truncate(top);
        }
        kept.sort_unstable_by(by_score);
        kept.into_iter()
            .map(|(argument, score)| self.ranked(argument, score))
            .collect()
    }

    /// The confidence for one argument; 0 when it shares nothing with the message.
    pub fn confidence_of(&self, argument: ArgumentIndex) -> f64 {
        self.scored
            .iter()
            .find(|&&(a, _)| a == argument)
            .map_or(0.0, |&(a, score)| self.ranked(a, score).confidence)
    }

    fn ranked(&self, argument: ArgumentIndex, score: f32) -> Ranked {
        let fit = if self.perfect > 0.0 {
            (score / self.perfect).min(1.0)
        } else {
            0.0
        };
        Ranked {
            argument,
            score,
            confidence: f64::from(fit * self.trust),
        }
    }
}

/// 0..1: how far the message's best match is from resting on a single shared word, which
/// everyday chatter often has ("i think war is bad").
fn corroboration(shared_terms: u32, tuning: &Tuning) -> f32 {
    1.0 - tuning.lone_term_doubt.powi(shared_terms.min(16) as i32)
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

    #[test]
    fn corroboration_grows_with_shared_terms() {
        let tuning = Tuning::default();
        assert_eq!(corroboration(0, &tuning), 0.0);
        assert!(corroboration(1, &tuning) < corroboration(2, &tuning));
        assert!(corroboration(u32::MAX, &tuning) <= 1.0);
    }
}
