//! The pack rules' numbers, in one place. Uploads come from strangers, so everything a pack can
//! make us hold in memory is bounded here. The README's "Pack rules" section lists the same numbers.

/// The largest file a pack may contain, in bytes (1 MiB).
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;
/// The longest quote, in characters.
pub const MAX_QUOTE_CHARS: usize = 1_000;
/// The longest text field other than a quote (claims, theses, names, keywords...), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// The most arguments in one pack.
pub const MAX_ARGUMENTS: usize = 10_000;
/// The most positions (authors) in one pack.
pub const MAX_POSITIONS: usize = 50;
/// The most sides in one pack (every side needs a position, so this can be no more than positions).
pub const MAX_SIDES: usize = MAX_POSITIONS;
/// The most entries in one list field of an argument (`keywords`, `evidence`, `rebuts`).
pub const MAX_LIST_ITEMS: usize = 100;
/// The most alias groups in a pack, and the most variants in one group.
pub const MAX_ALIAS_GROUPS: usize = 1_000;
pub const MAX_ALIAS_VARIANTS: usize = 100;
/// The most files (pack.toml and position files) read from one pack folder.
pub const MAX_FILES: usize = MAX_POSITIONS + 1;
/// The longest id, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Whether `id` follows the id rule: 1–64 characters of `A-Z a-z 0-9 . _ -`, starting with a
/// letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    id.chars().count() <= MAX_ID_CHARS
        && first.is_ascii_alphanumeric()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The first control character in `text` other than newline and tab, if any. Bidirectional
/// overrides and isolates count: they make text display in another order than it reads.
pub fn forbidden_control_char(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    })
}

/// Whether `text` shows nothing: only whitespace and invisible characters (zero-width spaces
/// and joiners, word joiners, soft hyphens, byte-order marks).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        for good in ["a", "menon.coalition", "A-1_b.c", "9lives", &"x".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", ".a", "-a", "a b", "é", "a/b", &"x".repeat(65)] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn invisible_text_is_blank_and_bidirectional_overrides_are_refused() {
        assert!(is_blank("\u{200b}\u{200b} \u{feff}"));
        assert!(!is_blank("\u{200b}a"));
        assert_eq!(forbidden_control_char("abc\u{202e}cba"), Some('\u{202e}'));
        assert_eq!(forbidden_control_char("a\u{2067}b"), Some('\u{2067}'));
    }

    #[test]
    fn control_characters() {
        assert_eq!(forbidden_control_char("line\nnext\ttab"), None);
        assert_eq!(forbidden_control_char("bell\u{7}"), Some('\u{7}'));
        assert_eq!(forbidden_control_char("cr\r"), Some('\r'));
    }
}
