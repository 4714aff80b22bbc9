//! The engine's answers as posts: counters, hints, briefs and scorecards as embeds with their
//! buttons. Every text from a pack or a student is escaped here.

use poise::serenity_prelude as serenity;

use super::buttons::Button;
use super::card::Card;
use super::post::Post;
use super::text::escape;
use crate::drill::{
    ArgumentRef, Brief, Countered, MoveKind, NextCounter, Output, ReviewCard, Reviewed, Reviews,
    Scorecard, Started, TurnScore,
};
use crate::prompts::Catalogue;

/// The messages that show `output` whole, in order; buttons go under the last one.
pub fn posts(output: &Output, catalogue: &Catalogue) -> Vec<Post> {
    match output {
        Output::Started(started) => with_buttons(started_card(started, catalogue), None, catalogue),
        Output::Countered(countered) => with_buttons(
            countered_card(countered, catalogue),
            countered.counter.as_ref(),
            catalogue,
        ),
        Output::Moderated(moderated) => super::moderation::posts(moderated, catalogue),
        Output::Unsure => vec![Post::text(catalogue.render("notice.unsure", &[]))],
        Output::Hint {
            argument: Some(argument),
        } => private(
            Card::new(
                catalogue.render("card.hint", &[("claim", &escape(&argument.claim))]),
                quote(argument),
            ),
            catalogue,
        ),
        Output::Hint { argument: None } => {
            vec![Post::text(catalogue.render("notice.no_hint", &[])).private()]
        }
        Output::Brief(brief) => private(brief_card(brief, catalogue), catalogue),
        Output::Scorecard(scorecard) => scorecard_card(scorecard, catalogue).posts(catalogue),
        Output::NextCounter(next) => with_buttons(
            next_counter_card(next, catalogue),
            Some(&next.counter),
            catalogue,
        ),
    }
}

fn private(card: Card, catalogue: &Catalogue) -> Vec<Post> {
    card.posts(catalogue)
        .into_iter()
        .map(Post::private)
        .collect()
}

/// The card's messages with the round's buttons under the last one.
fn with_buttons(card: Card, counter: Option<&ArgumentRef>, catalogue: &Catalogue) -> Vec<Post> {
    under_last(card, round_buttons(counter, catalogue), catalogue)
}

/// The card's messages with `buttons` under the last one.
pub(super) fn under_last(
    card: Card,
    buttons: Vec<serenity::CreateButton>,
    catalogue: &Catalogue,
) -> Vec<Post> {
    let mut posts = card.posts(catalogue);
    if let Some(last) = posts.pop() {
        posts.push(last.with_buttons(buttons));
    }
    posts
}

