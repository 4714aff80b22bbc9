//! `debate-drill eval`: the quality figures over the blind sets, printed as tables: the tuning
//! split, and with `--holdout` the holdout split beside it.

use std::io::Write;
use std::path::Path;

use super::{Cli, Failure, Library};
use crate::eval::{Split, evaluate};

pub fn run(
    cli: &Cli,
    blind: &Path,
    seeds: &Path,
    holdout: bool,
    misses: bool,
) -> Result<(), Failure> {
    let pack = Library::load(cli)?.select(cli.pack.as_deref())?;
    let splits: &[Split] = if holdout {
        &[Split::Tuning, Split::Holdout]
    } else {
        &[Split::Tuning]
    };
    let mut out = std::io::stdout().lock();
    for &split in splits {
        let report = evaluate(pack.clone(), blind, seeds, split)
            .map_err(|e| Failure::Invalid(e.to_string()))?;
        writeln!(out, "{report}")?;
        if misses {
            for miss in &report.misses {
                writeln!(out, "{miss}")?;
            }
        }
    }
    Ok(())
}
