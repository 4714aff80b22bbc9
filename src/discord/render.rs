//! The engine's answers as posts: counters, hints, briefs and scorecards as embeds with their
//! buttons. Every text from a pack or a student is escaped here.

use poise::serenity_prelude as serenity;

use super::buttons::Button;
use super::card::Card;
use super::post::Post;
use super::text::escape;
use crate::drill::{
    ArgumentRef, Brief, Countered, MoveKind, NextCounter, Output, Scorecard, Started, TurnScore,
};
use crate::prompts::Catalogue;

/// The messages that show `output` whole, in order; buttons go under the last one.
pub fn posts(output: &Output, catalogue: &Catalogue) -> Vec<Post> {
    match output {
        Output::Started(started) => with_buttons(started_card(started), None),
        Output::Countered(countered) => with_buttons(
            countered_card(countered, catalogue),
            countered.counter.as_ref(),
        ),
        Output::Moderated(moderated) => super::moderation::posts(moderated, catalogue),
        Output::Unsure => vec![Post::text(catalogue.render("notice.unsure", &[]))],
        Output::Hint {
            argument: Some(argument),
        } => private(Card::new(
            format!("Hint: {}", escape(&argument.claim)),
            quote(argument),
        )),
        Output::Hint { argument: None } => {
            vec![Post::text(catalogue.render("notice.no_hint", &[])).private()]
        }
        Output::Brief(brief) => private(brief_card(brief)),
        Output::Scorecard(scorecard) => scorecard_card(scorecard, catalogue).posts(),
        Output::NextCounter(next) => with_buttons(next_counter_card(next), Some(&next.counter)),
    }
}

fn private(card: Card) -> Vec<Post> {
    card.posts().into_iter().map(Post::private).collect()
}

/// The card's messages with the round's buttons under the last one.
fn with_buttons(card: Card, counter: Option<&ArgumentRef>) -> Vec<Post> {
    under_last(card, round_buttons(counter))
}

/// The card's messages with `buttons` under the last one.
pub(super) fn under_last(card: Card, buttons: Vec<serenity::CreateButton>) -> Vec<Post> {
    let mut posts = card.posts();
    if let Some(last) = posts.pop() {
        posts.push(last.with_buttons(buttons));
    }
    posts
}

/// Under a counter: another counter, its source, a hint, the end; else a hint and the end.
fn round_buttons(counter: Option<&ArgumentRef>) -> Vec<serenity::CreateButton> {
    counter
        .map(|c| [Button::NextCounter, Button::ShowSource(c.id.clone())])
        .into_iter()
        .flatten()
        .chain([Button::Hint, Button::End])
        .map(|button| button.create())
        .collect()
}

/// The verbatim quote, attributed.
fn quote(argument: &ArgumentRef) -> String {
    format!(
        "“{}”\n— {}, {}",
        escape(&argument.quote),
        escape(&argument.author),
        escape(&argument.source)
    )
}

fn started_card(started: &Started) -> Card {
    Card::new(
        format!("Your round: {}", escape(&started.side.name)),
        format!(
            "**Motion:** {}\n\n{}\n\nMake your first argument: just write it here.",
            escape(&started.motion),
            escape(&started.side.summary)
        ),
    )
    .field("Pack".into(), escape(&started.title))
    .footer(format!(
        "round {} · side {}",
        started.round_id, started.side.id
    ))
}

fn countered_card(countered: &Countered, catalogue: &Catalogue) -> Card {
    let card = match &countered.counter {
        Some(counter) => with_reason(counter_card(counter), countered.reason.as_deref()),
        None => Card::new(
            "No counter".into(),
            escape(&catalogue.render(
                match countered.read {
                    MoveKind::Concession => "turn.conceded_plain",
                    MoveKind::Point | MoveKind::Attack => "turn.no_counter",
                },
                &[],
            )),
        ),
    };
    let card = match &countered.matched {
        Some((argument, _)) => card.field(
            match countered.read {
                MoveKind::Point => "You argued",
                MoveKind::Attack => "You attacked",
                MoveKind::Concession => "You conceded",
            }
            .into(),
            format!(
                "{} ({})",
                escape(&argument.claim),
                escape(&argument.speaker)
            ),
        ),
        None => card,
    };
    let title = format!(
        "Your turn {}: {:.0}/100",
        countered.turn, countered.score.total
    );
    score_fields(card, title, &countered.score, catalogue)
}

