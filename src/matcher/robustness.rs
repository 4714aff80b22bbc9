//! Property tests: no input makes the matcher panic, and a huge message costs no more than its
//! first few thousand characters.

use std::time::{Duration, Instant};

use proptest::prelude::*;

use super::search::Matcher;
use crate::pack::fixture;

/// Characters that have broken text code before: emoji (with joiners and skin tones), RTL
/// scripts and marks, combining marks, expanding NFKC forms, punctuation, controls.
const HARD: &[char] = &[
    '😂',
    '👩',
    '\u{200D}',
    '💻',
    '\u{1F3FD}',
    '🇺',
    '🇦',
    'ש',
    'ل',
    'م',
    '\u{200F}',
    '\u{202E}',
    'e',
    '\u{301}',
    '\u{308}',
    '\u{FDFA}',
    'ﬁ',
    'Ａ',
    '…',
    '—',
    '’',
    '/',
    '\'',
    '.',
    ' ',
    '\n',
    '\t',
    '\u{0}',
    'ß',
    'İ',
    'a',
    'u',
];

fn exercise(m: &Matcher, text: &str) {
    let hits = m.search(text, 5);
    assert!(hits.iter().all(|hit| (0.0..=1.0).contains(&hit.score)));
    m.search_side(text, "for-uniforms", 3);
    m.affinity(text, 0);
    m.terms(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_text_is_safe(text in any::<String>()) {
        exercise(&Matcher::new(fixture::pack()), &text);
    }

    #[test]
    fn hard_characters_are_safe(text in proptest::collection::vec(proptest::sample::select(HARD), 0..300)) {
        exercise(&Matcher::new(fixture::pack()), &text.into_iter().collect::<String>());
    }
}

#[test]
fn huge_messages_are_bounded() {
    let m = Matcher::new(fixture::pack());
    let unit = "uniforms cost 💸 money, ﷺ bulying لا e\u{301} ";
    for text in [
        unit.repeat(100_000 / unit.len()),
        "!".repeat(100_000),
        "a".repeat(100_000),
        "\u{301}".repeat(50_000),
    ] {
        let start = Instant::now();
        exercise(&m, &text);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?} for {} bytes",
            start.elapsed(),
            text.len()
        );
    }
}
