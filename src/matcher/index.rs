//! The pack's inverted index, built once per pack load. BM25F's per-document part does not
//! depend on the query, so each posting stores its argument's saturated, field-weighted term
//! frequency ready to use; a query only sums `idf × saturation` over its terms' postings.

use super::FastMap;
use super::analyze::{Analyzer, Term};
use super::tuning::{Field, Tuning};
use crate::pack::{ArgumentIndex, Pack};

pub type TermId = u32;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Posting {
    pub argument: u32,
    /// BM25F: `tf~ (k1 + 1) / (k1 + tf~)`, where `tf~` sums the field-weighted,
    /// length-normalised frequencies; 1 for one occurrence in an average-length claim.
    pub saturation: f32,
}

pub struct Index {
    term_ids: FastMap<String, TermId>,
    postings: Vec<Vec<Posting>>,
    idf: Vec<f32>,
    /// The idf of a term found in one argument: the most informative a term can be.
    max_idf: f32,
    /// (adjacent term pair, argument), sorted, deduplicated: for the phrase bonus.
    bigrams: Vec<(u64, u32)>,
    arguments: usize,
}

/// One argument's analysed fields; list fields (keywords, evidence) keep their items apart so
/// phrases never span two items.
struct Document<'a> {
    fields: [&'a [Vec<Term>]; 5],
}

impl Index {
    pub fn new(pack: &Pack, analyzer: &Analyzer, tuning: &Tuning) -> Index {
        let many = |items: &[String]| -> Vec<Vec<Term>> {
            items.iter().map(|item| analyzer.analyze(item)).collect()
        };
        // A position's author and thesis are shared by all its arguments: analysed once.
        let positions: FastMap<&str, Vec<Vec<Term>>> = pack
            .positions
            .iter()
            .map(|p| (p.id.as_str(), many(&[p.author.clone(), p.thesis.clone()])))
            .collect();
        let own_fields: Vec<[Vec<Vec<Term>>; 4]> = pack
            .arguments
            .iter()
            .map(|argument| {
                [
                    vec![analyzer.analyze(&argument.claim)],
                    vec![analyzer.analyze(&argument.quote)],
                    many(&argument.keywords),
                    many(&argument.evidence),
                ]
            })
            .collect();
        let documents: Vec<Document> = pack
            .arguments
            .iter()
            .zip(&own_fields)
            .map(|(argument, [claim, quote, keywords, evidence])| Document {
                fields: [
                    claim,
                    quote,
                    keywords,
                    evidence,
                    &positions[argument.position.as_str()],
                ],
            })
            .collect();
        Index::from_documents(&documents, tuning)
    }

    fn from_documents(documents: &[Document], tuning: &Tuning) -> Index {
        let mut index = Index {
            term_ids: FastMap::default(),
            postings: Vec::new(),
            idf: Vec::new(),
            max_idf: 0.0,
            bigrams: Vec::new(),
            arguments: documents.len(),
        };
        let average_length = average_field_lengths(documents);
        for (argument, document) in documents.iter().enumerate() {
            let mut weighted_tf: FastMap<TermId, f32> = FastMap::default();
            for field in Field::ALL {
                let items = document.fields[field.slot()];
                let length: usize = items.iter().map(Vec::len).sum();
                let average = average_length[field.slot()].max(1.0);
                let norm = 1.0 - tuning.b(field) + tuning.b(field) * length as f32 / average;
                for item in items {
                    let ids: Vec<TermId> =
                        item.iter().map(|term| index.intern(&term.text)).collect();
                    for &id in &ids {
                        *weighted_tf.entry(id).or_default() += tuning.weight(field) / norm;
                    }
                    for pair in ids.windows(2) {
                        index
                            .bigrams
                            .push((bigram_key(pair[0], pair[1]), argument as u32));
                    }
                }
            }
            for (id, tf) in weighted_tf {
                index.postings[id as usize].push(Posting {
                    argument: argument as u32,
                    saturation: tf * (tuning.k1 + 1.0) / (tuning.k1 + tf),
                });
            }
        }
        index.bigrams.sort_unstable();
        index.bigrams.dedup();
        let n = documents.len() as f32;
        let idf = |df: f32| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        index.idf = index.postings.iter().map(|p| idf(p.len() as f32)).collect();
        index.max_idf = idf(1.0);
        index
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.term_ids.get(term) {
            return id;
        }
        let id = self.postings.len() as TermId;
        self.term_ids.insert(term.to_string(), id);
        self.postings.push(Vec::new());
        id
    }

