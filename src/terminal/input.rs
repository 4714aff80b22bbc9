//! Where the practice loop's lines come from: on a terminal, a line editor (arrow keys, history,
//! Ctrl-A/Ctrl-E, through rustyline); on a pipe, plain lines, invalid UTF-8 replaced.

use std::io::BufRead;

use rustyline::DefaultEditor;
use rustyline::error::ReadlineError;

/// What the student typed next.
pub enum Line {
    Said(String),
    /// End of input (Ctrl-D, or the pipe closed): the round ends.
    End,
    /// Ctrl-C on a terminal: leave at once; the round stays saved, to resume later.
    Interrupted,
}

pub enum Input {
    Editor(Box<DefaultEditor>),
    Pipe(std::io::StdinLock<'static>),
}

const PROMPT: &str = "> ";

impl Input {
    /// A line editor when `interactive` (and the terminal allows one), else plain lines.
    pub fn new(interactive: bool) -> Input {
        if interactive && let Ok(editor) = DefaultEditor::new() {
            return Input::Editor(Box::new(editor));
        }
        Input::Pipe(std::io::stdin().lock())
    }

    pub fn next_line(&mut self) -> Line {
        match self {
            Input::Editor(editor) => match editor.readline(PROMPT) {
                Ok(line) => {
                    if !line.trim().is_empty() {
                        let _ = editor.add_history_entry(line.as_str());
                    }
                    Line::Said(line)
                }
                Err(ReadlineError::Interrupted) => Line::Interrupted,
                Err(_) => Line::End,
            },
            Input::Pipe(stdin) => {
                let mut bytes = Vec::new();
                match stdin.read_until(b'\n', &mut bytes) {
                    Ok(0) | Err(_) => Line::End,
                    Ok(_) => Line::Said(String::from_utf8_lossy(&bytes).into_owned()),
                }
            }
        }
    }
}
