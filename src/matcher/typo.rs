//! Typo correction against the pack's own vocabulary ("garantee" -> "guarantee").
//!
//! A symmetric deletion index (the SymSpell idea): every vocabulary word is stored under the
//! hashes of the strings left after deleting up to its allowed number of characters; a typed
//! word looks up its own deletions the same way, and the few candidates found are checked with
//! Damerau-Levenshtein. Lookup cost depends on the word's length, not on the vocabulary's size,
//! which keeps a 10,000-argument pack cheap.

use super::FastMap;

/// Shorter words are too easily corrected into some other word ("lol" -> "log").
const MIN_CHARS: usize = 4;
/// Longer "words" are not typos of anything a person typed; skipping them bounds the work.
const MAX_CHARS: usize = 24;

/// Words this short are corrected only for a dropped, doubled or swapped letter, never for a
/// replaced one: "clas" -> "class", but "wait" is not "want" and "harm" is not "hard".
const MAX_SHORT_CHARS: usize = 5;

/// How many edits a word of `chars` characters may be away from its correction.
fn allowed_edits(chars: usize) -> usize {
    match chars {
        0..MIN_CHARS => 0,
        MIN_CHARS..=6 => 1,
        _ => 2,
    }
}

#[derive(Debug, Clone, Default)]
pub struct TypoCorrector {
    words: Vec<String>,
    frequency: Vec<u32>,
    /// (hash of a deletion variant, word index), sorted.
    deletions: Vec<(u32, u32)>,
}

impl TypoCorrector {
    /// Indexes the vocabulary: each word with how often the pack uses it.
    pub fn new(vocabulary: &FastMap<String, u32>) -> Self {
        let mut entries: Vec<(&String, &u32)> = vocabulary
            .iter()
            .filter(|(word, _)| (MIN_CHARS..=MAX_CHARS).contains(&word.chars().count()))
            .collect();
        entries.sort();
        let mut corrector = TypoCorrector::default();
        for (id, (word, &frequency)) in entries.into_iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            for_each_deletion(&chars, allowed_edits(chars.len()), |hash| {
                corrector.deletions.push((hash, id as u32));
            });
            corrector.words.push(word.clone());
            corrector.frequency.push(frequency);
        }
        corrector.deletions.sort_unstable();
        corrector.deletions.dedup();
        corrector
    }

    /// The vocabulary word closest to `word` within the edits its length allows: fewest edits,
    /// then the more frequent word, then the higher Jaro-Winkler similarity. A correction keeps
    /// the first letter (people rarely mistype it, and "food" -> "good" would invent meaning).
    /// `None` when nothing is close enough (or `word` is too short or too long to correct).
    pub fn correct(&self, word: &str) -> Option<&str> {
        let chars: Vec<char> = word.chars().collect();
        if !(MIN_CHARS..=MAX_CHARS).contains(&chars.len()) {
            return None;
        }
        let mut candidates: Vec<u32> = Vec::new();
        for_each_deletion(&chars, allowed_edits(chars.len()), |hash| {
            let start = self.deletions.partition_point(|&(h, _)| h < hash);
            candidates.extend(
                self.deletions[start..]
                    .iter()
                    .take_while(|&&(h, _)| h == hash)
                    .map(|&(_, id)| id),
            );
        });
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter(|&id| plausible_typo(&chars, &self.words[id as usize]))
            .filter_map(|id| {
                let candidate = &self.words[id as usize];
                let limit = allowed_edits(chars.len().min(candidate.chars().count()));
                let edits = strsim::damerau_levenshtein(word, candidate);
                (edits <= limit).then_some((edits, id))
            })
            .min_by(|&(edits_a, a), &(edits_b, b)| {
                edits_a
                    .cmp(&edits_b)
                    .then(self.frequency[b as usize].cmp(&self.frequency[a as usize]))
                    .then_with(|| {
                        let similarity =
                            |id: u32| strsim::jaro_winkler(word, &self.words[id as usize]);
                        similarity(b).total_cmp(&similarity(a))
                    })
                    .then(a.cmp(&b))
            })
            .map(|(_, id)| self.words[id as usize].as_str())
    }
}

