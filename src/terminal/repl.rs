//! The practice loop: start (or resume) the student's round, then one engine command per line.

use std::io::{IsTerminal, Write};

use tokio::runtime::Runtime;

use super::input::{Input, Line};
use super::render;
use crate::drill::{ArgumentRef, Command, DrillError, Engine, Output};
use crate::prompts::Catalogue;

/// One practice session in a terminal.
pub struct Practice<'a> {
    pub engine: &'a Engine,
    pub catalogue: &'a Catalogue,
    pub runtime: &'a Runtime,
    /// Who practises (an opaque user key) and where (a place key): one round at a time there.
    pub user: String,
    pub place: String,
    pub pack: String,
    pub side: Option<String>,
    pub seed: Option<u64>,
    /// On a pipe, show each line read (`> line`) before its answer.
    pub echo: bool,
    /// Start on the side whose counters the student faced in their last round.
    pub switch: bool,
}

/// What ended the session badly: a start the engine refused (e.g. an unknown side).
pub type Refused = DrillError;

/// Runs the session on stdin/stdout until `/end` or the end of input.
pub fn run(practice: &Practice<'_>) -> Result<(), Refused> {
    let screen = Screen::for_practice(practice);
    practice.begin(&screen)?;
    let mut input = Input::new(screen.interactive);
    loop {
        let line = match input.next_line() {
            Line::Said(line) => line,
            Line::End => break,
            Line::Interrupted => return Ok(()),
        };
        let text = line.trim();
        if text.is_empty() {
            continue;
        }
        screen.echo(text);
        let command = match text {
            "/end" | "/quit" | "/exit" => break,
            "/next" => Command::NextCounter,
            "/hint" => Command::Hint,
            "/brief" => Command::Brief,
            unknown if unknown.starts_with('/') && !unknown.contains(' ') => {
                screen.notice(
                    &practice
                        .catalogue
                        .render("practice.unknown_command", &[("command", &unknown)]),
                );
                continue;
            }
            said => Command::Say {
                text: said.to_string(),
                source_id: None,
            },
        };
        let ended = practice.send(&screen, command);
        if ended {
            screen.notice(&practice.catalogue.render("practice.goodbye", &[]));
            return Ok(());
        }
    }
    practice.send(&screen, Command::End);
    screen.notice(&practice.catalogue.render("practice.goodbye", &[]));
    Ok(())
}

impl Practice<'_> {
    /// The time now, by the engine's store clock.
    pub(super) fn now_ms(&self) -> i64 {
        self.engine.store().now()
    }

    fn handle(&self, command: Command) -> Result<Vec<Output>, DrillError> {
        self.runtime
            .block_on(self.engine.handle(&self.user, &self.place, command))
    }

    /// Starts a round (switching sides when asked), or resumes the one this user has running
    /// here.
    fn begin(&self, screen: &Screen) -> Result<(), Refused> {
        let start = if self.switch {
            Command::Switch { seed: self.seed }
        } else {
            Command::Start {
                pack: Some(self.pack.clone()),
                side: self.side.clone(),
                seed: self.seed,
            }
        };
        match self.handle(start) {
            Ok(outputs) => {
                for output in &outputs {
                    screen.block(&render::output(self.catalogue, output));
                }
                Ok(())
            }
            Err(DrillError::RoundRunning { side }) => {
                self.resume(screen, &side);
                Ok(())
            }
            Err(refused) => Err(refused),
        }
    }

    fn resume(&self, screen: &Screen, running_side: &str) {
        let (turns, waiting) = self.runtime.block_on(self.round_so_far());
        let pack = self.engine.pack(&self.pack);
        let title = pack
            .as_deref()
            .map_or(self.pack.as_str(), |p| p.title.as_str());
        let side_name = pack
            .as_deref()
            .and_then(|p| p.side(running_side))
            .map_or(running_side, |s| s.name.as_str());
        screen.notice(&self.catalogue.render(
            "practice.resumed",
            &[("title", &title), ("side", &side_name), ("turns", &turns)],
        ));
        if let Some(wanted) = self
            .side
            .as_deref()
            .filter(|wanted| *wanted != running_side)
        {
            screen.notice(&self.catalogue.render(
                "practice.other_side_running",
                &[("side", &side_name), ("wanted", &wanted)],
            ));
        }
        screen.notice(&self.catalogue.render("practice.how_to", &[]));
        match waiting {
            Some(counter) => screen.block(&format!(
                "{}\n{}",
                self.catalogue.render("practice.waiting", &[]),
                render::counter_text(self.catalogue, &counter)
            )),
            None => {
                self.send(screen, Command::Brief);
            }
        }
    }

    /// How many turns the running round holds, and the counter still waiting for an answer:
    /// the latest served that no turn has answered.
    async fn round_so_far(&self) -> (usize, Option<ArgumentRef>) {
        let store = self.engine.store();
        let Ok(Some(round)) = store.active_round(&self.user, &self.place).await else {
            return (0, None);
        };
        let Ok(history) = store.history(round.id).await else {
            return (0, None);
        };
        let open = history
            .clashes
            .iter()
            .rev()
            .find(|c| c.answered_turn.is_none());
        let waiting = open.and_then(|open| {
            let pack = self.engine.pack(&round.pack_id)?;
            let index = pack.argument_index(&open.counter_argument)?;
            Some(ArgumentRef::new(&pack, index))
        });
        (history.turns.len(), waiting)
    }

    /// Sends one command and shows what came back; true when the round has ended.
    fn send(&self, screen: &Screen, command: Command) -> bool {
        match self.handle(command) {
            Ok(outputs) => {
                for output in &outputs {
                    screen.block(&render::output(self.catalogue, output));
                }
                outputs.iter().any(|o| matches!(o, Output::Scorecard(_)))
            }
            Err(error) => {
                screen.notice(&render::error(self.catalogue, &error));
                matches!(error, DrillError::NoRound)
            }
        }
    }
}

