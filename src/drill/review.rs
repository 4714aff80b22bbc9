//! Review of the counters a student dropped or answered weakly, on a spaced-repetition schedule:
//! FSRS, as the `rs-fsrs` crate implements it, with its default weights (90 % retention asked
//! for) and its long-term scheduler: a card comes back in days, not in the minutes of a
//! flashcard's learning steps, since a student reviews between rounds. A reply's score is the
//! grade: the better the answer, the later the card comes back.

use chrono::{DateTime, TimeZone, Utc};
use rs_fsrs::{Card, FSRS, Parameters, Rating, State};
use serde::Serialize;

use super::refs::{ArgumentRef, SideRef};
use super::scoring::TurnScore;
use crate::prompts::Catalogue;
use crate::store::ReviewCardRecord;

/// A card due, as a student sees it: the counter to answer again, and the side they argue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReviewCard {
    pub pack: String,
    pub side: SideRef,
    pub counter: ArgumentRef,
    pub due_ms: i64,
}

/// The cards due now, and when the next one falls due if none is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reviews {
    pub due: Vec<ReviewCard>,
    pub next_due_ms: Option<i64>,
}

/// A card answered: the reply's score, the grade it gave, and when the card comes back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reviewed {
    pub card: ReviewCard,
    pub score: TurnScore,
    pub grade: Grade,
    pub next_due_ms: i64,
    /// Cards still due after this one.
    pub remaining: usize,
}

impl Reviews {
    /// What a student reads when no card is due: when the next one is, or that there is none.
    pub fn nothing_due(&self, catalogue: &Catalogue, now_ms: i64) -> String {
        match self.next_due_ms {
            Some(due) => catalogue.render(
                "review.next_due",
                &[("when", &wait(catalogue, due - now_ms))],
            ),
            None => catalogue.render("review.none", &[]),
        }
    }
}

impl Reviewed {
    /// The answer's score and grade, and when the card comes back.
    pub fn graded(&self, catalogue: &Catalogue, now_ms: i64) -> String {
        catalogue.render(
            "review.graded",
            &[
                // The rubric has rounded the total to the tenth it shows.
                ("score", &self.score.total),
                ("grade", &self.grade.name()),
                ("when", &wait(catalogue, self.next_due_ms - now_ms)),
            ],
        )
    }
}

/// How long until something falls due, in the largest whole unit that fits ("in 3 days").
fn wait(catalogue: &Catalogue, ms: i64) -> String {
    const MINUTE: i64 = 60_000;
    const HOUR: i64 = 60 * MINUTE;
    const DAY: i64 = 24 * HOUR;
    let ms = ms.max(0);
    let (key, count) = if ms >= DAY {
        ("review.in_days", ms / DAY)
    } else if ms >= HOUR {
        ("review.in_hours", ms / HOUR)
    } else {
        ("review.in_minutes", (ms + MINUTE - 1) / MINUTE)
    };
    catalogue.render(key, &[("count", &count)])
}

/// FSRS's four grades, as a reply's score gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    Again = 0,
    Hard = 1,
    Good = 2,
    Easy = 3,
}

