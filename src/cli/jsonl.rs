//! The JSON-lines loop shared by `match`, `counter` and `score`: one output line per input
//! line, in order; blank lines skipped; a bad line answered with `{"error": ...}` while the
//! stream goes on. Invalid UTF-8 is replaced, never fatal.

use std::io::{BufRead, Write};

use serde::Serialize;
use serde_json::{Map, Value};

use super::Failure;

/// The longest input line we read as a request; longer ones get an error line.
pub const MAX_LINE_BYTES: usize = 64 * 1024;

/// Runs `answer` on every non-blank line of stdin, writing its JSON (or an error object) to
/// stdout and flushing it at once: a client that writes one line and waits gets its answer.
/// A blank line is one of JSON's own whitespace only; a line of other whitespace (NBSP, U+3000,
/// U+2028 …) is answered, with an error, like any other line that is not a JSON object.
pub fn for_each_line<Answer: Serialize>(
    mut answer: impl FnMut(&Map<String, Value>) -> Result<Answer, String>,
) -> Result<(), Failure> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut line = Vec::new();
    while let Some(length) = read_bounded_line(&mut input, &mut line)? {
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_matches(is_json_whitespace);
        if text.is_empty() && length <= MAX_LINE_BYTES {
            continue;
        }
        let reply = if length > MAX_LINE_BYTES {
            Err(format!(
                "line too long: {length} bytes, the limit is {MAX_LINE_BYTES}"
            ))
        } else {
            request(text).and_then(|object| answer(&object))
        };
        let written = match reply {
            Ok(reply) => serde_json::to_writer(&mut out, &reply),
            Err(error) => serde_json::to_writer(&mut out, &ErrorLine { error }),
        };
        written.map_err(std::io::Error::from)?;
        out.write_all(b"\n")?;
        out.flush()?;
    }
    Ok(())
}

/// Reads the next line into `line`, keeping at most [`MAX_LINE_BYTES`] + 1 bytes of it (the
/// rest is read and dropped, so a huge line costs no memory). Returns the line's full length
/// without its newline, or `None` at the end of input.
fn read_bounded_line(
    input: &mut impl BufRead,
    line: &mut Vec<u8>,
) -> std::io::Result<Option<usize>> {
    line.clear();
    let mut length = 0;
    let mut read_any = false;
    loop {
        let buffer = input.fill_buf()?;
        if buffer.is_empty() {
            return Ok(read_any.then_some(length));
        }
        read_any = true;
        let (chunk, ends_line) = match buffer.iter().position(|&b| b == b'\n') {
            Some(at) => (&buffer[..at], true),
            None => (buffer, false),
        };
        let room = (MAX_LINE_BYTES + 1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        length += chunk.len();
        let consumed = chunk.len() + usize::from(ends_line);
        input.consume(consumed);
        if ends_line {
            return Ok(Some(length));
        }
    }
}

/// JSON's own whitespace: what may surround a value (RFC 8259).
fn is_json_whitespace(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

#[derive(Serialize)]
struct ErrorLine {
    error: String,
}

fn request(text: &str) -> Result<Map<String, Value>, String> {
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
