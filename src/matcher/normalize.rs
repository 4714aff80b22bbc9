//! The first step of analysis: one canonical spelling of the characters a student may type.
//! Unicode NFKC (full-width letters, ligatures, superscripts), case folding, and one form each
//! for quotes and dashes. Punctuation is kept here: the tokenizer needs `/` and `'` to read
//! chat shorthand ("w/o") and contractions ("doesn't").

use unicode_normalization::UnicodeNormalization;

/// The most characters of one text that are analysed; the rest is ignored, so a 100 KB message
/// costs no more than a long one. Pack fields are at most 2,000 characters, well under this.
pub const MAX_CHARS: usize = 4_000;

/// NFKC, lowercase, straight quotes and one dash, on at most [`MAX_CHARS`] characters.
pub fn normalize(text: &str) -> String {
    let head = match text.char_indices().nth(MAX_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    if head.is_ascii() {
        // NFKC leaves ASCII alone, and its quotes and dashes are already plain.
        return head.to_ascii_lowercase().replace('`', "'");
    }
    let mut folded = String::with_capacity(head.len());
    for c in head.nfkc().flat_map(char::to_lowercase) {
        folded.push(fold_punctuation(c));
    }
    folded
}

fn fold_punctuation(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => '-',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_width() {
        assert_eq!(normalize("NATO Ｕｋｒａｉｎｅ"), "nato ukraine");
        assert_eq!(normalize("ﬁnland"), "finland");
    }

    #[test]
    fn straightens_quotes_and_dashes() {
        assert_eq!(
            normalize("Ukraine’s “neutral” state—now"),
            "ukraine's \"neutral\" state-now"
        );
        assert_eq!(normalize("2014–2022"), "2014-2022");
    }

    #[test]
    fn composes_combining_marks() {
        assert_eq!(normalize("e\u{301}lan"), "élan");
    }

    #[test]
    fn caps_the_length() {
        let long = "a".repeat(MAX_CHARS * 3);
        assert_eq!(normalize(&long).chars().count(), MAX_CHARS);
    }
}