/// Whether `candidate` could be what a person meant when typing `typed`: the same first letter,
/// and for short words not merely one letter replaced by another.
fn plausible_typo(typed: &[char], candidate: &str) -> bool {
    if candidate.chars().next() != typed.first().copied() {
        return false;
    }
    let same_length = candidate.chars().count() == typed.len();
    let typed: String = typed.iter().collect();
    !(typed.chars().count() <= MAX_SHORT_CHARS
        && same_length
        && strsim::levenshtein(&typed, candidate) == 1)
}

/// Calls `visit` with the hash of `chars` and of every string made by deleting up to `edits`
/// (at most 2) of its characters. Hashing the characters in place avoids building the strings.
fn for_each_deletion(chars: &[char], edits: usize, mut visit: impl FnMut(u32)) {
    visit(hash_skipping(chars, &[]));
    if edits >= 1 {
        for i in 0..chars.len() {
            visit(hash_skipping(chars, &[i]));
            if edits >= 2 {
                for j in i + 1..chars.len() {
                    visit(hash_skipping(chars, &[i, j]));
                }
            }
        }
    }
}

/// FNV-1a over the characters not skipped: deterministic, and cheap for words this short.
fn hash_skipping(chars: &[char], skip: &[usize]) -> u32 {
    let mut hash: u32 = 0x811c_9dc5;
    for (index, &c) in chars.iter().enumerate() {
        if !skip.contains(&index) {
            for byte in u32::from(c).to_le_bytes() {
                hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
            }
        }
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corrector(words: &[(&str, u32)]) -> TypoCorrector {
        TypoCorrector::new(&words.iter().map(|&(w, f)| (w.to_string(), f)).collect())
    }

    #[test]
    fn corrects_one_edit() {
        let c = corrector(&[("guarantee", 3), ("ukraine", 5), ("russia", 9)]);
        assert_eq!(c.correct("garantee"), Some("guarantee"));
        assert_eq!(c.correct("ukrane"), Some("ukraine"));
        assert_eq!(c.correct("rusia"), Some("russia"));
    }

    #[test]
    fn corrects_transpositions_and_two_edits_in_long_words() {
        let c = corrector(&[("neutrality", 2), ("negotiations", 1)]);
        assert_eq!(c.correct("nuetrality"), Some("neutrality"));
        assert_eq!(c.correct("negociatons"), Some("negotiations"));
    }

    #[test]
    fn refuses_distant_and_short_words() {
        let c = corrector(&[("nato", 5), ("lunch", 1), ("guarantee", 1)]);
        assert_eq!(c.correct("cat"), None);
        assert_eq!(c.correct("pizza"), None);
        assert_eq!(c.correct("gxxxantee"), None);
    }

    #[test]
    fn keeps_the_first_letter() {
        let c = corrector(&[("good", 5), ("might", 5)]);
        assert_eq!(c.correct("food"), None);
        assert_eq!(c.correct("night"), None);
    }

    #[test]
    fn corrects_short_words_only_for_dropped_doubled_or_swapped_letters() {
        let c = corrector(&[("want", 5), ("class", 5), ("nato", 5)]);
        assert_eq!(c.correct("wait"), None);
        assert_eq!(c.correct("clas"), Some("class"));
        assert_eq!(c.correct("ntao"), Some("nato"));
        assert_eq!(c.correct("naato"), Some("nato"));
    }

    #[test]
    fn prefers_the_more_frequent_of_equally_close_words() {
        let c = corrector(&[("border", 1), ("broder", 9)]);
        assert_eq!(c.correct("brder"), Some("broder"));
    }

    #[test]
    fn empty_vocabulary_corrects_nothing() {
        assert_eq!(corrector(&[]).correct("anything"), None);
    }
}