/// Under a counter: another counter, its source, a hint, the end; else a hint and the end.
fn round_buttons(
    counter: Option<&ArgumentRef>,
    catalogue: &Catalogue,
) -> Vec<serenity::CreateButton> {
    counter
        .map(|c| [Button::NextCounter, Button::ShowSource(c.id.clone())])
        .into_iter()
        .flatten()
        .chain([Button::Hint, Button::End])
        .map(|button| button.create(catalogue))
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

/// A review card due: the counter to answer again, privately, with how many are due.
pub fn review_card(card: &ReviewCard, due: usize, catalogue: &Catalogue) -> Vec<Post> {
    let body = [
        catalogue.render(
            "review.card",
            &[
                ("pack", &escape(&card.pack)),
                ("side", &escape(&card.side.name)),
            ],
        ),
        format!("**{}**", escape(&card.counter.claim)),
        format!("> {}", escape(&card.counter.quote)),
    ]
    .join("\n\n");
    Card::new(
        catalogue.render("card.review_title", &[("count", &due)]),
        body,
    )
    .footer(catalogue.render("card.review_footer", &[("source", &card.counter.citation)]))
    .posts(catalogue)
}

/// A review card answered: its score and grade, when it comes back, and the feedback.
pub fn reviewed(reviewed: &Reviewed, now_ms: i64, catalogue: &Catalogue) -> Post {
    let mut lines = vec![escape(&reviewed.graded(catalogue, now_ms))];
    lines.extend(
        reviewed
            .score
            .feedback
            .iter()
            .map(|f| format!("• {}", escape(&f.render(catalogue)))),
    );
    Post::text(lines.join("\n"))
}

/// Nothing due, as a private text.
pub fn no_review_due(reviews: &Reviews, now_ms: i64, catalogue: &Catalogue) -> String {
    escape(&reviews.nothing_due(catalogue, now_ms))
}

fn started_card(started: &Started, catalogue: &Catalogue) -> Card {
    let beat_you: Vec<String> = started
        .switched
        .iter()
        .flat_map(|switched| &switched.beat_you)
        .map(|point| format!("• {}: {}", escape(&point.speaker), escape(&point.claim)))
        .collect();
    let card = Card::new(
        catalogue.render("card.round_title", &[("side", &escape(&started.side.name))]),
        catalogue.render(
            "card.round_body",
            &[
                ("motion", &escape(&started.motion)),
                ("summary", &escape(&started.side.summary)),
            ],
        ),
    )
    .field(catalogue.render("card.pack", &[]), escape(&started.title));
    let card = match &started.switched {
        Some(switched) => card.field(
            catalogue.render("card.switched", &[("from", &escape(&switched.from.name))]),
            beat_you.join("\n"),
        ),
        None => card,
    };
    card.footer(catalogue.render(
        "card.round_footer",
        &[("round", &started.round_id), ("side_id", &started.side.id)],
    ))
}

fn countered_card(countered: &Countered, catalogue: &Catalogue) -> Card {
    let card = match &countered.counter {
        Some(counter) => with_reason(
            counter_card(counter, catalogue),
            countered.reason.as_deref(),
            catalogue,
        ),
        None => Card::new(
            catalogue.render("card.no_counter", &[]),
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
            catalogue.render(
                match countered.read {
                    MoveKind::Point => "card.argued",
                    MoveKind::Attack => "card.attacked",
                    MoveKind::Concession => "card.conceded",
                },
                &[],
            ),
            format!(
                "{} ({})",
                escape(&argument.claim),
                escape(&argument.speaker)
            ),
        ),
        None => card,
    };
    let title = catalogue.render(
        "card.turn_title",
        &[
            ("turn", &countered.turn),
            ("score", &format!("{:.0}", countered.score.total)),
        ],
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
        .field(catalogue.render("card.feedback", &[]), feedback.join("\n"))
}

/// A counter served on request: the same card as a turn's counter, with the point it answers
/// instead of a score.
fn next_counter_card(next: &NextCounter, catalogue: &Catalogue) -> Card {
    with_reason(
        counter_card(&next.counter, catalogue),
        next.reason.as_deref(),
        catalogue,
    )
    .field(
        catalogue.render("card.your_point", &[]),
        escape(&next.to.claim),
    )
}

/// The pack's line of clash, when it gives one: why the counter answers the student.
fn with_reason(card: Card, reason: Option<&str>, catalogue: &Catalogue) -> Card {
    match reason {
        Some(reason) => card.field(catalogue.render("card.why", &[]), escape(reason)),
        None => card,
    }
}

/// The counter's claim, and its quote attributed.
fn counter_card(counter: &ArgumentRef, catalogue: &Catalogue) -> Card {
    Card::new(
        catalogue.render(
            "card.counter_title",
            &[("author", &escape(&counter.author))],
        ),
        format!("**{}**", escape(&counter.claim)),
    )
    .field(catalogue.render("card.quote", &[]), quote(counter))
}

fn brief_card(brief: &Brief, catalogue: &Catalogue) -> Card {
    let mut card = Card::new(
        catalogue.render("card.brief_title", &[("side", &escape(&brief.side.name))]),
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
    let say = |key: &str| catalogue.render(key, &[]);
    Card::new(
        catalogue.render(
            "card.scorecard_title",
            &[("side", &escape(&scorecard.side.name))],
        ),
        catalogue.render(
            "card.scorecard_summary",
            &[
                ("turns", &scorecard.turns),
                ("total", &format!("{:.0}", scorecard.total)),
                ("scale", &scorecard.scale.name()),
                ("scaled", &format!("{:.1}", scorecard.scaled)),
            ],
        ),
    )
    .field(
        say("card.decision"),
        escape(&scorecard.decision.render(catalogue)),
    )
    .field(
        say("card.compared"),
        scorecard
            .compared
            .as_ref()
            .map_or(String::new(), |compared| {
                escape(&catalogue.render(
                    "scorecard.compared",
                    &[
                        ("side", &compared.side.name),
                        ("before", &format!("{:.0}", compared.total)),
                        ("total", &format!("{:.0}", scorecard.total)),
                    ],
                ))
            }),
    )
    .field(say("card.categories"), categories.join("\n"))
    .field(say("card.penalties"), format!("{:.1}", scorecard.penalties))
    .field(say("card.answered"), answered.join("\n"))
    .field(say("card.dropped"), dropped.join("\n"))
    .field(say("card.take_away"), feedback.join("\n"))
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

    /// A catalogue in which every message is only its key and placeholders, so that any
    /// English the rendered posts still hold came from somewhere else.
    fn keys_only() -> Catalogue {
        let mut sections: std::collections::BTreeMap<&str, Vec<String>> = Default::default();
        for (key, placeholders) in crate::prompts::MESSAGES {
            let (section, name) = key.split_once('.').unwrap();
            let holes: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
            sections
                .entry(section)
                .or_default()
                .push(format!("{name} = \"[{key}]{}\"", holes.join("")));
        }
        let text: String = sections
            .iter()
            .map(|(section, lines)| format!("[{section}]\n{}\n", lines.join("\n")))
            .collect();
        Catalogue::parse(&crate::source::SourceText::new("keys.toml", text)).unwrap()
    }

    #[test]
    fn every_word_of_a_round_card_and_its_buttons_comes_from_the_catalogue() {
        let side = crate::drill::SideRef {
            id: "S".into(),
            name: "S".into(),
            summary: "U".into(),
        };
        let started = Started {
            round_id: 3,
            pack: "P".into(),
            title: "T".into(),
            motion: "M".into(),
            side: side.clone(),
            brief: Brief {
                side,
                arguments: Vec::new(),
            },
            switched: None,
        };
        let next = NextCounter {
            round_id: 3,
            to: ArgumentRef {
                source: "X".into(),
                ..argument("A", "S", "B", "C", "Q")
            },
            counter: ArgumentRef {
                source: "X".into(),
                ..argument("D", "O", "E", "F", "G")
            },
            via: Via::Rebuttal,
            reason: Some("R".into()),
        };
        let catalogue = keys_only();
        for output in [
            Output::Started(started),
            Output::NextCounter(Box::new(next)),
        ] {
            let shown: Vec<Value> = posts(&output, &catalogue)
                .iter()
                .map(|post| json!({ "embeds": post.embeds, "buttons": post.buttons }))
                .collect();
            let shown = shown.iter().map(Value::to_string).collect::<String>();
            let stray: Vec<&str> = shown
                .split(|c: char| !c.is_ascii_alphabetic() && c != '_')
                .filter(|word| word.chars().filter(char::is_ascii_lowercase).count() > 1)
                .filter(|word| !is_key_or_json(word))
                .collect();
            assert!(
                stray.is_empty(),
                "not from the catalogue: {stray:?} in {shown}"
            );
        }
    }

    /// Words that may appear besides the catalogue's: its keys and placeholders (a keys-only
    /// catalogue shows them), JSON field names and the buttons' ids.
    fn is_key_or_json(word: &str) -> bool {
        crate::prompts::MESSAGES
            .iter()
            .any(|(key, holes)| key.split('.').any(|part| part == word) || holes.contains(&word))
            || [
                "embeds",
                "buttons",
                "title",
                "description",
                "fields",
                "name",
                "value",
                "inline",
                "footer",
                "text",
                "custom_id",
                "label",
                "style",
                "type",
                "dd",
                "next",
                "source",
                "hint",
                "end",
                "rich",
                "color",
                "disabled",
                "false",
                "true",
            ]
            .contains(&word)
    }
}
