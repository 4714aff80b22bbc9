//! The pack's inverted index, built once per pack load. BM25F's per-document part does not
//! depend on the query, so each posting stores its argument's saturated, field-weighted term
//! frequency ready to use; a query only sums `idf × saturation` over its terms' postings.

use super::analyze::{Analyzer, Term};
use super::tuning::{Field, Tuning};
use super::{FastMap, FastSet};
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

/// A term of an indexed text, interned as soon as it is analysed so that building a large pack
/// holds ids, not strings.
#[derive(Debug, Clone, Copy)]
struct Token {
    id: TermId,
    /// Whether it takes part in phrases (words inside an alias match do not; see [`Term`]).
    in_phrase: bool,
}

/// One argument's analysed fields; list fields (keywords, evidence) keep their items apart so
/// phrases never span two items.
struct Document<'a> {
    fields: [&'a [Vec<Token>]; 5],
}

impl Index {
    pub fn new(pack: &Pack, analyzer: &Analyzer, tuning: &Tuning) -> Index {
        let mut index = Index::empty(pack.arguments.len());
        let mut many = |items: &[&str]| -> Vec<Vec<Token>> {
            items
                .iter()
                .map(|item| index.tokens(analyzer.analyze(item)))
                .collect()
        };
        // A position's author and thesis are shared by all its arguments: analysed once.
        let positions: FastMap<&str, Vec<Vec<Token>>> = pack
            .positions
            .iter()
            .map(|p| (p.id.as_str(), many(&[&p.author, &p.thesis])))
            .collect();
        let own_fields: Vec<[Vec<Vec<Token>>; 4]> = pack
            .arguments
            .iter()
            .map(|argument| {
                [
                    many(&[&argument.claim]),
                    many(&[&argument.quote]),
                    many(&as_strs(&argument.keywords)),
                    many(&as_strs(&argument.evidence)),
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
        index.fill(&documents, tuning);
        index
    }

    fn empty(arguments: usize) -> Index {
        Index {
            term_ids: FastMap::default(),
            postings: Vec::new(),
            idf: Vec::new(),
            max_idf: 0.0,
            bigrams: Vec::new(),
            arguments,
        }
    }

    fn tokens(&mut self, terms: Vec<Term>) -> Vec<Token> {
        terms
            .into_iter()
            .map(|term| Token {
                id: self.intern(term.text),
                in_phrase: !term.alias_word,
            })
            .collect()
    }

    fn intern(&mut self, term: String) -> TermId {
        if let Some(&id) = self.term_ids.get(&term) {
            return id;
        }
        let id = self.postings.len() as TermId;
        self.term_ids.insert(term, id);
        self.postings.push(Vec::new());
        id
    }

    /// Computes postings, idf and phrases from the documents, whose terms are interned.
    fn fill(&mut self, documents: &[Document], tuning: &Tuning) {
        let average_length = average_field_lengths(documents);
        let mut weighted_tf: FastMap<TermId, f32> = FastMap::default();
        let mut own_terms: FastSet<TermId> = FastSet::default();
        let mut own_df = vec![0u32; self.postings.len()];
        for (argument, document) in documents.iter().enumerate() {
            weighted_tf.clear();
            own_terms.clear();
            for field in Field::ALL {
                if field.is_own() {
                    own_terms.extend(document.fields[field.slot()].iter().flatten().map(|t| t.id));
                }
                let items = document.fields[field.slot()];
                let length: usize = items.iter().map(Vec::len).sum();
                let average = average_length[field.slot()].max(1.0);
                let norm = 1.0 - tuning.b(field) + tuning.b(field) * length as f32 / average;
                for item in items {
                    for token in item {
                        *weighted_tf.entry(token.id).or_default() += tuning.weight(field) / norm;
                    }
                    let phrase: Vec<TermId> =
                        item.iter().filter(|t| t.in_phrase).map(|t| t.id).collect();
                    for pair in phrase.windows(2) {
                        self.bigrams
                            .push((bigram_key(pair[0], pair[1]), argument as u32));
                    }
                }
            }
            for &id in &own_terms {
                own_df[id as usize] += 1;
            }
            for (&id, &tf) in &weighted_tf {
                if tf > 0.0 {
                    self.postings[id as usize].push(Posting {
                        argument: argument as u32,
                        saturation: tf * (tuning.k1 + 1.0) / (tuning.k1 + tf),
                    });
                }
            }
        }
        self.bigrams.sort_unstable();
        self.bigrams.dedup();
        self.bigrams.shrink_to_fit();
        let n = documents.len() as f32;
        let idf = |df: f32| (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        // How rare a term is counts the arguments that make it their own: a word of a position's
        // thesis is in every one of its arguments, yet says little about which one is meant,
        // and must not make a word that one argument is about ("observer") look common. A term
        // found only in positions (an author's name) counts every argument that shares it.
        self.idf = self
            .postings
            .iter()
            .zip(&own_df)
            .map(|(postings, &own)| match own {
                0 => idf(postings.len() as f32),
                own => idf(own as f32),
            })
            .collect();
        self.max_idf = idf(1.0);
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

fn as_strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
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

    /// Each word of `text` as a term, as typed.
    fn plain_terms(text: &str) -> Vec<Term> {
        text.split_whitespace()
            .map(|word| Term {
                text: word.to_string(),
                corrected: false,
                alias_word: false,
                synonym: false,
            })
            .collect()
    }

    fn index() -> Index {
        let mut index = Index::empty(3);
        let mut tokens = |text: &str| vec![index.tokens(plain_terms(text))];
        let claims = [
            tokens("coalition guarantee europe"),
            tokens("nato expansion provoked russia"),
            tokens("russia fears democracy"),
        ];
        let keywords = [
            tokens("coalition"),
            tokens("expansion"),
            tokens("democracy spread"),
        ];
        let documents: Vec<Document> = claims
            .iter()
            .zip(&keywords)
            .map(|(claim, keywords)| Document {
                fields: [claim, &[], keywords, &[], &[]],
            })
            .collect();
        index.fill(&documents, &Tuning::default());
        index
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
    fn a_positions_words_do_not_make_an_arguments_own_word_common() {
        let mut index = Index::empty(3);
        let mut tokens = |text: &str| vec![index.tokens(plain_terms(text))];
        let claims = [
            tokens("observer status"),
            tokens("armistice first"),
            tokens("sanctions"),
        ];
        let thesis = tokens("menon observer armistice");
        let documents: Vec<Document> = claims
            .iter()
            .enumerate()
            .map(|(argument, claim)| Document {
                fields: [
                    claim,
                    &[],
                    &[],
                    &[],
                    if argument < 2 { &thesis } else { &[] },
                ],
            })
            .collect();
        index.fill(&documents, &Tuning::default());
        let idf = |term: &str| index.idf(index.term_id(term).unwrap());
        assert_eq!(idf("observer"), index.max_idf(), "one argument's own word");
        assert!(idf("menon") < index.max_idf(), "shared by two arguments");
        assert_eq!(index.postings(index.term_id("observer").unwrap()).len(), 2);
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
