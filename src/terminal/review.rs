//! `practice --review`: the student's due review cards, one at a time. Each shows a counter they
//! dropped or answered weakly; their answer is scored by the same rubric as a turn, and the card
//! comes back later the better the answer was.

use super::input::{Input, Line};
use super::render;
use super::repl::{Practice, Refused, Screen};

/// Serves the due cards until none is left, `/end`, or the end of input.
pub fn run(practice: &Practice<'_>) -> Result<(), Refused> {
    let screen = Screen::for_practice(practice);
    let catalogue = practice.catalogue;
    let due = |practice: &Practice<'_>| {
        practice
            .runtime
            .block_on(practice.engine.due_reviews(&practice.user))
    };
    let reviews = due(practice)?;
    if reviews.due.is_empty() {
        screen.notice(&reviews.nothing_due(catalogue, practice.now_ms()));
        return Ok(());
    }
    screen.block(&catalogue.render("review.header", &[("count", &reviews.due.len())]));
    let mut input = Input::new(screen.interactive);
    let mut answered = 0;
    while let Some(card) = due(practice)?.due.into_iter().next() {
        screen.block(&render::review_card(catalogue, &card));
        let reply = loop {
            match input.next_line() {
                Line::Said(line) if line.trim().is_empty() => continue,
                Line::Said(line) => break Some(line),
                Line::End | Line::Interrupted => break None,
            }
        };
        let Some(reply) = reply.filter(|reply| !matches!(reply.trim(), "/end" | "/quit" | "/exit"))
        else {
            break;
        };
        screen.echo(reply.trim());
        let reviewed = practice
            .runtime
            .block_on(practice.engine.review(&practice.user, reply.trim()))?;
        answered += 1;
        screen.block(&render::reviewed(catalogue, &reviewed, practice.now_ms()));
    }
    screen.notice(&catalogue.render("review.done", &[("count", &answered)]));
    Ok(())
}
