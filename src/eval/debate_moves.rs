//! Debate moves: are attacks read as attacks on the right point, never penalised as arguing the
//! other side; are concessions read as concessions; and are plain points left as points?

use super::blind::{Message, MoveMessage};
use super::essays::Placement;
use super::misses::{Miss, described};
use crate::drill::{Feedback, Flag, Rubric, TurnContext};
use crate::matcher::{Move, read_move};

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moves {
    pub attacks: usize,
    /// Read as an attack on one of the labelled paragraphs.
    pub attacks_on_the_point: usize,
    /// Read as an attack at all.
    pub attacks_read: usize,
    /// Scored with the "argues the other side" flag.
    pub attacks_penalised: usize,
    /// Scored down as reading like an opposing case.
    pub attacks_leaning: usize,
    pub concessions: usize,
    pub concessions_read: usize,
    /// On-topic points (the recognition set).
    pub points: usize,
    pub points_read_as_attacks: usize,
    pub points_read_as_concessions: usize,
}

pub fn debate_moves(
    rubric: &Rubric,
    placement: &Placement,
    attacks: &[MoveMessage],
    concessions: &[MoveMessage],
    points: &[Message],
    misses: &mut Vec<Miss>,
) -> Moves {
    let matcher = rubric.matcher();
    let mut report = Moves::default();
    let side_of = |essay: &str| placement.side_of_essay.get(essay);
    let misread = |measure, message: &MoveMessage, wanted, read: &Move| Miss {
        measure,
        id: message.id.clone(),
        q: message.q.clone(),
        wanted,
        got: format!(
            "{} {}",
            read.name(),
            described(
                matcher.pack(),
                placement,
                read.matched().map(|h| h.argument)
            )
        ),
    };
    for attack in attacks {
        let Some(side) = side_of(&attack.speaker_essay) else {
            continue;
        };
        report.attacks += 1;
        let read = read_move(matcher, side, &attack.q, None);
        let on_point = match read {
            Move::Attack { target, .. } => {
                report.attacks_read += 1;
                placement.paragraph[target.argument]
                    .as_ref()
                    .is_some_and(|p| attack.about.contains(p))
            }
            _ => false,
        };
        report.attacks_on_the_point += usize::from(on_point);
        if !on_point {
            let wanted = format!("an attack on {}", attack.about.join(" "));
            misses.push(misread("attack", attack, wanted, &read));
        }
        let context = TurnContext {
            side,
            counter: None,
            earlier: &[],
        };
        let turn = rubric.score(context, &attack.q);
        report.attacks_penalised += usize::from(turn.flags.contains(&Flag::ArguesOpposingSide));
        report.attacks_leaning += usize::from(
            turn.feedback
                .iter()
                .any(|f| matches!(f, Feedback::LeansOpposing { .. })),
        );
    }
    for concession in concessions {
        let Some(side) = side_of(&concession.speaker_essay) else {
            continue;
        };
        report.concessions += 1;
        let read = read_move(matcher, side, &concession.q, None);
        let conceded = matches!(read, Move::Concession(_));
        report.concessions_read += usize::from(conceded);
        if !conceded {
            let wanted = "a concession".to_string();
            misses.push(misread("concession", concession, wanted, &read));
        }
    }
    for point in points {
        let Some(side) = point.essay.as_deref().and_then(side_of) else {
            continue;
        };
        report.points += 1;
        match read_move(matcher, side, &point.q, None) {
            Move::Attack { .. } => report.points_read_as_attacks += 1,
            Move::Concession(_) => report.points_read_as_concessions += 1,
            Move::Point(_) | Move::Unsure => {}
        }
    }
    report
}
