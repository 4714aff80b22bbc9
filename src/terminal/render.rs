//! The engine's outputs as plain text, through the message catalogue. The same text is printed
//! on a pipe and, coloured and wrapped, on a terminal; snapshot tests pin it down.

use crate::drill::{
    ArgumentRef, Brief, Countered, DrillError, MoveKind, NextCounter, Output, ReviewCard, Reviewed,
    Scorecard, Started, TurnScore,
};
use crate::prompts::Catalogue;

/// The text of one output: a block of lines.
pub fn output(catalogue: &Catalogue, output: &Output) -> String {
    match output {
        Output::Started(started) => self::started(catalogue, started),
        Output::Countered(countered) => self::countered(catalogue, countered, true),
        Output::Moderated(moderated) => {
            let mut text = self::countered(catalogue, &moderated.turn, false);
            if let Some(point) = &moderated.served {
                text.push('\n');
                text.push_str(&catalogue.render(
                    "turn.put_to_opponent",
                    &[("author", &point.speaker), ("claim", &point.claim)],
                ));
            }
            text
        }
        Output::Unsure => catalogue.render("notice.unsure", &[]),
        Output::Hint {
            argument: Some(argument),
        } => catalogue.render(
            "hint.argument",
            &[
                ("author", &argument.speaker),
                ("claim", &argument.claim),
                ("quote", &argument.quote),
            ],
        ),
        Output::Hint { argument: None } => catalogue.render("notice.no_hint", &[]),
        Output::Brief(brief) => self::brief(catalogue, brief),
        Output::Scorecard(scorecard) => self::scorecard(catalogue, scorecard),
        Output::NextCounter(next) => self::next_counter(catalogue, next),
    }
}

pub fn error(catalogue: &Catalogue, error: &DrillError) -> String {
    error.render(catalogue)
}

pub fn started(catalogue: &Catalogue, started: &Started) -> String {
    let mut blocks = vec![
        catalogue
            .render(
                "practice.welcome",
                &[
                    ("title", &started.title),
                    ("motion", &started.motion),
                    ("side", &started.side.name),
                    ("side_id", &started.side.id),
                    ("summary", &started.side.summary),
                ],
            )
            // A side without a summary leaves no blank line behind.
            .trim_end()
            .to_string(),
    ];
    if let Some(switched) = &started.switched {
        let mut lines = vec![
            catalogue.render("practice.switched", &[("from", &switched.from.name)]),
            catalogue.render("practice.beat_you", &[]),
        ];
        lines.extend(switched.beat_you.iter().map(|point| {
            catalogue.render(
                "scorecard.counter",
                &[("author", &point.speaker), ("claim", &point.claim)],
            )
        }));
        blocks.push(lines.join("\n"));
    }
    blocks.push(catalogue.render("practice.how_to", &[]));
    blocks.join("\n\n")
}

/// A turn the bot answers (`solo`), or a versus turn, which the bot never answers.
pub fn countered(catalogue: &Catalogue, turn: &Countered, solo: bool) -> String {
    let mut lines = vec![catalogue.render(
        "turn.header",
        &[("turn", &turn.turn), ("score", &points(turn.score.total))],
    )];
    lines.push(move_line(catalogue, turn));
    if let Some(answered) = &turn.answered {
        lines.push(catalogue.render("turn.answered", &[("author", &answered.speaker)]));
    }
    match &turn.counter {
        Some(counter) => {
            lines.push(String::new());
            lines.push(counter_text(catalogue, counter));
            if let Some(reason) = &turn.reason {
                lines.push(catalogue.render("turn.why", &[("reason", reason)]));
            }
            lines.push(String::new());
        }
        None if solo && turn.read != MoveKind::Concession => {
            lines.push(catalogue.render("turn.no_counter", &[]));
        }
        None => {}
    }
    lines.extend(score_lines(catalogue, &turn.score));
    lines.join("\n")
}

pub fn next_counter(catalogue: &Catalogue, next: &NextCounter) -> String {
    let mut text = [
        catalogue.render(
            "next.header",
            &[("author", &next.to.speaker), ("claim", &next.to.claim)],
        ),
        counter_text(catalogue, &next.counter),
    ]
    .join("\n\n");
    if let Some(reason) = &next.reason {
        text.push('\n');
        text.push_str(&catalogue.render("turn.why", &[("reason", reason)]));
    }
    text
}

/// What the turn did: the point made, the point attacked, or the point conceded.
fn move_line(catalogue: &Catalogue, turn: &Countered) -> String {
    let key = match turn.read {
        MoveKind::Point => "turn.recognised",
        MoveKind::Attack => "turn.attacked",
        MoveKind::Concession => "turn.conceded",
    };
    match &turn.matched {
        Some((argument, _)) => catalogue.render(
            key,
            &[("author", &argument.speaker), ("claim", &argument.claim)],
        ),
        None => catalogue.render("turn.conceded_plain", &[]),
    }
}

