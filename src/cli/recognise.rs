//! `debate-drill match --jsonl` and `debate-drill counter --jsonl --side SIDE`: the matcher and
//! the counter choice, one JSON line per message.

use serde::Serialize;
use serde_json::value::RawValue;

use super::jsonl::{for_each_line, rounded, string_field};
use super::{Cli, Failure, Library};
use crate::matcher::{CounterVia, Hit, Matcher, choose_counter};
use crate::pack::{ArgumentIndex, Pack};

pub fn run_match(cli: &Cli, top: usize) -> Result<(), Failure> {
    let matcher = Matcher::new(Library::load(cli)?.select(cli.pack.as_deref())?);
    let pack = matcher.pack();
    let quotes = EscapedQuotes::of(pack);
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let hits = matcher
            .search(q, top)
            .iter()
            .map(|hit| HitLine::new(pack, &quotes, hit))
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
    let quotes = EscapedQuotes::of(pack);
    for_each_line(|request| {
        let q = string_field(request, "q")?;
        let choice = choose_counter(&matcher, side, q, None, &[], &[]);
        Ok(CounterLine {
            q: q.to_string(),
            matched: choice.matched.map(|hit| HitLine::new(pack, &quotes, &hit)),
            counter: choice
                .counter
                .zip(choice.via)
                .map(|(index, via)| CounterOut::new(pack, index, via, choice.answers)),
            read: choice.read.name(),
        })
    })
}

/// Every argument's quote as a JSON string, escaped once: quotes are most of each output line,
/// and escaping them anew for every message was a fifth of the work of a line.
struct EscapedQuotes(Vec<Box<RawValue>>);

impl EscapedQuotes {
    fn of(pack: &Pack) -> EscapedQuotes {
        EscapedQuotes(
            pack.arguments
                .iter()
                .map(|argument| {
                    serde_json::value::to_raw_value(&argument.quote)
                        .expect("a string is always valid JSON")
                })
                .collect(),
        )
    }
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
    /// What the message does for a student on the side: point, attack, concession, unsure.
    #[serde(rename = "move")]
    read: &'static str,
}

#[derive(Serialize)]
struct HitLine<'a> {
    argument: &'a str,
    position: &'a str,
    side: &'a str,
    author: &'a str,
    score: f64,
    quote: &'a RawValue,
}

impl<'a> HitLine<'a> {
    fn new(pack: &'a Pack, quotes: &'a EscapedQuotes, hit: &Hit) -> HitLine<'a> {
        let argument = &pack.arguments[hit.argument];
        HitLine {
            argument: &argument.id,
            position: &argument.position,
            side: &argument.side,
            author: &pack.position_of(argument).author,
            score: rounded(hit.score),
            quote: &quotes.0[hit.argument],
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
    /// How the counter answers the point, when the pack gives its line of clash.
    reason: Option<&'a str>,
}

impl<'a> CounterOut<'a> {
    fn new(
        pack: &'a Pack,
        index: ArgumentIndex,
        via: CounterVia,
        answers: Option<ArgumentIndex>,
    ) -> CounterOut<'a> {
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
            via: via.name(),
            reason: answers.and_then(|answers| pack.clash_reason(index, answers)),
        }
    }
}
