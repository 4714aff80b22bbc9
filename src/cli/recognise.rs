//! `debate-drill match --jsonl` and `debate-drill counter --jsonl --side SIDE`: the matcher and
//! the counter choice, one JSON line per message.

use serde_json::{Value, json};

use super::jsonl::{for_each_line, rounded, string_field};
use super::{Cli, Failure, Library};
use crate::matcher::{CounterVia, Hit, Matcher, choose_counter};
use crate::pack::{ArgumentIndex, Pack};

pub fn run_match(cli: &Cli, top: usize) -> Result<(), Failure> {
    let matcher = Matcher::new(Library::load(cli)?.select(cli.pack.as_deref())?);
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let hits: Vec<Value> = matcher
            .search(q, top)
            .iter()
            .map(|hit| hit_json(matcher.pack(), hit))
            .collect();
        Ok(json!({ "q": q, "hits": hits }))
    })
}

pub fn run_counter(cli: &Cli, side: &str) -> Result<(), Failure> {
    let pack = Library::load(cli)?.select(cli.pack.as_deref())?;
    if pack.side(side).is_none() {
        let sides: Vec<&str> = pack.sides.iter().map(|s| s.id.as_str()).collect();
        return Err(Failure::Invalid(format!(
            "unknown side `{side}` in pack `{}`; the sides are: {}",
            pack.id,
            sides.join(", ")
        )));
    }
    let matcher = Matcher::new(pack);
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let choice = choose_counter(&matcher, side, q, &[]);
        let pack = matcher.pack();
        Ok(json!({
            "q": q,
            "matched": choice.matched.map(|hit| hit_json(pack, &hit)),
            "counter": choice.counter.map(|index| counter_json(pack, index, choice.via)),
        }))
    })
}

fn hit_json(pack: &Pack, hit: &Hit) -> Value {
    let argument = &pack.arguments[hit.argument];
    json!({
        "argument": argument.id,
        "position": argument.position,
        "side": argument.side,
        "author": pack.position_of(argument).author,
        "score": rounded(hit.score),
        "quote": argument.quote,
    })
}

fn counter_json(pack: &Pack, index: ArgumentIndex, via: Option<CounterVia>) -> Value {
    let argument = &pack.arguments[index];
    let position = pack.position_of(argument);
    json!({
        "argument": argument.id,
        "position": argument.position,
        "side": argument.side,
        "author": position.author,
        "source": position.source,
        "claim": argument.claim,
        "quote": argument.quote,
        "via": match via {
            Some(CounterVia::Rebuttal) => "rebuttal",
            _ => "closest",
        },
    })
}
