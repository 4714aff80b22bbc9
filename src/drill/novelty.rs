//! Novelty: how much of a reply says something the student has not said earlier in the round.

use strsim::jaro_winkler;

/// Two terms this alike (Jaro–Winkler) are the same word for novelty: "guarante" and "guarantee".
const SAME_TERM: f64 = 0.92;

/// 1.0 when no earlier turn shares the reply's terms, falling to 0.0 when an earlier turn already
/// held every one of them. A reply with no terms adds nothing new.
pub fn novelty(reply_terms: &[String], earlier: &[Vec<String>]) -> f64 {
    if earlier.is_empty() {
        return 1.0;
    }
    let reply: Vec<&String> = unique(reply_terms);
    if reply.is_empty() {
        return 0.0;
    }
    let most_repeated = earlier
        .iter()
        .map(|turn| {
            let turn = unique(turn);
            let repeated = reply
                .iter()
                .filter(|term| turn.iter().any(|old| jaro_winkler(term, old) >= SAME_TERM))
                .count();
            repeated as f64 / reply.len() as f64
        })
        .fold(0.0, f64::max);
    1.0 - most_repeated
}

fn unique(terms: &[String]) -> Vec<&String> {
    let mut seen = std::collections::HashSet::new();
    terms.iter().filter(|term| seen.insert(*term)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_first_turn_is_entirely_new() {
        assert_eq!(novelty(&terms("nato guarante"), &[]), 1.0);
    }

    #[test]
    fn a_repeat_scores_nothing_and_near_spellings_count_as_repeats() {
        let earlier = vec![terms("coalition guarantee europe")];
        assert_eq!(novelty(&terms("coalition guarante"), &earlier), 0.0);
        assert_eq!(novelty(&terms("coalition sanction"), &earlier), 0.5);
        assert_eq!(novelty(&[], &earlier), 0.0);
    }
}
