//! Splitting normalised text into words, with chat shorthand and contractions written out.
//! A word is a run of letters or digits in any script; apostrophes inside a word are dropped
//! ("doesn't" -> "doesnt", "putin's" -> "putins") so typed and curly forms agree.

use super::shorthand::{expand_chunk, expand_word};

/// The most words of one text that are analysed; the rest is ignored.
pub const MAX_TOKENS: usize = 400;

/// Outer punctuation trimmed from a chunk before shorthand lookup; `/` and `&` stay, they are
/// part of shorthand ("w/o", "&").
fn is_outer_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && c != '/' && c != '&'
}

/// The words of `normalized` (the output of [`super::normalize::normalize`]), at most
/// [`MAX_TOKENS`].
pub fn tokenize(normalized: &str) -> Vec<String> {
    let mut words = Vec::new();
    for chunk in normalized.split_whitespace() {
        if words.len() >= MAX_TOKENS {
            break;
        }
        let trimmed = chunk.trim_matches(is_outer_punctuation);
        if let Some(full) = expand_chunk(trimmed) {
            words.extend(full.iter().map(|word| word.to_string()));
            continue;
        }
        // Most chunks are one plain word: no copy, no split.
        if !trimmed.is_empty() && trimmed.chars().all(char::is_alphanumeric) {
            push_word(&mut words, trimmed);
            continue;
        }
        let joined: String = trimmed.chars().filter(|&c| c != '\'').collect();
        let pieces: Vec<&str> = joined
            .split(|c: char| !c.is_alphanumeric())
            .filter(|p| !p.is_empty())
            .collect();
        match pieces.as_slice() {
            [only] => push_word(&mut words, only),
            _ => words.extend(pieces.iter().map(|piece| piece.to_string())),
        }
    }
    words.truncate(MAX_TOKENS);
    words
}

/// One word, or its full form when it is shorthand or a contraction.
fn push_word(words: &mut Vec<String>, word: &str) {
    match expand_word(word) {
        Some(full) => words.extend(full.iter().map(|word| word.to_string())),
        None => words.push(word.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
    }

    #[test]
    fn splits_on_punctuation() {
        assert_eq!(
            words("nato, russia; (ukraine)!"),
            ["nato", "russia", "ukraine"]
        );
        assert_eq!(words("non-alignment"), ["non", "alignment"]);
    }

    #[test]
    fn expands_shorthand() {
        assert_eq!(
            words("get a guarantee w/o the us"),
            ["get", "a", "guarantee", "without", "the", "us"]
        );
        assert_eq!(words("bc u said so"), ["because", "you", "said", "so"]);
    }

    #[test]
    fn joins_contractions_and_possessives() {
        assert_eq!(
            words("putin doesn't care"),
            ["putin", "does", "not", "care"]
        );
        assert_eq!(words("putin doesnt care"), ["putin", "does", "not", "care"]);
        assert_eq!(words("nato's door"), ["natos", "door"]);
    }

    #[test]
    fn keeps_dotted_abbreviations_apart_from_shorthand() {
        assert_eq!(words("u.s. aid"), ["u", "s", "aid"]);
    }

    #[test]
    fn keeps_other_scripts_and_drops_symbols() {
        assert_eq!(words("украина 🇺🇦 نعم"), ["украина", "نعم"]);
        assert!(words("?!... 😂😂").is_empty());
    }

    #[test]
    fn caps_the_count() {
        assert_eq!(words(&"war ".repeat(MAX_TOKENS * 2)).len(), MAX_TOKENS);
    }
}
