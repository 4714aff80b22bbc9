//! Concrete facts in a reply: figures and dates, named events and documents, and the evidence
//! the student's own side cites.

use std::collections::HashSet;

/// Words that name a kind of event or document: "the Budapest memorandum", "the Vilnius summit".
const DOCUMENT_WORDS: &[&str] = &[
    "accord",
    "accords",
    "agreement",
    "article",
    "charter",
    "communique",
    "convention",
    "declaration",
    "memorandum",
    "poll",
    "protocol",
    "referendum",
    "report",
    "resolution",
    "study",
    "summit",
    "survey",
    "treaty",
];

/// How many concrete facts a text states: tokens with digits ("2014", "5", "40%") and
/// words that name events or documents, each counted once.
pub fn concrete_facts(text: &str) -> usize {
    let mut seen = HashSet::new();
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '"'))
        .take(2000)
        .map(|token| {
            token
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '%')
                .to_lowercase()
        })
        .filter(|token| {
            token.chars().any(|c| c.is_ascii_digit()) || DOCUMENT_WORDS.contains(&token.as_str())
        })
        .filter(|token| seen.insert(token.clone()))
        .count()
}

/// How many distinct terms of `reply` are among `evidence_terms` (the analysed evidence fields
/// of the student's own side).
pub fn evidence_terms_used(reply_terms: &[String], evidence_terms: &HashSet<String>) -> usize {
    reply_terms
        .iter()
        .filter(|term| evidence_terms.contains(*term))
        .collect::<HashSet<_>>()
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_dates_and_documents_count_once_each() {
        assert_eq!(
            concrete_facts("In 2014, and again in 2014, 40% backed the Budapest Memorandum."),
            3
        );
        assert_eq!(concrete_facts("they just would not, honestly"), 0);
    }

    #[test]
    fn evidence_terms_are_counted_distinctly() {
        let evidence: HashSet<String> = ["vilnius".into(), "summit".into()].into();
        let reply: Vec<String> = vec![
            "vilnius".into(),
            "vilnius".into(),
            "summit".into(),
            "x".into(),
        ];
        assert_eq!(evidence_terms_used(&reply, &evidence), 2);
    }
}