pub fn counter_text(catalogue: &Catalogue, counter: &ArgumentRef) -> String {
    catalogue.render(
        "turn.counter",
        &[
            ("author", &counter.speaker),
            ("citation", &counter.citation),
            ("claim", &counter.claim),
            ("quote", &counter.quote),
        ],
    )
}

/// A review card: the counter to answer again, and as which side.
pub fn review_card(catalogue: &Catalogue, card: &ReviewCard) -> String {
    [
        catalogue.render(
            "review.card",
            &[("pack", &card.pack), ("side", &card.side.name)],
        ),
        counter_text(catalogue, &card.counter),
    ]
    .join("\n\n")
}

/// A review card answered: the score, the grade, when the card comes back, and the feedback.
pub fn reviewed(catalogue: &Catalogue, reviewed: &Reviewed, now_ms: i64) -> String {
    let mut lines = vec![reviewed.graded(catalogue, now_ms)];
    lines.extend(score_lines(catalogue, &reviewed.score));
    lines.join("\n")
}

/// A score's breakdown on one line, then its feedback, a sentence a line.
fn score_lines(catalogue: &Catalogue, score: &TurnScore) -> Vec<String> {
    let parts: Vec<String> = score
        .breakdown()
        .iter()
        .map(|(name, value)| format!("{} {}", name.replace('_', " "), points(*value)))
        .collect();
    std::iter::once(catalogue.render("turn.breakdown", &[("parts", &parts.join(", "))]))
        .chain(score.feedback.iter().map(|f| f.render(catalogue)))
        .collect()
}

pub fn brief(catalogue: &Catalogue, brief: &Brief) -> String {
    let mut lines = vec![catalogue.render(
        "brief.header",
        &[("side", &brief.side.name), ("summary", &brief.side.summary)],
    )];
    if brief.arguments.is_empty() {
        lines.push(catalogue.render("brief.none_left", &[]));
    }
    lines.extend(brief.arguments.iter().map(|argument| {
        catalogue.render(
            "brief.argument",
            &[("author", &argument.speaker), ("claim", &argument.claim)],
        )
    }));
    lines.join("\n")
}

pub fn scorecard(catalogue: &Catalogue, card: &Scorecard) -> String {
    let mut lines = vec![catalogue.render(
        "scorecard.header",
        &[
            ("side", &card.side.name),
            ("turns", &card.turns),
            ("reason", &card.reason.name()),
        ],
    )];
    lines.extend(card.categories.iter().map(|category| {
        catalogue.render(
            "scorecard.category",
            &[
                ("category", &category.category.name()),
                ("points", &points(category.points)),
                ("max", &points(category.max)),
            ],
        )
    }));
    if card.penalties != 0.0 {
        lines.push(catalogue.render(
            "scorecard.penalties",
            &[("points", &points(card.penalties))],
        ));
    }
    let (low, high) = card.scale.range();
    lines.push(catalogue.render(
        "scorecard.total",
        &[
            ("total", &points(card.total)),
            ("scaled", &points(card.scaled)),
            ("scale", &card.scale.name()),
            ("low", &points(low)),
            ("high", &points(high)),
        ],
    ));
    lines.push(card.decision.render(catalogue));
    if let Some(compared) = &card.compared {
        lines.push(catalogue.render(
            "scorecard.compared",
            &[
                ("side", &compared.side.name),
                ("before", &points(compared.total)),
                ("total", &points(card.total)),
            ],
        ));
    }
    if !card.answered.is_empty() {
        lines.push(catalogue.render("scorecard.answered", &[("count", &card.answered.len())]));
        lines.extend(card.answered.iter().map(|counter| {
            catalogue.render(
                "scorecard.counter",
                &[("author", &counter.speaker), ("claim", &counter.claim)],
            )
        }));
    }
    if !card.dropped.is_empty() {
        // Each dropped counter's feedback line names it and the answer it needed.
        lines.push(catalogue.render("scorecard.dropped", &[("count", &card.dropped.len())]));
    }
    lines.extend(card.feedback.iter().map(|f| f.render(catalogue)));
    lines.join("\n")
}

/// Points as people read them: one decimal, none when it is whole.
pub fn points(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::points;

    #[test]
    fn points_read_naturally() {
        assert_eq!(points(70.0), "70");
        assert_eq!(points(12.345), "12.3");
        assert_eq!(points(-20.0), "-20");
    }
}
