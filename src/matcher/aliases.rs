//! The pack's aliases: every variant, one word or several ("us", "the states", "united states"),
//! is read as one concept term named after its canonical form ("united_states"). Variants are
//! compared stem by stem, so "ukrainians" meets the variant "ukrainian" and "attacks" meets
//! "attack"; the same table rewrites arguments and messages alike.

use super::{FastMap, FastSet};

use crate::pack::AliasGroup;

/// A variant's words after the first, and the concept it stands for.
#[derive(Debug, Clone)]
struct Variant {
    rest: Vec<String>,
    concept: usize,
}

#[derive(Debug, Clone, Default)]
pub struct AliasTable {
    /// Variants by their first stem, longest first so the longest match wins.
    by_first: FastMap<String, Vec<Variant>>,
    concepts: Vec<String>,
}

impl AliasTable {
    /// Builds the table; `stems_of` turns a phrase into its stems (normalised, tokenised,
    /// stemmed, stop words kept). When two groups claim the same variant the first wins, as the
    /// loader's warning says.
    pub fn new(groups: &[AliasGroup], stems_of: impl Fn(&str) -> Vec<String>) -> Self {
        let mut table = AliasTable::default();
        let mut seen: FastSet<Vec<String>> = FastSet::default();
        for group in groups {
            let canonical = stems_of(&group.canonical);
            if canonical.is_empty() {
                continue;
            }
            let concept = table.concepts.len();
            table.concepts.push(concept_name(&group.canonical));
            let variants =
                std::iter::once(canonical).chain(group.variants.iter().map(|v| stems_of(v)));
            for stems in variants {
                if stems.is_empty() || !seen.insert(stems.clone()) {
                    continue;
                }
                let (first, rest) = stems.split_first().expect("checked non-empty");
                table
                    .by_first
                    .entry(first.clone())
                    .or_default()
                    .push(Variant {
                        rest: rest.to_vec(),
                        concept,
                    });
            }
        }
        for variants in table.by_first.values_mut() {
            variants.sort_by_key(|variant| std::cmp::Reverse(variant.rest.len()));
        }
        table
    }

    /// The longest variant that starts at `stems[at]`: how many stems it spans, and its concept.
    pub fn longest_at(&self, stems: &[String], at: usize) -> Option<(usize, &str)> {
        let variants = self.by_first.get(&stems[at])?;
        let after = &stems[at + 1..];
        variants
            .iter()
            .find(|variant| after.starts_with(&variant.rest))
            .map(|variant| {
                (
                    variant.rest.len() + 1,
                    self.concepts[variant.concept].as_str(),
                )
            })
    }
}

/// "United States" -> "united_states": one term that no tokenised word can spell (words never
/// contain `_`), readable in `terms()`.
fn concept_name(canonical: &str) -> String {
    canonical
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join("_")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(text: &str) -> Vec<String> {
        text.split_whitespace()
            .map(|word| word.to_lowercase().trim_end_matches('s').to_string())
            .collect()
    }

    fn table() -> AliasTable {
        let group = |canonical: &str, variants: &[&str]| AliasGroup {
            canonical: canonical.to_string(),
            variants: variants.iter().map(|v| v.to_string()).collect(),
        };
        AliasTable::new(
            &[
                group("United States", &["us", "america", "the states"]),
                group("Ukraine", &["ukr", "us"]),
            ],
            stems,
        )
    }

    #[test]
    fn matches_single_and_multi_word_variants() {
        let table = table();
        let text = stems("the states and us and united states");
        assert_eq!(table.longest_at(&text, 0), Some((2, "united_states")));
        assert_eq!(table.longest_at(&text, 1), None);
        assert_eq!(table.longest_at(&text, 3), Some((1, "united_states")));
        assert_eq!(table.longest_at(&text, 5), Some((2, "united_states")));
    }

    #[test]
    fn first_group_wins_a_shared_variant() {
        let table = table();
        assert_eq!(
            table.longest_at(&stems("us"), 0),
            Some((1, "united_states"))
        );
        assert_eq!(table.longest_at(&stems("ukr"), 0), Some((1, "ukraine")));
    }

    #[test]
    fn names_concepts_without_spaces() {
        assert_eq!(concept_name("Article 5"), "article_5");
    }
}
