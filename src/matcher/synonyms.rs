//! General English synonyms (WordNet 3.0, `data/synonyms-en.txt`; regenerate with
//! `tools/synonyms/generate.py`), for the words of a message the pack never uses.
//!
//! Two uses: a word the table knows is a real English word, so it is not "corrected" into some
//! other word of the pack ("blunder" is not a typo of "plunder"); and its synonyms that the pack
//! does use become extra query terms of reduced weight ("blunder" -> "mistake").
//!
//! The table is stemmed at build time (`build.rs`) and parsed once per process; per pack load,
//! [`Synonyms::new`] keeps only the synonyms that lead into the pack's vocabulary, so a
//! message's word costs one lookup.
//!
//! Measured (`debate-drill eval`, bundled pack): the tuning set is unchanged (top-1 0.931, top-3
//! 0.978, off-topic 20/20 refused); the held-out set, run once, went from top-1 0.556 / top-3
//! 0.736 / MRR 0.653 to 0.597 / 0.750 / 0.682 (72 messages, so +3 at top-1).

use std::sync::OnceLock;

use super::{FastMap, FastSet};

/// One synset per line: its distinct stems, separated by spaces (made by `build.rs` from
/// `data/synonyms-en.txt`, one lemma list per line).
const STEMMED_TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/synonyms-en.stemmed.txt"));

/// The table, stemmed: every synset as its distinct stems, borrowed from the table itself.
struct Thesaurus {
    synsets: Vec<Vec<&'static str>>,
    /// Every stem of the table.
    stems: FastSet<&'static str>,
}

impl Thesaurus {
    /// A table of synsets already stemmed, one per line (each stem once per synset; a synset
    /// left with one stem says nothing and is dropped).
    fn parse(table: &'static str) -> Thesaurus {
        let mut stems = FastSet::default();
        let synsets = table
            .lines()
            .map(|line| {
                let mut synset: Vec<&'static str> = Vec::new();
                for stem in line.split_whitespace() {
                    if !synset.contains(&stem) {
                        synset.push(stem);
                    }
                }
                stems.extend(synset.iter().copied());
                synset
            })
            .filter(|synset| synset.len() >= 2)
            .collect();
        Thesaurus { synsets, stems }
    }

    fn bundled() -> &'static Thesaurus {
        static BUNDLED: OnceLock<Thesaurus> = OnceLock::new();
        BUNDLED.get_or_init(|| Thesaurus::parse(STEMMED_TABLE))
    }
}

/// The synonyms that matter to one pack.
pub struct Synonyms {
    english: &'static FastSet<&'static str>,
    /// Stem of a word the pack does not use -> the stems of the pack's synonyms of it.
    into_pack: FastMap<&'static str, Vec<String>>,
}

impl Synonyms {
    /// From the bundled table, for a pack whose vocabulary has the stems `pack_stems`.
    pub fn new(pack_stems: &FastSet<String>) -> Synonyms {
        Synonyms::from_thesaurus(Thesaurus::bundled(), pack_stems)
    }

    fn from_thesaurus(thesaurus: &'static Thesaurus, pack_stems: &FastSet<String>) -> Synonyms {
        let mut into_pack: FastMap<&'static str, Vec<String>> = FastMap::default();
        for synset in &thesaurus.synsets {
            let (known, unknown): (Vec<&str>, Vec<&'static str>) =
                synset.iter().partition(|stem| pack_stems.contains(**stem));
            if known.is_empty() {
                continue;
            }
            for stem in unknown {
                let synonyms = into_pack.entry(stem).or_default();
                for &pack_stem in &known {
                    if !synonyms.iter().any(|known| known == pack_stem) {
                        synonyms.push(pack_stem.to_string());
                    }
                }
            }
        }
        Synonyms {
            english: &thesaurus.stems,
            into_pack,
        }
    }

    /// Whether `stem` is the stem of a real English word (one the table knows).
    pub fn is_english(&self, stem: &str) -> bool {
        self.english.contains(stem)
    }

    /// The pack's stems that are synonyms of the word with stem `stem` (empty when none).
    pub fn in_pack(&self, stem: &str) -> &[String] {
        self.into_pack.get(stem).map_or(&[], Vec::as_slice)
    }
}

#[cfg(test)]
mod tests {
    use rust_stemmers::{Algorithm, Stemmer};

    use super::*;

    fn stems(words: &[&str]) -> FastSet<String> {
        words.iter().map(|word| word.to_string()).collect()
    }

    /// The synonyms of a table of words, stemmed as `build.rs` stems the bundled one.
    fn synonyms(table: &str, pack_stems: &[&str]) -> Synonyms {
        let stemmer = Stemmer::create(Algorithm::English);
        let stemmed: Vec<String> = table
            .lines()
            .map(|line| {
                let stems: Vec<_> = line.split_whitespace().map(|w| stemmer.stem(w)).collect();
                stems.join(" ")
            })
            .collect();
        let stemmed: &'static str = Box::leak(stemmed.join("\n").into_boxed_str());
        let thesaurus = Box::leak(Box::new(Thesaurus::parse(stemmed)));
        Synonyms::from_thesaurus(thesaurus, &stems(pack_stems))
    }

    #[test]
    fn leads_unknown_words_to_the_packs_synonyms() {
        let synonyms = synonyms("blunder error mistake\nerror erroneousness", &["mistak"]);
        assert_eq!(synonyms.in_pack("blunder"), ["mistak"]);
        assert_eq!(synonyms.in_pack("error"), ["mistak"]);
        assert!(synonyms.in_pack("erroneous").is_empty());
        assert!(synonyms.in_pack("pizza").is_empty());
    }

    #[test]
    fn gathers_every_pack_synonym_once() {
        let synonyms = synonyms(
            "battle conflict fight\nfight combat\nfight struggle conflict",
            &["conflict", "combat"],
        );
        assert_eq!(synonyms.in_pack("fight"), ["conflict", "combat"]);
        assert_eq!(synonyms.in_pack("battl"), ["conflict"]);
    }

    #[test]
    fn knows_english_words_by_stem() {
        let synonyms = synonyms("blunder goof", &[]);
        assert!(synonyms.is_english("blunder"));
        assert!(synonyms.is_english("goof"));
        assert!(!synonyms.is_english("garante"));
    }

    #[test]
    fn the_bundled_table_parses() {
        let synonyms = Synonyms::new(&stems(&["ridicul"]));
        assert!(synonyms.is_english("absurd"));
        assert_eq!(synonyms.in_pack("absurd"), ["ridicul"]);
    }
}
