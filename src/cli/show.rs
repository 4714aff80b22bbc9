//! `debate-drill show [--json]`: the loaded packs, for people or (with `--json`) for tools.

use std::io::Write;

use serde_json::{Value, json};

use super::{Cli, Failure, Library};
use crate::pack::Pack;

pub fn run(cli: &Cli, as_json: bool) -> Result<(), Failure> {
    let library = Library::load(cli)?;
    let packs = match &cli.pack {
        Some(id) => vec![library.select(Some(id))?],
        None => library.packs.clone(),
    };
    if as_json {
        let document = json!({ "packs": packs.iter().map(|p| pack_json(p)).collect::<Vec<_>>() });
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &document).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        let mut out = std::io::stdout().lock();
        for pack in &packs {
            write_pack(&mut out, pack)?;
        }
    }
    Ok(())
}

/// The shape `CONTRACT.md` fixes for `show --json`, plus keywords and evidence.
pub fn pack_json(pack: &Pack) -> Value {
    json!({
        "id": pack.id,
        "title": pack.title,
        "motion": pack.motion,
        "default": pack.is_default,
        "sides": pack.sides.iter().map(|side| json!({
            "id": side.id,
            "name": side.name,
            "summary": side.summary,
            "positions": side.positions,
            "opposes": side.opposes,
        })).collect::<Vec<_>>(),
        "positions": pack.positions.iter().map(|position| json!({
            "id": position.id,
            "side": position.side,
            "author": position.author,
            "source": position.source,
            "thesis": position.thesis,
            "arguments": pack.arguments_of_position(position).iter().map(|argument| json!({
                "id": argument.id,
                "claim": argument.claim,
                "quote": argument.quote,
                "keywords": argument.keywords,
                "evidence": argument.evidence,
                "role": argument.role.as_str(),
                "rebuts": argument.rebuts.iter().map(|r| &r.target).collect::<Vec<_>>(),
                "clashes": argument.rebuts.iter().map(|r| json!({
                    "target": r.target,
                    "reason": r.reason,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

fn write_pack(out: &mut impl Write, pack: &Pack) -> std::io::Result<()> {
    writeln!(
        out,
        "{} ({}){}",
        pack.title,
        pack.id,
        if pack.is_default { ", default" } else { "" }
    )?;
    writeln!(out, "Motion: {}", pack.motion)?;
    for side in &pack.sides {
        writeln!(out, "\n  side {} — {}", side.id, side.name)?;
        writeln!(out, "    opposes: {}", side.opposes.join(", "))?;
        for id in &side.positions {
            let position = pack
                .position(id)
                .expect("the loader resolved every position");
            writeln!(
                out,
                "    {} — {} ({}), {} arguments",
                position.id,
                position.author,
                position.source,
                position.arguments.len()
            )?;
        }
    }
    writeln!(out)
}
