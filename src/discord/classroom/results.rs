//! A drill's results: one scorecard per round, the class leaderboard with the counters the
//! class most often left unanswered, and the CSV export for grading.

use std::collections::{BTreeMap, HashMap};

use super::Classroom;
use crate::discord::card::Card;
use crate::discord::post::Post;
use crate::discord::rounds::user_of_key;
use crate::discord::state::Error;
use crate::discord::text::escape;
use crate::drill::{Category, DrillError, Scorecard};
use crate::store::DrillRecord;

/// Rows on the leaderboard embed.
const LEADERBOARD_ROWS: usize = 15;

/// The CSV's columns, the four rubric categories between `turns` and `penalties`.
const CSV_LEADING: [&str; 6] = ["drill", "student", "name", "round", "side", "turns"];
const CSV_TRAILING: [&str; 6] = [
    "penalties",
    "total",
    "scale",
    "scale_score",
    "counters_answered",
    "counters_dropped",
];

impl Classroom {
    /// One result per round of the drill, in the order the rounds started.
    pub async fn results(
        &self,
        drill: &DrillRecord,
    ) -> Result<Vec<(String, Box<Scorecard>)>, Error> {
        let mut results = Vec::new();
        for round in self.engine.store().rounds_of_drill(drill.id).await? {
            let user = round.user_key.clone();
            match self.engine.scorecard_of(round).await {
                Ok(scorecard) => results.push((user, scorecard)),
                Err(DrillError::PackGone(pack)) => {
                    tracing::warn!(drill = drill.id, %pack, "a drill round's pack is gone");
                }
                Err(error) => return Err(error.into()),
            }
        }
        Ok(results)
    }

    /// The class leaderboard and the counters the class most often left unanswered.
    pub async fn leaderboard(&self, drill: &DrillRecord) -> Result<Post, Error> {
        let results = self.results(drill).await?;
        let mut best: BTreeMap<&str, &Scorecard> = BTreeMap::new();
        for (user, card) in &results {
            let entry = best.entry(user.as_str()).or_insert(card);
            if card.total > entry.total {
                *entry = card;
            }
        }
        let mut ranked: Vec<(&str, &Scorecard)> = best.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total.total_cmp(&a.1.total));
        let rows: Vec<String> = ranked
            .iter()
            .take(LEADERBOARD_ROWS)
            .enumerate()
            .map(|(i, (user, card))| {
                let who = user_of_key(user).map_or_else(
                    || self.catalogue.render("drill.someone", &[]),
                    |u| format!("<@{u}>"),
                );
                self.catalogue.render(
                    "drill.leaderboard_row",
                    &[
                        ("rank", &(i + 1)),
                        ("who", &who),
                        ("total", &format!("{:.1}", card.total)),
                        ("scale", &card.scale.name()),
                        ("scaled", &format!("{:.1}", card.scaled)),
                        ("side", &escape(&card.side.name)),
                        ("turns", &card.turns),
                    ],
                )
            })
            .collect();
        let title = if drill.ended_ms.is_some() {
            "drill.leaderboard_final"
        } else {
            "drill.leaderboard_so_far"
        };
        let mut card = Card::new(
            self.catalogue.render(title, &[("drill", &drill.id)]),
            if rows.is_empty() {
                self.catalogue.render("drill.leaderboard_empty", &[])
            } else {
                rows.join("\n")
            },
        );
        let unanswered = unanswered(&results);
        if !unanswered.is_empty() {
            card = card.field(
                self.catalogue.render("drill.leaderboard_unanswered", &[]),
                unanswered,
            );
        }
        let (embed, size) = card.build();
        Ok(Post::embed(embed, size))
    }

    /// One CSV row per student per round, for grading.
    pub async fn csv(&self, drill: &DrillRecord) -> Result<Vec<u8>, Error> {
        let results = self.results(drill).await?;
        let names: HashMap<String, String> = self
            .engine
            .store()
            .drill_members(drill.id)
            .await?
            .into_iter()
            .filter_map(|member| Some((member.user_key, member.display_name?)))
            .collect();
        let mut writer = csv::Writer::from_writer(Vec::new());
        let header = CSV_LEADING
            .into_iter()
            .chain(Category::ALL.iter().map(|c| c.name()))
            .chain(CSV_TRAILING);
        writer.write_record(header)?;
        for (user, card) in &results {
            let mut row = vec![
                drill.id.to_string(),
                user_of_key(user).map_or(user.clone(), |u| u.to_string()),
                names.get(user).map_or(String::new(), |name| inert(name)),
                card.round_id.to_string(),
                card.side.id.clone(),
                card.turns.to_string(),
            ];
            for category in Category::ALL {
                let points = card
                    .categories
                    .iter()
                    .find(|c| c.category == category)
                    .map_or(0.0, |c| c.points);
                row.push(format!("{points:.1}"));
            }
            row.extend([
                format!("{:.1}", card.penalties),
                format!("{:.1}", card.total),
                card.scale.name().to_string(),
                format!("{:.1}", card.scaled),
                card.answered.len().to_string(),
                card.dropped.len().to_string(),
            ]);
            writer.write_record(&row)?;
        }
        Ok(writer.into_inner().map_err(|e| e.into_error())?)
    }
}

/// A name a student chose, made inert for spreadsheets: one that starts like a formula
/// (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe.
fn inert(name: &str) -> String {
    if name.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{name}")
    } else {
        name.to_string()
    }
}

/// The counters most often left unanswered across the drill's rounds, most often first.
fn unanswered(results: &[(String, Box<Scorecard>)]) -> String {
    let mut counts: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    for (_, card) in results {
        for dropped in &card.dropped {
            let entry = counts.entry(dropped.counter.id.as_str()).or_insert((
                0,
                format!(
                    "{} — {}",
                    escape(&dropped.counter.claim),
                    escape(&dropped.counter.speaker)
                ),
            ));
            entry.0 += 1;
        }
    }
    let mut counts: Vec<(usize, String)> = counts.into_values().collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    counts
        .into_iter()
        .take(5)
        .map(|(n, text)| format!("• {text} ({n}×)"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_read_as_formulas_are_made_inert() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@admin"), "'@admin");
        assert_eq!(inert("Ada Lovelace"), "Ada Lovelace");
    }
}
