//! Novelty: how much of a reply says something the student has not said earlier in the round.
//! Measured on content: the words of the motion and the sides ("nato", "ukraine") are what
//! every turn is about, so sharing them is not repeating oneself.

use std::collections::HashSet;

use strsim::jaro_winkler;

/// Two terms this alike (Jaro–Winkler) are the same word for novelty: "guarante" and "guarantee".
const SAME_TERM: f64 = 0.92;

/// The distinct content terms of a turn compared, at most: enough for any point, and a bound
/// that keeps the near-spelling comparison linear in the length of a message.
const MAX_TERMS: usize = 80;

/// 1.0 when no earlier turn shares the reply's content terms (those not in `topic`), falling to
/// 0.0 when an earlier turn already held every one of them. A reply with no content terms adds
/// nothing new.
pub fn novelty(reply_terms: &[String], earlier: &[Vec<String>], topic: &HashSet<String>) -> f64 {
    if earlier.is_empty() {
        return 1.0;
    }
    let reply = content(reply_terms, topic);
    if reply.is_empty() {
        return 0.0;
    }
    let most_repeated = earlier
        .iter()
        .map(|turn| {
            let turn = content(turn, topic);
            let repeated = reply
                .iter()
                .filter(|term| {
                    turn.contains(*term)
                        || turn.iter().any(|old| jaro_winkler(term, old) >= SAME_TERM)
                })
                .count();
            repeated as f64 / reply.len() as f64
        })
        .fold(0.0, f64::max);
    1.0 - most_repeated
}

/// The distinct terms of a turn that are not topic words, in order, at most [`MAX_TERMS`].
fn content<'a>(terms: &'a [String], topic: &HashSet<String>) -> Vec<&'a String> {
    let mut seen = HashSet::new();
    terms
        .iter()
        .filter(|term| !topic.contains(*term) && seen.insert(*term))
        .take(MAX_TERMS)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_first_turn_is_entirely_new() {
        assert_eq!(novelty(&terms("nato guarante"), &[], &HashSet::new()), 1.0);
    }

    #[test]
    fn a_repeat_scores_nothing_and_near_spellings_count_as_repeats() {
        let earlier = vec![terms("coalition guarantee europe")];
        let none = HashSet::new();
        assert_eq!(novelty(&terms("coalition guarante"), &earlier, &none), 0.0);
        assert_eq!(novelty(&terms("coalition sanction"), &earlier, &none), 0.5);
        assert_eq!(novelty(&[], &earlier, &none), 0.0);
    }

    #[test]
    fn sharing_the_topic_words_is_not_repeating_oneself() {
        let topic: HashSet<String> = ["nato".into(), "ukraine".into()].into();
        let earlier = vec![terms("nato ukraine guarantee coalition")];
        assert_eq!(
            novelty(&terms("nato ukraine budapest memorandum"), &earlier, &topic),
            1.0
        );
        assert_eq!(novelty(&terms("nato ukraine"), &earlier, &topic), 0.0);
    }
}
