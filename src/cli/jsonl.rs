//! The JSON-lines loop shared by `match`, `counter` and `score`: one output line per input
//! line, in order; blank lines skipped; a bad line answered with `{"error": ...}` while the
//! stream goes on. Invalid UTF-8 is replaced, never fatal.

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::Failure;

/// The longest input line we read as a request; longer ones get an error line.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Runs `answer` on every non-blank line of stdin, writing its JSON (or an error object) to stdout.
pub fn for_each_line<Answer: Serialize>(
    mut answer: impl FnMut(&Map<String, Value>) -> Result<Answer, String>,
) -> Result<(), Failure> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        let written = match request(text).and_then(|object| answer(&object)) {
            Ok(reply) => serde_json::to_writer(&mut out, &reply),
            Err(error) => serde_json::to_writer(&mut out, &ErrorLine { error }),
        };
        written.map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[derive(Serialize)]
struct ErrorLine {
    error: String,
}

fn request(text: &str) -> Result<Map<String, Value>, String> {
    if text.len() > MAX_LINE_BYTES {
        return Err(format!(
            "line too long: {} bytes, the limit is {MAX_LINE_BYTES}",
            text.len()
        ));
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(object)) => Ok(object),
        Ok(_) => Err("expected a JSON object".into()),
        Err(e) => Err(format!("not valid JSON: {e}")),
    }
}

/// The string field `key` of a request.
pub fn string_field<'r>(request: &'r Map<String, Value>, key: &str) -> Result<&'r str, String> {
    match request.get(key) {
        Some(Value::String(text)) => Ok(text),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Err(format!("missing `{key}`")),
    }
}

/// A score rounded for output (four decimals are plenty and keep lines short).
pub fn rounded(score: f64) -> f64 {
    (score * 10_000.0).round() / 10_000.0
}