/// A turn's score under `title`, with its breakdown, then its feedback.
pub(super) fn score_fields(
    card: Card,
    title: String,
    score: &TurnScore,
    catalogue: &Catalogue,
) -> Card {
    let feedback: Vec<String> = score
        .feedback
        .iter()
        .map(|f| format!("• {}", escape(&f.render(catalogue))))
        .collect();
    let breakdown: Vec<String> = score
        .breakdown()
        .iter()
        .map(|(name, points)| format!("{name} {points:.1}"))
        .collect();
    card.field(title, breakdown.join(" · "))
        .field("Feedback".into(), feedback.join("\n"))
}

/// A counter served on request: the same card as a turn's counter, with the point it answers
/// instead of a score.
fn next_counter_card(next: &NextCounter) -> Card {
    with_reason(counter_card(&next.counter), next.reason.as_deref())
        .field("Your point".into(), escape(&next.to.claim))
}

/// The pack's line of clash, when it gives one: why the counter answers the student.
fn with_reason(card: Card, reason: Option<&str>) -> Card {
    match reason {
        Some(reason) => card.field("Why this answers you".into(), escape(reason)),
        None => card,
    }
}

/// The counter's claim, and its quote attributed.
fn counter_card(counter: &ArgumentRef) -> Card {
    Card::new(
        format!("Counter from {}", escape(&counter.author)),
        format!("**{}**", escape(&counter.claim)),
    )
    .field("Quote".into(), quote(counter))
}

fn brief_card(brief: &Brief) -> Card {
    let mut card = Card::new(
        format!("Brief: {}", escape(&brief.side.name)),
        escape(&brief.side.summary),
    );
    for argument in &brief.arguments {
        card = card.field(escape(&argument.claim), quote(argument));
    }
    card
}

fn scorecard_card(scorecard: &Scorecard, catalogue: &Catalogue) -> Card {
    let categories: Vec<String> = scorecard
        .categories
        .iter()
        .map(|c| format!("{}: {:.1} / {:.1}", c.category.name(), c.points, c.max))
        .collect();
    let answered: Vec<String> = scorecard
        .answered
        .iter()
        .map(|a| format!("✓ {}: {}", escape(&a.author), escape(&a.claim)))
        .collect();
    let dropped: Vec<String> = scorecard
        .dropped
        .iter()
        .map(|d| {
            format!(
                "✗ {}: {}",
                escape(&d.counter.author),
                escape(&d.counter.claim)
            )
        })
        .collect();
    let feedback: Vec<String> = scorecard
        .feedback
        .iter()
        .map(|f| format!("• {}", escape(&f.render(catalogue))))
        .collect();
    Card::new(
        format!("Scorecard: {}", escape(&scorecard.side.name)),
        format!(
            "{} turns · **{:.0}/100** · {} {:.1}",
            scorecard.turns,
            scorecard.total,
            scorecard.scale.name(),
            scorecard.scaled
        ),
    )
    .field(
        "Reason for decision".into(),
        escape(&scorecard.decision.render(catalogue)),
    )
    .field("Categories".into(), categories.join("\n"))
    .field("Penalties".into(), format!("{:.1}", scorecard.penalties))
    .field("Counters answered".into(), answered.join("\n"))
    .field("Counters left standing".into(), dropped.join("\n"))
    .field("To take away".into(), feedback.join("\n"))
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::*;
    use crate::drill::Via;

    fn argument(id: &str, side: &str, author: &str, claim: &str, quote: &str) -> ArgumentRef {
        ArgumentRef {
            index: 0,
            id: id.into(),
            position: author.to_lowercase(),
            side: side.into(),
            author: author.into(),
            source: "Example Review, 2021".into(),
            speaker: author.into(),
            citation: format!("{author}, Example Review, 2021"),
            claim: claim.into(),
            quote: quote.into(),
        }
    }

    #[test]
    fn another_counter_is_a_counter_card_with_the_point_it_answers_and_the_round_buttons() {
        let next = NextCounter {
            round_id: 7,
            to: argument(
                "smith.cost",
                "for-uniforms",
                "A. Smith",
                "Uniforms are cheaper for families than keeping up with fashion brands.",
                "A uniform costs less than a wardrobe of brands.",
            ),
            counter: argument(
                "jones.comfort",
                "against-uniforms",
                "B. Jones",
                "Stiff uniforms are *uncomfortable* in hot weather.",
                "Nobody learns algebra in a wool blazer in June.",
            ),
            via: Via::Rebuttal,
            reason: Some(
                "Shows its consequence false: *hot* blazers cost marks, not money.".into(),
            ),
        };
        let shown: Vec<Value> = posts(&Output::NextCounter(Box::new(next)), &Catalogue::builtin())
            .iter()
            .map(|post| json!({ "embeds": post.embeds, "buttons": post.buttons, "private": post.private }))
            .collect();
        insta::assert_json_snapshot!("next_counter", shown);
    }
}
