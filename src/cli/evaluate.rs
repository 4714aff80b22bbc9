//! `debate-drill eval`: the quality figures over the labelled sets, printed as tables.

use std::io::Write;
use std::path::Path;

use super::{Cli, Failure, Library};
use crate::eval::{evaluate, evaluate_scoring};

pub fn run(cli: &Cli, queries: &Path, replies: &Path) -> Result<(), Failure> {
    let pack = Library::load(cli)?.select(cli.pack.as_deref())?;
    let matching = evaluate(pack.clone(), queries).map_err(|e| Failure::Invalid(e.to_string()))?;
    let scoring = evaluate_scoring(pack, replies).map_err(|e| Failure::Invalid(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{matching}")?;
    writeln!(out, "{scoring}")?;
    Ok(())
}
