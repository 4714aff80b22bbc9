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
    fn trimming_keeps_within_the_limit() {
        assert_eq!(trim("short", 10), "short");
        let cut = trim(&"é".repeat(300), 256);
        assert_eq!(cut.chars().count(), 256);
        assert!(cut.ends_with(ELLIPSIS));
        assert!(!trim("abc\\\\\\def", 5).contains("\\…"));
    }
}
