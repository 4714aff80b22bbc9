//! `debate-drill eval`: the quality figures over the labelled sets, printed as tables.

use std::io::Write;
use std::path::Path;

use super::{Cli, Failure, Library};
use crate::eval::evaluate;

pub fn run(cli: &Cli, queries: &Path) -> Result<(), Failure> {
    let pack = Library::load(cli)?.select(cli.pack.as_deref())?;
    let report = evaluate(pack, queries).map_err(|e| Failure::Invalid(e.to_string()))?;
    writeln!(std::io::stdout().lock(), "{report}")?;
    Ok(())
}
