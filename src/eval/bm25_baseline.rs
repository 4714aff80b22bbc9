//! The plain BM25 the matcher must beat: lowercase, split on non-alphanumerics, no stemming,
//! aliases, typo correction or stop words; k1 = 1.2, b = 0.75; one document per argument (claim,
//! quote, keywords and evidence together).

use std::collections::HashMap;

use crate::pack::{ArgumentIndex, Pack};

const K1: f64 = 1.2;
const B: f64 = 0.75;

pub struct Bm25Baseline {
    /// term -> (argument, term frequency)
    postings: HashMap<String, Vec<(ArgumentIndex, u32)>>,
    lengths: Vec<usize>,
    average_length: f64,
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
}

impl Bm25Baseline {
    pub fn new(pack: &Pack) -> Bm25Baseline {
        let mut postings: HashMap<String, Vec<(ArgumentIndex, u32)>> = HashMap::new();
        let mut lengths = Vec::with_capacity(pack.arguments.len());
        for (index, argument) in pack.arguments.iter().enumerate() {
            let mut frequency: HashMap<String, u32> = HashMap::new();
            let texts = [&argument.claim, &argument.quote]
                .into_iter()
                .chain(&argument.keywords)
                .chain(&argument.evidence);
            let mut length = 0;
            for word in texts.flat_map(|text| words(text)) {
                *frequency.entry(word).or_default() += 1;
                length += 1;
            }
            lengths.push(length);
            for (word, tf) in frequency {
                postings.entry(word).or_default().push((index, tf));
            }
        }
        let average_length = lengths.iter().sum::<usize>() as f64 / lengths.len().max(1) as f64;
        Bm25Baseline {
            postings,
            lengths,
            average_length,
        }
    }

    /// Arguments sharing a word with `text`, best first (ties: pack order), at most `top`.
    pub fn rank(&self, text: &str, top: usize) -> Vec<ArgumentIndex> {
        let n = self.lengths.len() as f64;
        let mut scores: HashMap<ArgumentIndex, f64> = HashMap::new();
        for word in words(text) {
            let Some(postings) = self.postings.get(&word) else {
                continue;
            };
            let df = postings.len() as f64;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            for &(argument, tf) in postings {
                let tf = f64::from(tf);
                let norm =
                    1.0 - B + B * self.lengths[argument] as f64 / self.average_length.max(1.0);
                *scores.entry(argument).or_default() += idf * tf * (K1 + 1.0) / (tf + K1 * norm);
            }
        }
        let mut ranked: Vec<(ArgumentIndex, f64)> = scores.into_iter().collect();
        ranked.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .take(top)
            .map(|(argument, _)| argument)
            .collect()
    }
}
