//! The whole analysis of a text into terms, identical for the pack's arguments and for messages:
//! normalise, tokenise (shorthand and contractions written out), correct typos of words the pack
//! never uses (unless they are real English words), stem (Snowball English), read aliases as
//! concepts, drop stop words, and add the pack's synonyms of words the pack never uses.

use rust_stemmers::{Algorithm, Stemmer};

use super::aliases::AliasTable;
use super::normalize::normalize;
use super::stopwords::is_stop_word;
use super::synonyms::Synonyms;
use super::tokenize::tokenize;
use super::typo::TypoCorrector;
use super::{FastMap, FastSet};
use crate::pack::Pack;

/// One analysed term.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub text: String,
    /// It comes from a typo correction, and so is less certain.
    pub corrected: bool,
    /// A word inside an alias match, kept beside the alias's concept: "ukrainians" stays more
    /// specific than the concept "ukraine" it shares with "kyiv" and "ukr". Such a word is no
    /// evidence against a match when the pack's arguments lack it ("ukr"). Likewise a word the
    /// pack never uses that is kept beside its synonyms.
    pub alias_word: bool,
    /// A synonym of the message's word rather than its word, and so less certain.
    pub synonym: bool,
}

impl Term {
    fn plain(text: String, corrected: bool) -> Term {
        Term {
            text,
            corrected,
            alias_word: false,
            synonym: false,
        }
    }
}

pub struct Analyzer {
    stemmer: Stemmer,
    aliases: AliasTable,
    corrector: TypoCorrector,
    synonyms: Synonyms,
    /// Every word of the pack with its stem: stemming a known word is one lookup.
    known_words: FastMap<String, String>,
    known_stems: FastSet<String>,
}

impl Analyzer {
    /// Learns the pack's vocabulary (every word of its arguments, positions and aliases) and
    /// builds the alias table and typo corrector from it.
    pub fn new(pack: &Pack) -> Self {
        let stemmer = Stemmer::create(Algorithm::English);
        let mut frequency: FastMap<String, u32> = FastMap::default();
        for text in pack_texts(pack) {
            for word in tokenize(&normalize(text)) {
                *frequency.entry(word).or_default() += 1;
            }
        }
        let stems_of = |text: &str| -> Vec<String> {
            tokenize(&normalize(text))
                .iter()
                .map(|word| stemmer.stem(word).into_owned())
                .collect()
        };
        let aliases = AliasTable::new(&pack.aliases, stems_of);
        let known_words: FastMap<String, String> = frequency
            .keys()
            .map(|word| (word.clone(), stemmer.stem(word).into_owned()))
            .collect();
        let known_stems = known_words.values().cloned().collect();
        Analyzer {
            corrector: TypoCorrector::new(&frequency),
            synonyms: Synonyms::new(&known_stems),
            stemmer,
            aliases,
            known_words,
            known_stems,
        }
    }

    /// The terms of `text`, in order. Bounded work on any input: only the first few thousand
    /// characters and few hundred words are read.
    pub fn analyze(&self, text: &str) -> Vec<Term> {
        let words = tokenize(&normalize(text));
        let mut stems = Vec::with_capacity(words.len());
        let mut stop = Vec::with_capacity(words.len());
        let mut corrected = Vec::with_capacity(words.len());
        for word in &words {
            let (word, stem, fixed) = self.stem_or_correct(word);
            stop.push(is_stop_word(word));
            stems.push(stem);
            corrected.push(fixed);
        }
        let mut terms = Vec::with_capacity(stems.len());
        let mut at = 0;
        while at < stems.len() {
            if let Some((span, concept)) = self.aliases.longest_at(&stems, at) {
                let concept_text = concept.to_string();
                terms.push(Term::plain(
                    concept_text.clone(),
                    corrected[at..at + span].iter().any(|&c| c),
                ));
                for inside in at..at + span {
                    if !stop[inside] && stems[inside] != concept_text {
                        terms.push(Term {
                            alias_word: true,
                            ..Term::plain(stems[inside].clone(), corrected[inside])
                        });
                    }
                }
                at += span;
                continue;
            }
            if !stop[at] {
                let synonyms = if corrected[at] || self.known_stems.contains(&stems[at]) {
                    &[]
                } else {
                    self.synonyms.in_pack(&stems[at])
                };
                terms.push(Term {
                    alias_word: !synonyms.is_empty(),
                    ..Term::plain(stems[at].clone(), corrected[at])
                });
                terms.extend(synonyms.iter().map(|synonym| Term {
                    alias_word: true,
                    synonym: true,
                    ..Term::plain(synonym.clone(), false)
                }));
            }
            at += 1;
        }
        terms
    }

