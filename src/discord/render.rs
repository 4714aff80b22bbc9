//! The engine's answers as posts: counters, hints, briefs and scorecards as embeds with their
//! buttons. Every text from a pack or a student is escaped here.

use poise::serenity_prelude as serenity;

use super::buttons::Button;
use super::card::Card;
use super::post::Post;
use super::text::escape;
use crate::drill::{ArgumentRef, Brief, Countered, Output, Scorecard, Started, TurnScore};
use crate::prompts::Catalogue;

pub fn output(output: &Output, catalogue: &Catalogue) -> Post {
    match output {
        Output::Started(started) => started_card(started),
        Output::Countered(countered) => countered_card(countered, catalogue),
        Output::Moderated(moderated) => super::moderation::card(moderated, catalogue),
        Output::Unsure => Post::text(catalogue.render("notice.unsure", &[])),
        Output::Hint {
            argument: Some(argument),
        } => {
            let card = Card::new(
                format!("Hint: {}", escape(&argument.claim)),
                quote(argument),
            );
            with_card(card).private()
        }
        Output::Hint { argument: None } => {
            Post::text(catalogue.render("notice.no_hint", &[])).private()
        }
        Output::Brief(brief) => brief_card(brief).private(),
        Output::Scorecard(scorecard) => scorecard_card(scorecard, catalogue),
    }
}

pub(super) fn with_card(card: Card) -> Post {
    let (embed, size) = card.build();
    Post::embed(embed, size)
}

fn round_buttons(counter: Option<&ArgumentRef>) -> Vec<serenity::CreateButton> {
    counter
        .map(|c| Button::ShowSource(c.id.clone()))
        .into_iter()
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

fn started_card(started: &Started) -> Post {
    let card = Card::new(
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
    ));
    with_card(card).with_buttons(round_buttons(None))
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

fn countered_card(countered: &Countered, catalogue: &Catalogue) -> Post {
    let card = match &countered.counter {
        Some(counter) => Card::new(
            format!("Counter from {}", escape(&counter.author)),
            format!("**{}**", escape(&counter.claim)),
        )
        .field("Quote".into(), quote(counter)),
        None => Card::new(
            "No counter".into(),
            "The pack has no argument against this.".into(),
        ),
    };
    let title = format!(
        "Your turn {}: {:.0}/100",
        countered.turn, countered.score.total
    );
    let card = score_fields(card, title, &countered.score, catalogue);
    with_card(card).with_buttons(round_buttons(countered.counter.as_ref()))
}

fn brief_card(brief: &Brief) -> Post {
    let mut card = Card::new(
        format!("Brief: {}", escape(&brief.side.name)),
        escape(&brief.side.summary),
    );
    for argument in &brief.arguments {
        card = card.field(escape(&argument.claim), quote(argument));
    }
    with_card(card)
}

fn scorecard_card(scorecard: &Scorecard, catalogue: &Catalogue) -> Post {
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
    let card = Card::new(
        format!("Scorecard: {}", escape(&scorecard.side.name)),
        format!(
            "{} turns · **{:.0}/100** · {} {:.1}",
            scorecard.turns,
            scorecard.total,
            scorecard.scale.name(),
            scorecard.scaled
        ),
    )
    .field("Categories".into(), categories.join("\n"))
    .field("Penalties".into(), format!("{:.1}", scorecard.penalties))
    .field("Counters answered".into(), answered.join("\n"))
    .field("Counters left standing".into(), dropped.join("\n"))
    .field("To take away".into(), feedback.join("\n"));
    with_card(card)
}
