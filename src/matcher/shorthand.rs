//! Chat shorthand and contractions, written out in full, so "w/o the us" and "without the US"
//! analyse alike. The tables are general English, not any pack's words.

/// Shorthand that contains punctuation, looked up on a whole whitespace-separated chunk with its
/// outer punctuation trimmed.
const CHUNKS: &[(&str, &[&str])] = &[
    ("w/o", &["without"]),
    ("w/", &["with"]),
    ("b/c", &["because"]),
    ("b/w", &["between"]),
    ("w/e", &["whatever"]),
    ("&", &["and"]),
];

/// Shorthand and contractions (apostrophe already dropped), looked up on one word. Sorted by key.
const WORDS: &[(&str, &[&str])] = &[
    ("abt", &["about"]),
    ("aint", &["is", "not"]),
    ("arent", &["are", "not"]),
    ("b4", &["before"]),
    ("bc", &["because"]),
    ("bcoz", &["because"]),
    ("bcs", &["because"]),
    ("bcuz", &["because"]),
    ("cant", &["can", "not"]),
    ("couldnt", &["could", "not"]),
    ("coz", &["because"]),
    ("cuz", &["because"]),
    ("didnt", &["did", "not"]),
    ("doesnt", &["does", "not"]),
    ("dont", &["do", "not"]),
    ("esp", &["especially"]),
    ("gonna", &["going", "to"]),
    ("gov", &["government"]),
    ("govt", &["government"]),
    ("govts", &["governments"]),
    ("hadnt", &["had", "not"]),
    ("hasnt", &["has", "not"]),
    ("havent", &["have", "not"]),
    ("im", &["i", "am"]),
    ("isnt", &["is", "not"]),
    ("ive", &["i", "have"]),
    ("mil", &["military"]),
    ("ppl", &["people"]),
    ("r", &["are"]),
    ("shouldnt", &["should", "not"]),
    ("smth", &["something"]),
    ("sth", &["something"]),
    ("theyre", &["they", "are"]),
    ("tho", &["though"]),
    ("thru", &["through"]),
    ("u", &["you"]),
    ("ur", &["your"]),
    ("wanna", &["want", "to"]),
    ("wasnt", &["was", "not"]),
    ("werent", &["were", "not"]),
    ("wont", &["will", "not"]),
    ("wouldnt", &["would", "not"]),
    ("youre", &["you", "are"]),
];

/// The full form of a chunk of punctuated shorthand ("w/o"), if it is one.
pub fn expand_chunk(chunk: &str) -> Option<&'static [&'static str]> {
    CHUNKS
        .iter()
        .find(|(short, _)| *short == chunk)
        .map(|(_, full)| *full)
}

/// The full form of a shorthand word or contraction ("bc", "doesnt"), if it is one.
pub fn expand_word(word: &str) -> Option<&'static [&'static str]> {
    WORDS
        .binary_search_by(|(short, _)| short.cmp(&word))
        .ok()
        .map(|found| WORDS[found].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_table_is_sorted_for_binary_search() {
        assert!(WORDS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    #[test]
    fn expands_chunks() {
        assert_eq!(expand_chunk("w/o"), Some(&["without"][..]));
        assert_eq!(expand_chunk("w/o/x"), None);
    }

    #[test]
    fn expands_words_and_contractions() {
        assert_eq!(expand_word("bc"), Some(&["because"][..]));
        assert_eq!(expand_word("doesnt"), Some(&["does", "not"][..]));
        assert_eq!(expand_word("govt"), Some(&["government"][..]));
        assert_eq!(expand_word("nato"), None);
    }
}