    pub fn term_id(&self, term: &str) -> Option<TermId> {
        self.term_ids.get(term).copied()
    }

    pub fn postings(&self, term: TermId) -> &[Posting] {
        &self.postings[term as usize]
    }

    pub fn idf(&self, term: TermId) -> f32 {
        self.idf[term as usize]
    }

    pub fn argument_count(&self) -> usize {
        self.arguments
    }

    pub fn max_idf(&self) -> f32 {
        self.max_idf
    }

    /// The arguments in which `first` is directly followed by `second` in some field.
    pub fn phrase_arguments(
        &self,
        first: TermId,
        second: TermId,
    ) -> impl Iterator<Item = ArgumentIndex> + '_ {
        let key = bigram_key(first, second);
        let start = self.bigrams.partition_point(|&(k, _)| k < key);
        self.bigrams[start..]
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, argument)| argument as ArgumentIndex)
    }
}

fn bigram_key(first: TermId, second: TermId) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

fn average_field_lengths(documents: &[Document]) -> [f32; 5] {
    let mut totals = [0.0f32; 5];
    for document in documents {
        for field in Field::ALL {
            totals[field.slot()] += document.fields[field.slot()]
                .iter()
                .map(Vec::len)
                .sum::<usize>() as f32;
        }
    }
    totals.map(|total| total / documents.len().max(1) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<Term> {
        text.split_whitespace()
            .map(|word| Term {
                text: word.to_string(),
                corrected: false,
                alias_word: false,
            })
            .collect()
    }

    fn index() -> Index {
        let claims = [
            vec![terms("coalition guarantee europe")],
            vec![terms("nato expansion provoked russia")],
            vec![terms("russia fears democracy")],
        ];
        let keywords = [
            vec![terms("coalition")],
            vec![terms("expansion")],
            vec![terms("democracy spread")],
        ];
        let documents: Vec<Document> = claims
            .iter()
            .zip(&keywords)
            .map(|(claim, keywords)| Document {
                fields: [claim, &[], keywords, &[], &[]],
            })
            .collect();
        Index::from_documents(&documents, &Tuning::default())
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let index = index();
        let russia = index.term_id("russia").unwrap();
        let coalition = index.term_id("coalition").unwrap();
        assert!(index.idf(coalition) > index.idf(russia));
        assert_eq!(index.idf(coalition), index.max_idf());
    }

    #[test]
    fn postings_add_up_fields() {
        let index = index();
        let coalition = index.postings(index.term_id("coalition").unwrap());
        let europe = index.postings(index.term_id("europe").unwrap());
        assert_eq!(coalition.len(), 1);
        assert!(coalition[0].saturation > europe[0].saturation);
    }

    #[test]
    fn finds_phrases_within_one_item_only() {
        let index = index();
        let id = |t: &str| index.term_id(t).unwrap();
        let found: Vec<_> = index
            .phrase_arguments(id("democracy"), id("spread"))
            .collect();
        assert_eq!(found, [2]);
        assert_eq!(
            index
                .phrase_arguments(id("europe"), id("coalition"))
                .count(),
            0
        );
        assert_eq!(
            index
                .phrase_arguments(id("spread"), id("democracy"))
                .count(),
            0
        );
    }
}
