//! `debate-drill score --jsonl`: scores replies to counterarguments, one JSON line each, with
//! the rubric the drill engine uses (a lone reply has no round, so its novelty is full).

use std::io::{BufRead, Write};

use serde_json::{Map, Value, json};

use super::{Cli, Failure, Library};
use crate::config::Config;
use crate::drill::{Rubric, TurnContext};
use crate::matcher::Matcher;
use crate::pack::ArgumentIndex;
use crate::prompts::Catalogue;

/// A longer input line is refused rather than read.
const MAX_LINE_BYTES: usize = 64 * 1024;

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let library = Library::load(cli)?;
    let pack = library.select(cli.pack.as_deref())?;
    let config = Config::default();
    let matcher = Matcher::new(pack).with_min_confidence(config.matcher.min_confidence);
    let rubric = Rubric::new(std::sync::Arc::new(matcher), config.scoring);
    let catalogue = Catalogue::builtin();
    let mut out = std::io::stdout().lock();
    for line in std::io::stdin().lock().split(b'\n') {
        let line = line?;
        let line = line.strip_suffix(b"\r").unwrap_or(&line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let answer =
            score_line(&rubric, &catalogue, line).unwrap_or_else(|error| json!({ "error": error }));
        serde_json::to_writer(&mut out, &answer).map_err(std::io::Error::from)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(())
}

/// One input line's answer, or why the line is bad.
fn score_line(rubric: &Rubric, catalogue: &Catalogue, line: &[u8]) -> Result<Value, String> {
    if line.len() > MAX_LINE_BYTES {
        return Err(format!(
            "the line is {} bytes long; at most {MAX_LINE_BYTES} are read",
            line.len()
        ));
    }
    let line = std::str::from_utf8(line).map_err(|_| "the line is not UTF-8".to_string())?;
    let input: Value =
        serde_json::from_str(line).map_err(|error| format!("the line is not JSON: {error}"))?;
    let side = text_field(&input, "side")?.ok_or("missing key `side`")?;
    let reply = text_field(&input, "reply")?.ok_or("missing key `reply`")?;
    let pack = rubric.pack();
    if pack.side(side).is_none() {
        let sides: Vec<&str> = pack.sides.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "unknown side `{side}`; the sides are: {}",
            sides.join(", ")
        ));
    }
    let counter = counter_of(rubric, side, &input)?;
    let score = rubric.score(
        TurnContext {
            side,
            counter: Some(counter),
            earlier: &[],
        },
        reply,
    );
    let breakdown: Map<String, Value> = score
        .breakdown()
        .into_iter()
        .map(|(name, points)| (name.to_string(), json!(points)))
        .collect();
    let feedback: Vec<String> = score.feedback.iter().map(|f| f.render(catalogue)).collect();
    Ok(json!({ "total": score.total, "breakdown": breakdown, "feedback": feedback }))
}

/// The counter: `counter_id` names an argument; `counter` is text matched to the nearest one.
fn counter_of(rubric: &Rubric, side: &str, input: &Value) -> Result<ArgumentIndex, String> {
    if let Some(id) = text_field(input, "counter_id")? {
        return rubric
            .pack()
            .argument_index(id)
            .ok_or_else(|| format!("unknown counter_id `{id}`"));
    }
    let text = text_field(input, "counter")?.ok_or("missing key `counter` (or `counter_id`)")?;
    rubric
        .nearest_counter(side, text)
        .ok_or_else(|| "the counter matches no argument of the pack".to_string())
}

/// A string field, absent as `None`; any other type is an error.
fn text_field<'v>(input: &'v Value, key: &str) -> Result<Option<&'v str>, String> {
    match input.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(format!("`{key}` must be a string")),
    }
}
