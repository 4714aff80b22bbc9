//! Spotting a reply that gives the point away ("you're right", "fair point", ...).

/// Phrases that concede the opponent's point, written as they read after [`plain`].
const CONCESSIONS: &[&str] = &[
    "you re right",
    "youre right",
    "you are right",
    "ur right",
    "i agree",
    "i totally agree",
    "agreed",
    "fair point",
    "fair enough",
    "good point",
    "ok fine",
    "okay fine",
    "fine you win",
    "you win",
    "i concede",
    "point taken",
    "that s true",
    "thats true",
    "true enough",
    "can t argue with that",
    "cant argue with that",
    "makes sense",
    "i guess so",
];

/// Whether `text` contains a conceding phrase as whole words.
pub fn concedes(text: &str) -> bool {
    let padded = format!(" {} ", plain(text));
    CONCESSIONS
        .iter()
        .any(|phrase| padded.contains(&format!(" {phrase} ")))
}

/// Lowercase words separated by single spaces; anything else (apostrophes too) is a separator.
fn plain(text: &str) -> String {
    text.chars()
        .take(4096)
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conceding_phrases_are_found_whatever_the_punctuation() {
        for text in [
            "You're right, NATO can't help.",
            "you’re right tbh",
            "ok fine.",
            "Fair point!! but still",
            "i agree with menon",
        ] {
            assert!(concedes(text), "{text}");
        }
    }

    #[test]
    fn words_inside_other_words_do_not_count() {
        for text in [
            "the agreement at Minsk failed",
            "upright members of the alliance",
            "a fine-grained guarantee",
        ] {
            assert!(!concedes(text), "{text}");
        }
    }
}
