//! `debate-drill progress --out FILE.png`: the terminal student's progress chart, offline: the
//! same image `/progress` posts on Discord.

use std::path::{Path, PathBuf};

use super::practice::{Session, terminal_user};
use super::{Cli, Failure};
use crate::chart;

pub fn run(
    cli: &Cli,
    db: Option<&PathBuf>,
    config: Option<&PathBuf>,
    out: &Path,
) -> Result<(), Failure> {
    let session = Session::open(cli, db, config)?;
    let progress = session
        .runtime
        .block_on(session.engine.progress(&terminal_user()))
        .map_err(|error| Failure::Invalid(error.render(&session.catalogue)))?;
    let png = chart::progress_png(&progress, chart::Whose::Student, &session.catalogue)
        .map_err(|error| Failure::Invalid(error.to_string()))?;
    std::fs::write(out, &png)
        .map_err(|error| Failure::Invalid(format!("cannot write {}: {error}", out.display())))?;
    println!(
        "{}",
        session.catalogue.render(
            "chart.written",
            &[
                ("file", &out.display()),
                ("rounds", &progress.totals.len()),
                ("dropped", &progress.most_dropped.len()),
            ],
        )
    );
    Ok(())
}