/// Where the text goes: plain blocks on a pipe; wrapped, with a prompt, on a terminal.
pub(super) struct Screen {
    pub(super) interactive: bool,
    /// Print each line read before its answer (never on a terminal, which shows it already).
    echo: bool,
}

impl Screen {
    pub(super) fn for_practice(practice: &Practice<'_>) -> Screen {
        let interactive = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
        Screen {
            interactive,
            echo: practice.echo && !interactive,
        }
    }

    /// A reply block, followed by a blank line so a reader can tell blocks apart.
    pub(super) fn block(&self, text: &str) {
        let mut out = std::io::stdout().lock();
        if self.interactive {
            let width = textwrap::termwidth().clamp(40, 100);
            for (index, line) in text.lines().enumerate() {
                let wrapped = wrapped(line, width);
                if index == 0 {
                    let _ = writeln!(out, "\x1b[1;36m{wrapped}\x1b[0m");
                } else if line.starts_with('“') {
                    let _ = writeln!(out, "\x1b[3m{wrapped}\x1b[0m");
                } else {
                    let _ = writeln!(out, "{wrapped}");
                }
            }
        } else {
            let _ = writeln!(out, "{text}");
        }
        let _ = writeln!(out);
        let _ = out.flush();
    }

    pub(super) fn echo(&self, said: &str) {
        if self.echo {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "> {said}");
            let _ = out.flush();
        }
    }

    pub(super) fn notice(&self, text: &str) {
        self.block(text);
    }
}

/// A line wrapped to `width`; the later lines of a bullet (or of an indented line) hang under
/// its text, not under the bullet.
fn wrapped(line: &str, width: usize) -> String {
    let indent = hanging_indent(line);
    textwrap::fill(
        line,
        textwrap::Options::new(width).subsequent_indent(&indent),
    )
}

fn hanging_indent(line: &str) -> String {
    let text = line.trim_start_matches(' ');
    let lead = line.len() - text.len();
    let bullet = ["• ", "- ", "✓ ", "✗ "]
        .iter()
        .find(|bullet| text.starts_with(**bullet))
        .map_or(0, |bullet| bullet.chars().count());
    " ".repeat(lead + bullet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bullets_later_lines_hang_under_its_text() {
        let line = "  • C. Reyes: Clubs cost little: teaching assistants, older pupils and volunteers can run them.";
        let shown = wrapped(line, 40);
        let lines: Vec<&str> = shown.lines().collect();
        assert!(lines.len() > 1, "{shown}");
        assert!(lines[0].starts_with("  • C. Reyes"), "{shown}");
        assert!(
            lines[1..]
                .iter()
                .all(|l| l.starts_with("    ") && !l.starts_with("     ")),
            "{shown}"
        );
    }

    #[test]
    fn a_plain_line_wraps_flush_left() {
        let shown = wrapped(
            "Score: relevance 25.8, evidence 0, novelty 23.1 and more words",
            30,
        );
        assert!(
            shown.lines().skip(1).all(|l| !l.starts_with(' ')),
            "{shown}"
        );
    }
}