impl Grade {
    /// Below 25 the counter still beats the student; 25–49 a hard answer; 50–74 a good one;
    /// 75 and up an easy one.
    pub fn of_score(total: f64) -> Grade {
        match total {
            t if t < 25.0 => Grade::Again,
            t if t < 50.0 => Grade::Hard,
            t if t < 75.0 => Grade::Good,
            _ => Grade::Easy,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    fn rating(self) -> Rating {
        match self {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

/// Which card: whose, in which pack, on which side, for which counter.
pub struct CardKey<'a> {
    pub user: &'a str,
    pub pack: &'a str,
    pub side: &'a str,
    pub counter: &'a str,
}

/// A new card, due at once.
pub fn new_card(key: &CardKey<'_>, now_ms: i64) -> ReviewCardRecord {
    let card = Card {
        due: instant(now_ms),
        last_review: instant(now_ms),
        ..Card::default()
    };
    record(key, &card)
}

/// The card after a review graded `grade` at `now_ms`.
pub fn reschedule(card: &ReviewCardRecord, grade: Grade, now_ms: i64) -> ReviewCardRecord {
    let parameters = Parameters {
        enable_short_term: false,
        ..Parameters::default()
    };
    let next = FSRS::new(parameters)
        .next(fsrs_card(card), instant(now_ms), grade.rating())
        .card;
    let key = CardKey {
        user: &card.user_key,
        pack: &card.pack_id,
        side: &card.side,
        counter: &card.counter_argument,
    };
    ReviewCardRecord {
        last_grade: Some(grade as i64),
        ..record(&key, &next)
    }
}

fn record(key: &CardKey<'_>, card: &Card) -> ReviewCardRecord {
    ReviewCardRecord {
        user_key: key.user.to_string(),
        pack_id: key.pack.to_string(),
        side: key.side.to_string(),
        counter_argument: key.counter.to_string(),
        due_ms: card.due.timestamp_millis(),
        stability: card.stability,
        difficulty: card.difficulty,
        elapsed_days: card.elapsed_days,
        scheduled_days: card.scheduled_days,
        reps: i64::from(card.reps),
        lapses: i64::from(card.lapses),
        state: card.state as i64,
        last_review_ms: card.last_review.timestamp_millis(),
        last_grade: None,
    }
}

fn fsrs_card(record: &ReviewCardRecord) -> Card {
    Card {
        due: instant(record.due_ms),
        stability: record.stability,
        difficulty: record.difficulty,
        elapsed_days: record.elapsed_days,
        scheduled_days: record.scheduled_days,
        reps: i32::try_from(record.reps).unwrap_or(i32::MAX),
        lapses: i32::try_from(record.lapses).unwrap_or(i32::MAX),
        state: match record.state {
            1 => State::Learning,
            2 => State::Review,
            3 => State::Relearning,
            _ => State::New,
        },
        last_review: instant(record.last_review_ms),
    }
}

fn instant(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY_MS: i64 = 24 * 60 * 60 * 1000;
    const START: i64 = 1_800_000_000_000;

    fn key() -> CardKey<'static> {
        CardKey {
            user: "terminal:test",
            pack: "p",
            side: "s",
            counter: "a.b",
        }
    }

    #[test]
    fn a_new_card_is_due_at_once_and_a_well_answered_one_comes_back_later_than_a_badly_answered_one()
     {
        let card = new_card(&key(), START);
        assert_eq!(card.due_ms, START);

        let well = reschedule(&card, Grade::of_score(90.0), START);
        let badly = reschedule(&card, Grade::of_score(10.0), START);

        assert!(well.due_ms > START, "not due again at once");
        assert!(
            well.due_ms > badly.due_ms,
            "easy {} vs again {}",
            well.due_ms,
            badly.due_ms
        );
        let later = reschedule(&well, Grade::Good, well.due_ms);
        assert!(
            later.due_ms - well.due_ms > DAY_MS,
            "intervals grow with good answers"
        );
    }

    #[test]
    fn scores_give_grades_at_the_quarters() {
        assert_eq!(Grade::of_score(0.0), Grade::Again);
        assert_eq!(Grade::of_score(24.9), Grade::Again);
        assert_eq!(Grade::of_score(25.0), Grade::Hard);
        assert_eq!(Grade::of_score(50.0), Grade::Good);
        assert_eq!(Grade::of_score(75.0), Grade::Easy);
    }

    #[test]
    fn a_card_survives_the_round_trip_through_its_record() {
        let card = reschedule(&new_card(&key(), START), Grade::Good, START);
        assert_eq!(card.last_grade, Some(2));
        let round_trip = record(&key(), &fsrs_card(&card));
        assert_eq!(
            ReviewCardRecord {
                last_grade: card.last_grade,
                ..round_trip
            },
            card
        );
    }
}
