//! `debate-drill match --jsonl` and `debate-drill counter --jsonl --side SIDE`: the matcher and
//! the counter choice, one JSON line per message.

use serde::Serialize;

use super::jsonl::{for_each_line, rounded, string_field};
use super::{Cli, Failure, Library};
use crate::matcher::{CounterVia, Hit, Matcher, choose_counter};
use crate::pack::{ArgumentIndex, Pack};

pub fn run_match(cli: &Cli, top: usize) -> Result<(), Failure> {
    let matcher = Matcher::new(Library::load(cli)?.select(cli.pack.as_deref())?);
    let pack = matcher.pack();
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let hits = matcher
            .search(q, top)
            .iter()
            .map(|hit| HitLine::new(pack, hit))
            .collect();
        Ok(MatchLine {
            q: q.to_string(),
            hits,
        })
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
    let pack = matcher.pack();
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let choice = choose_counter(&matcher, side, q, &[]);
        Ok(CounterLine {
            q: q.to_string(),
            matched: choice.matched.map(|hit| HitLine::new(pack, &hit)),
            counter: choice
                .counter
                .map(|index| CounterOut::new(pack, index, choice.via)),
        })
    })
}

/// One line of `match`'s output.
#[derive(Serialize)]
struct MatchLine<'a> {
    q: String,
    hits: Vec<HitLine<'a>>,
}

/// One line of `counter`'s output.
#[derive(Serialize)]
struct CounterLine<'a> {
    q: String,
    matched: Option<HitLine<'a>>,
    counter: Option<CounterOut<'a>>,
}

#[derive(Serialize)]
struct HitLine<'a> {
    argument: &'a str,
    position: &'a str,
    side: &'a str,
    author: &'a str,
    score: f64,
    quote: &'a str,
}

impl<'a> HitLine<'a> {
    fn new(pack: &'a Pack, hit: &Hit) -> HitLine<'a> {
        let argument = &pack.arguments[hit.argument];
        HitLine {
            argument: &argument.id,
            position: &argument.position,
            side: &argument.side,
            author: &pack.position_of(argument).author,
            score: rounded(hit.score),
            quote: &argument.quote,
        }
    }
}

#[derive(Serialize)]
struct CounterOut<'a> {
    argument: &'a str,
    position: &'a str,
    side: &'a str,
    author: &'a str,
    source: &'a str,
    claim: &'a str,
    quote: &'a str,
    via: &'static str,
}

impl<'a> CounterOut<'a> {
    fn new(pack: &'a Pack, index: ArgumentIndex, via: Option<CounterVia>) -> CounterOut<'a> {
        let argument = &pack.arguments[index];
        let position = pack.position_of(argument);
        CounterOut {
            argument: &argument.id,
            position: &argument.position,
            side: &argument.side,
            author: &position.author,
            source: &position.source,
            claim: &argument.claim,
            quote: &argument.quote,
            via: match via {
                Some(CounterVia::Rebuttal) => "rebuttal",
                _ => "closest",
            },
        }
    }
}
