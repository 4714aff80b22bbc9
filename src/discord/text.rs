//! Text from users and packs, made safe to show: markdown and mentions escaped, lengths within
//! Discord's limits. Lengths count characters (Unicode scalar values), as Discord does.

/// Message content.
pub const CONTENT_MAX: usize = 2_000;
pub const EMBED_TITLE_MAX: usize = 256;
pub const EMBED_DESCRIPTION_MAX: usize = 4_096;
pub const FIELD_NAME_MAX: usize = 256;
pub const FIELD_VALUE_MAX: usize = 1_024;
pub const FOOTER_MAX: usize = 2_048;
/// All titles, descriptions, field names and values and footers of one message's embeds.
pub const EMBEDS_TOTAL_MAX: usize = 6_000;

const ELLIPSIS: char = '…';
/// Breaks a would-be mention (`@everyone`, `<@123>`) without changing how the text reads.
const ZERO_WIDTH_SPACE: char = '\u{200B}';

/// Escapes Discord markdown and defuses mentions, so the text shows exactly as written.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut previous = None;
    for c in text.chars() {
        match c {
            '@' | '#' | ':' | '&' | '!' if previous == Some('<') => {
                out.push(ZERO_WIDTH_SPACE);
                out.push(c);
            }
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '#' | '-' | '[' | ']' | '(' | ')' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
        if c == '@' {
            out.push(ZERO_WIDTH_SPACE);
        }
        previous = Some(c);
    }
    out
}

/// `text` cut to at most `max` characters, with an ellipsis when something was cut.
pub fn trim(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut kept: String = text.chars().take(max.saturating_sub(1)).collect();
    // A backslash left last would escape the ellipsis.
    while kept.ends_with('\\') {
        kept.pop();
    }
    kept.push(ELLIPSIS);
    kept
}

/// `text` in pieces of at most `max` characters (`max` at least 2), in order, with nothing left
/// out but the line break or space each piece was broken at: a break falls at the last line end
/// that fits, else at the last space, else anywhere but between an escaping backslash and the
/// character it escapes. Pieces that would hold only whitespace are left out.
pub fn split(text: &str, max: usize) -> Vec<String> {
    debug_assert!(max >= 2, "a piece holds at least an escape");
    let mut pieces = Vec::new();
    let mut rest = text;
    loop {
        let mut ends = rest.char_indices().map(|(at, _)| at).skip(max);
        let Some(fits) = ends.next() else {
            pieces.push(rest);
            break;
        };
        // A line end or space right after the last character that fits is a break too.
        let window = &rest[..ends.next().unwrap_or(rest.len())];
        let (piece, next) = match window.rfind('\n').or_else(|| window.rfind(' ')) {
            Some(at) => (&rest[..at], &rest[at + 1..]),
            None => {
                let mut cut = fits;
                if trailing_backslashes(&rest[..cut]) % 2 == 1 {
                    cut -= 1;
                }
                (&rest[..cut], &rest[cut..])
            }
        };
        pieces.push(piece);
        rest = next;
    }
    pieces
        .into_iter()
        .filter(|piece| !piece.trim().is_empty())
        .map(str::to_string)
        .collect()
}

fn trailing_backslashes(text: &str) -> usize {
    text.chars().rev().take_while(|&c| c == '\\').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_mentions_are_defused() {
        let escaped = escape("**bold** @everyone <@123> `code`");
        assert_eq!(
            escaped,
            "\\*\\*bold\\*\\* @\u{200B}everyone <\u{200B}@\u{200B}123\\> \\`code\\`"
        );
    }

    #[test]
    fn splitting_breaks_at_line_ends_then_spaces_and_never_inside_an_escape() {
        assert_eq!(split("one\ntwo three", 9), ["one", "two three"]);
        assert_eq!(split("one two three", 9), ["one two", "three"]);
        assert_eq!(split("abc\\*def", 4), ["abc", "\\*de", "f"]);
        assert_eq!(split("\n\n  \nword", 3), ["wor", "d"]);
        assert!(split("", 10).is_empty());
    }

    proptest::proptest! {
        /// Every piece fits, none ends in a lone escape, and only break characters go missing.
        #[test]
        fn splitting_loses_nothing(
            text in "[a-c\\\\*é \n]{0,300}",
            max in 2usize..40,
        ) {
            let escaped = escape(&text);
            let pieces = split(&escaped, max);
            let kept = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            proptest::prop_assert_eq!(kept(&pieces.concat()), kept(&escaped));
            for piece in &pieces {
                proptest::prop_assert!(piece.chars().count() <= max, "{:?}", piece);
                proptest::prop_assert!(trailing_backslashes(piece).is_multiple_of(2), "{:?}", piece);
            }
        }
    }

    #[test]
    fn trimming_keeps_within_the_limit() {
        assert_eq!(trim("short", 10), "short");
        let cut = trim(&"é".repeat(300), 256);
        assert_eq!(cut.chars().count(), 256);
        assert!(cut.ends_with(ELLIPSIS));
        assert!(!trim("abc\\\\\\def", 5).contains("\\…"));
    }
}