    /// The word as meant, its stem, and whether it was corrected: a word the pack does not know
    /// (nor its stem) is corrected to the closest pack word, when there is one close enough.
    /// Stop words, numbers and real English words (the synonym table's) are never corrected.
    fn stem_or_correct<'w>(&'w self, word: &'w str) -> (&'w str, String, bool) {
        if let Some(stem) = self.known_words.get(word) {
            return (word, stem.clone(), false);
        }
        let stem = self.stemmer.stem(word).into_owned();
        if self.known_stems.contains(&stem)
            || self.synonyms.is_english(&stem)
            || is_stop_word(word)
            || word.chars().any(|c| c.is_numeric())
        {
            return (word, stem, false);
        }
        match self.corrector.correct(word) {
            Some(fix) => {
                // The corrector only answers words of the vocabulary, so the lookup succeeds.
                let stem = self.known_words.get(fix).cloned().unwrap_or_default();
                (fix, stem, true)
            }
            None => (word, stem, false),
        }
    }
}

/// Every text of the pack whose words a student may use.
fn pack_texts(pack: &Pack) -> impl Iterator<Item = &str> {
    let arguments = pack.arguments.iter().flat_map(|argument| {
        [argument.claim.as_str(), argument.quote.as_str()]
            .into_iter()
            .chain(argument.keywords.iter().map(String::as_str))
            .chain(argument.evidence.iter().map(String::as_str))
    });
    let positions = pack
        .positions
        .iter()
        .flat_map(|position| [position.author.as_str(), position.thesis.as_str()]);
    let aliases = pack.aliases.iter().flat_map(|group| {
        std::iter::once(group.canonical.as_str()).chain(group.variants.iter().map(String::as_str))
    });
    arguments.chain(positions).chain(aliases)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::fixture;

    fn texts(terms: &[Term]) -> Vec<&str> {
        terms.iter().map(|term| term.text.as_str()).collect()
    }

    #[test]
    fn stems_and_drops_stop_words() {
        let analyzer = Analyzer::new(&fixture::pack());
        assert_eq!(
            texts(&analyzer.analyze("The families are buying cheaper clothes")),
            ["famili", "buy", "cheaper", "cloth"]
        );
    }

    #[test]
    fn reads_multi_word_aliases_as_one_concept() {
        let analyzer = Analyzer::new(&fixture::pack());
        let dress_code = analyzer.analyze("a strict dress code");
        assert_eq!(texts(&dress_code), ["strict", "uniform", "dress", "code"]);
        assert!(dress_code[2].alias_word && !dress_code[1].alias_word);
        assert_eq!(
            texts(&analyzer.analyze("w/o the US")),
            ["without", "united_states"]
        );
    }

    #[test]
    fn corrects_words_the_pack_does_not_know() {
        let analyzer = Analyzer::new(&fixture::pack());
        let terms = analyzer.analyze("bulying is awfull");
        assert_eq!(terms[0], Term::plain("bulli".into(), true));
        assert_eq!(terms[1].text, "awful");
        assert!(
            !terms[1].corrected,
            "unknown and nothing close: kept as typed"
        );
    }

    #[test]
    fn does_not_correct_real_english_words() {
        let analyzer = Analyzer::new(&fixture::pack());
        let terms = analyzer.analyze("disciple");
        assert_eq!(texts(&terms), ["discipl"], "not corrected to discipline");
        assert!(!terms[0].corrected);
    }

    #[test]
    fn adds_the_packs_synonyms_of_words_it_never_uses() {
        let analyzer = Analyzer::new(&fixture::pack());
        let terms = analyzer.analyze("the price is too high");
        assert_eq!(texts(&terms), ["price", "cost", "high"]);
        assert!(terms[0].alias_word && !terms[0].synonym);
        assert!(terms[1].synonym && terms[1].alias_word && !terms[1].corrected);
        assert!(!terms[2].synonym);
        assert!(
            analyzer.analyze("cost").iter().all(|term| !term.synonym),
            "words the pack uses are taken as they are"
        );
    }

    #[test]
    fn straight_and_curly_contractions_agree() {
        let analyzer = Analyzer::new(&fixture::pack());
        assert_eq!(
            analyzer.analyze("uniforms don’t stop bullying"),
            analyzer.analyze("uniforms dont stop bullying")
        );
    }

    #[test]
    fn symbols_alone_have_no_terms() {
        let analyzer = Analyzer::new(&fixture::pack());
        assert!(analyzer.analyze("🙂🙂 ?!… ---").is_empty());
    }
}
