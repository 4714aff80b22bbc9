//! A student's progress over their rounds, as the progress chart shows it: each round's total,
//! the share of each category they earned on average, and the counters they drop most (a
//! counter they have since answered well in review leaves that list).

use std::collections::HashMap;

use serde::Serialize;

use super::review::Grade;
use super::stored_scorecard::StoredScorecard;
use crate::store::{ReviewCardRecord, RoundRecord};

/// How many dropped counters the chart lists.
const MOST_DROPPED: usize = 5;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Progress {
    /// The ended rounds' totals (0–100), oldest first.
    pub totals: Vec<f64>,
    /// Each category's mean share (0–1) of its maximum, over the rounds it counted in.
    pub categories: Vec<(String, f64)>,
    /// The counters dropped most, with how often: the claim, its speaker, the count.
    pub most_dropped: Vec<DroppedOften>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DroppedOften {
    pub claim: String,
    pub speaker: String,
    pub times: usize,
}

impl Progress {
    /// Read from the ended rounds' stored scorecards; `cards` are the student's review cards.
    pub fn of(rounds: &[RoundRecord], cards: &[ReviewCardRecord]) -> Progress {
        let scorecards: Vec<StoredScorecard> =
            rounds.iter().filter_map(StoredScorecard::of).collect();
        let totals = scorecards.iter().filter_map(|card| card.total).collect();

        let mut shares: Vec<(&str, f64, usize)> = Vec::new();
        let categories = scorecards.iter().flat_map(|card| &card.categories);
        for category in categories.filter(|category| category.max > 0.0) {
            let share = category.points / category.max;
            match shares
                .iter_mut()
                .find(|(known, _, _)| *known == category.category)
            {
                Some((_, sum, count)) => {
                    *sum += share;
                    *count += 1;
                }
                None => shares.push((&category.category, share, 1)),
            }
        }
        let categories = shares
            .into_iter()
            .map(|(name, sum, count)| (name.to_string(), sum / count as f64))
            .collect();

        // A counter answered well (good or easy) at its latest review is mastered.
        let mastered: Vec<&str> = cards
            .iter()
            .filter(|card| {
                card.last_grade
                    .is_some_and(|grade| grade >= Grade::Good as i64)
            })
            .map(|card| card.counter_argument.as_str())
            .collect();
        let mut dropped: HashMap<String, DroppedOften> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let counters = scorecards
            .iter()
            .flat_map(|card| &card.dropped)
            .map(|dropped| &dropped.counter);
        for counter in counters.filter(|counter| !counter.id.is_empty()) {
            if mastered.contains(&counter.id.as_str()) {
                continue;
            }
            let often = dropped.entry(counter.id.clone()).or_insert_with(|| {
                order.push(counter.id.clone());
                DroppedOften {
                    claim: counter.claim.clone(),
                    speaker: counter.speaker.clone(),
                    times: 0,
                }
            });
            often.times += 1;
        }
        let mut most_dropped: Vec<DroppedOften> =
            order.iter().filter_map(|id| dropped.remove(id)).collect();
        // Most often first; among equals, the one dropped first.
        most_dropped.sort_by_key(|dropped| std::cmp::Reverse(dropped.times));
        most_dropped.truncate(MOST_DROPPED);
        Progress {
            totals,
            categories,
            most_dropped,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn round(id: i64, summary: Value) -> RoundRecord {
        RoundRecord {
            id,
            user_key: "u".into(),
            place_key: "p".into(),
            pack_id: "k".into(),
            side: "s".into(),
            seed: None,
            drill_id: None,
            max_turns: None,
            deadline_ms: None,
            started_ms: 0,
            ended_ms: Some(1),
            end_reason: Some("command".into()),
            summary_json: Some(summary.to_string()),
            switched_from: None,
        }
    }

    fn dropped(id: &str) -> Value {
        serde_json::json!({ "counter": { "id": id, "claim": format!("claim {id}"), "speaker": "A" } })
    }

    #[test]
    fn totals_categories_and_the_counters_dropped_most_are_read_from_the_scorecards() {
        let rounds = [
            round(
                1,
                serde_json::json!({
                    "total": 40.0,
                    "categories": [{ "category": "clash", "points": 10.0, "max": 40.0 }],
                    "dropped": [dropped("a"), dropped("b")],
                }),
            ),
            round(
                2,
                serde_json::json!({
                    "total": 60.0,
                    "categories": [{ "category": "clash", "points": 30.0, "max": 40.0 }],
                    "dropped": [dropped("b")],
                }),
            ),
        ];

        let progress = Progress::of(&rounds, &[]);

        assert_eq!(progress.totals, [40.0, 60.0]);
        assert_eq!(progress.categories, [("clash".to_string(), 0.5)]);
        let most: Vec<(&str, usize)> = progress
            .most_dropped
            .iter()
            .map(|d| (d.claim.as_str(), d.times))
            .collect();
        assert_eq!(most, [("claim b", 2), ("claim a", 1)]);
    }

    #[test]
    fn a_counter_answered_well_in_review_leaves_the_most_dropped_list() {
        let rounds = [round(
            1,
            serde_json::json!({ "total": 40.0, "dropped": [dropped("a"), dropped("b")] }),
        )];
        let card = |counter: &str, grade: i64| ReviewCardRecord {
            user_key: "u".into(),
            pack_id: "k".into(),
            side: "s".into(),
            counter_argument: counter.into(),
            due_ms: 0,
            stability: 1.0,
            difficulty: 5.0,
            elapsed_days: 0,
            scheduled_days: 1,
            reps: 1,
            lapses: 0,
            state: 2,
            last_review_ms: 0,
            last_grade: Some(grade),
        };

        let progress = Progress::of(&rounds, &[card("a", 2), card("b", 0)]);

        let left: Vec<&str> = progress
            .most_dropped
            .iter()
            .map(|d| d.claim.as_str())
            .collect();
        assert_eq!(
            left,
            ["claim b"],
            "a answered well (good); b answered badly (again)"
        );
    }
}
