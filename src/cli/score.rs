//! `debate-drill score --jsonl`: scores replies to counterarguments, one JSON line each, with
//! the rubric the drill engine uses (a lone reply has no round, so its novelty is full).

use std::sync::Arc;

use serde_json::{Map, Value, json};

use super::jsonl::{for_each_line, string_field};
use super::{Cli, Failure, Library};
use crate::config::Config;
use crate::drill::{Rubric, TurnContext};
use crate::matcher::Matcher;
use crate::pack::ArgumentIndex;
use crate::prompts::Catalogue;

pub fn run(cli: &Cli) -> Result<(), Failure> {
    let pack = Library::load(cli)?.select(cli.pack.as_deref())?;
    let config = Config::default();
    let matcher = Matcher::new(pack).with_min_confidence(config.matcher.min_confidence);
    let rubric = Rubric::new(Arc::new(matcher), config.scoring);
    let catalogue = Catalogue::builtin();
    for_each_line(|request| score_request(&rubric, &catalogue, request))
}

/// One request's answer, or why the request is bad.
fn score_request(
    rubric: &Rubric,
    catalogue: &Catalogue,
    request: &Map<String, Value>,
) -> Result<Value, String> {
    let side = string_field(request, "side")?;
    let reply = string_field(request, "reply")?;
    let pack = rubric.pack();
    if pack.side(side).is_none() {
        let sides: Vec<&str> = pack.sides.iter().map(|s| s.id.as_str()).collect();
        return Err(format!(
            "unknown side `{side}`; the sides are: {}",
            sides.join(", ")
        ));
    }
    let counter = counter_of(rubric, side, request)?;
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
fn counter_of(
    rubric: &Rubric,
    side: &str,
    request: &Map<String, Value>,
) -> Result<ArgumentIndex, String> {
    if request.contains_key("counter_id") {
        let id = string_field(request, "counter_id")?;
        let index = rubric
            .pack()
            .argument_index(id)
            .ok_or_else(|| format!("unknown counter_id `{id}`"))?;
        if rubric.pack().arguments[index].side == side {
            return Err(format!(
                "counter_id `{id}` is an argument of side `{side}` itself; a counter comes from a side that opposes it"
            ));
        }
        return Ok(index);
    }
    let text = string_field(request, "counter").map_err(|_| {
        "missing `counter` (the counterargument's text) or `counter_id`".to_string()
    })?;
    rubric
        .nearest_counter(side, text)
        .ok_or_else(|| "the counter matches no argument of the pack".to_string())
}
