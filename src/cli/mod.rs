//! The command line: one file per subcommand, each a thin adapter that reads its input, calls
//! the core, and writes the output `CONTRACT.md` fixes. Errors leave as one line on stderr;
//! the exit code says what kind (1: the input was judged bad, 2: usage).

mod check;
mod evaluate;
mod jsonl;
mod library;
mod practice;
mod progress;
mod recognise;
mod score;
mod serve;
mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

pub use library::Library;

/// Where packs are read from when `--packs` is not given.
pub const DEFAULT_PACKS: &str = "positions";

#[derive(Debug, Parser)]
#[command(
    name = "debate-drill",
    version,
    about = "Drills debate students from curated position packs"
)]
pub struct Cli {
    /// The folder of position packs (or one pack folder, or a single-file pack).
    #[arg(long, global = true, value_name = "DIR", default_value = DEFAULT_PACKS)]
    pub packs: PathBuf,
    /// The pack to use; default: the only pack, or the one marked `default = true`.
    #[arg(long, global = true, value_name = "ID")]
    pub pack: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The packs folder: `--packs` when given, else the config's `packs.dir` when a config is
    /// read, else the default.
    pub fn packs_dir(&self, config: Option<&crate::config::Config>) -> PathBuf {
        match config {
            Some(config) if self.packs.as_os_str() == DEFAULT_PACKS => config.packs.dir.clone(),
            _ => self.packs.clone(),
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the Discord bot.
    Serve {
        /// The configuration file.
        #[arg(long, value_name = "FILE")]
        config: PathBuf,
        /// Run only these shards, both included (overrides `discord.shards`).
        #[arg(long, value_name = "A..B", requires = "shard_total")]
        shards: Option<String>,
        /// How many shards the bot runs in all processes together.
        #[arg(long, value_name = "N", requires = "shards")]
        shard_total: Option<u32>,
    },
    /// Practise a round in the terminal.
    Practice {
        /// The side to argue (an id from `show`); default: one at random.
        #[arg(long)]
        side: Option<String>,
        /// Seed for every random choice, to replay a round.
        #[arg(long)]
        seed: Option<u64>,
        /// The SQLite file to keep rounds in.
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// A configuration file (for `database.url`, scoring weights, ...).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// On a pipe, print each line read as `> line` before its answer: a transcript.
        #[arg(long)]
        echo: bool,
        /// Argue the side whose counters you faced in your last round, opening with the points
        /// that beat you (the side and pack of that round; `--side` does not apply).
        #[arg(long, conflicts_with = "side")]
        switch: bool,
        /// Answer your due review cards (counters you dropped or answered weakly) instead of
        /// playing a round.
        #[arg(long, conflicts_with_all = ["side", "switch"])]
        review: bool,
    },
    /// Draw your progress over your terminal rounds as a PNG chart.
    Progress {
        /// The database your rounds are in (a file, or a URL as `database.url` takes).
        #[arg(long, value_name = "PATH")]
        db: Option<PathBuf>,
        /// A configuration file (for `database.url`, ...).
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
        /// Where to write the PNG.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
    },
    /// Validate packs, a config file or a prompts folder.
    Check {
        /// Pack folders, pack or position files, config files, prompts folders; default: the packs
        /// folder and `prompts/`.
        paths: Vec<PathBuf>,
    },
    /// Print the loaded pack(s).
    Show {
        /// As one JSON document.
        #[arg(long)]
        json: bool,
    },
    /// Recognise arguments in messages (JSON lines on stdin).
    Match {
        #[arg(long, required = true)]
        jsonl: bool,
        /// How many hits per message at most.
        #[arg(long, default_value_t = 5)]
        top: usize,
    },
    /// Answer messages with a counterargument (JSON lines on stdin).
    Counter {
        #[arg(long, required = true)]
        jsonl: bool,
        /// The side the student argues.
        #[arg(long)]
        side: String,
    },
    /// Score replies to counterarguments (JSON lines on stdin).
    Score {
        #[arg(long, required = true)]
        jsonl: bool,
    },
    /// Measure quality over the blind sets: recognition, counter relevance, debate moves and the
    /// scorer's ordering, each beside a naive baseline.
    Eval {
        /// The folder of blind sets (each split into -tuning and -holdout files, plus the
        /// clash map).
        #[arg(long, value_name = "DIR", default_value = "tests/data/blind")]
        blind: PathBuf,
        /// The essays the sets were written from (files named like 001_*.txt).
        #[arg(long, value_name = "DIR", default_value = "../shared/seeds")]
        seeds: PathBuf,
        /// Also measure the holdout split (never tune on it).
        #[arg(long, conflicts_with = "misses")]
        holdout: bool,
        /// List the tuning split's misses, item by item, after the figures.
        #[arg(long)]
        misses: bool,
    },
    /// Write a generated pack of N arguments to DIR (for benchmarks and load tests).
    #[command(hide = true)]
    GeneratePack {
        #[arg(long, default_value_t = 10_000)]
        arguments: usize,
        dir: PathBuf,
    },
}

/// Why a command failed, and so which exit code it ends with.
#[derive(Debug)]
pub enum Failure {
    /// The input was judged bad (exit 1): the message, or lines already printed.
    Invalid(String),
    /// The command was used wrongly (exit 2).
    Usage(String),
    /// Whoever read our output stopped reading (a closed pipe): stop quietly, like `head` expects.
    OutputClosed,
}

impl Failure {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Failure::Invalid(_) => ExitCode::from(1),
            Failure::Usage(_) => ExitCode::from(2),
            Failure::OutputClosed => ExitCode::SUCCESS,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            Failure::Invalid(message) | Failure::Usage(message) => message,
            Failure::OutputClosed => "",
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            return Failure::OutputClosed;
        }
        Failure::Invalid(format!("i/o error: {error}"))
    }
}

/// Runs one command; the caller turns the result into an exit code.
pub fn run(cli: Cli) -> Result<(), Failure> {
    match &cli.command {
        Command::Check { paths } => check::run(&cli, paths),
        Command::Show { json } => show::run(&cli, *json),
        Command::Practice {
            side,
            seed,
            db,
            config,
            echo,
            switch,
            review,
        } => practice::run(
            &cli,
            practice::Options {
                side: side.as_deref(),
                seed: *seed,
                db: db.as_ref(),
                config: config.as_ref(),
                echo: *echo,
                switch: *switch,
                review: *review,
            },
        ),
        Command::Score { .. } => score::run(&cli),
        Command::Progress { db, config, out } => {
            progress::run(&cli, db.as_ref(), config.as_ref(), out)
        }
        Command::GeneratePack { arguments, dir } => generate_pack(*arguments, dir),
        Command::Match { top, .. } => recognise::run_match(&cli, *top),
        Command::Counter { side, .. } => recognise::run_counter(&cli, side),
        Command::Eval {
            blind,
            seeds,
            holdout,
            misses,
        } => evaluate::run(&cli, blind, seeds, *holdout, *misses),
        Command::Serve {
            config,
            shards,
            shard_total,
        } => serve::run(&cli, config, shards.as_deref().zip(*shard_total)),
    }
}

fn generate_pack(arguments: usize, dir: &std::path::Path) -> Result<(), Failure> {
    let (pack, positions) = crate::pack::synthetic::generate(&dir.to_string_lossy(), arguments);
    std::fs::create_dir_all(dir)?;
    for file in std::iter::once(&pack).chain(&positions) {
        std::fs::write(&file.path, &file.text)?;
    }
    Ok(())
}
