//! `debate-drill practice`: a round in the terminal, on the same engine and store as Discord.

use std::path::PathBuf;

use super::{Cli, Failure, Library};
use crate::config::{
    Config, DATABASE_URL_ENV, Database, checked_database, is_postgres_url, redact_password,
};
use crate::drill::Engine;
use crate::prompts::Catalogue;
use crate::store::Store;
use crate::terminal::{self, Practice};

pub struct Options<'a> {
    pub side: Option<&'a str>,
    pub seed: Option<u64>,
    pub db: Option<&'a PathBuf>,
    pub config: Option<&'a PathBuf>,
    pub echo: bool,
    pub switch: bool,
    pub review: bool,
}

/// What a terminal session needs: the engine on its store, its runtime, the catalogue, and the
/// pack to play.
pub(super) struct Session {
    pub runtime: tokio::runtime::Runtime,
    pub engine: Engine,
    pub catalogue: Catalogue,
    pub pack: String,
}

impl Session {
    /// Loads the config (when given), the packs, the catalogue, and the store `--db` names (else
    /// the configured one), applying the retention period.
    pub(super) fn open(
        cli: &Cli,
        db: Option<&PathBuf>,
        config_path: Option<&PathBuf>,
    ) -> Result<Session, Failure> {
        let config = match config_path {
            Some(path) => {
                Config::load(path).map_err(|problems| Failure::Invalid(problems.to_string()))?
            }
            None => Config::default(),
        };
        let library = Library::load_from(&cli.packs_dir(config_path.map(|_| &config)))?;
        let pack = library.select(cli.pack.as_deref())?.id.clone();
        let catalogue = Catalogue::load(&config.prompts.dir, &config.prompts.language)
            .map_err(|e| Failure::Invalid(e.to_string()))?;
        let database = database(db, config_path.map(|_| &config))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (opened, named) = match &database {
            Database::File(path) => (
                runtime.block_on(Store::open_in(path)),
                path.display().to_string(),
            ),
            Database::Server(url) => (runtime.block_on(Store::open(url)), redact_password(url)),
        };
        let store = opened
            .map_err(|e| Failure::Invalid(format!("cannot open the database {named}: {e}")))?;
        runtime
            .block_on(store.apply_retention(config.database.retention_days))
            .map_err(|e| Failure::Invalid(format!("cannot apply the retention period: {e}")))?;
        let engine = Engine::new(&library.packs, store, &config);
        Ok(Session {
            runtime,
            engine,
            catalogue,
            pack,
        })
    }
}

/// Who plays at this terminal: the login user, as an opaque key.
pub(super) fn terminal_user() -> String {
    std::env::var("USER").map_or_else(
        |_| "terminal:local".to_string(),
        |u| format!("terminal:{u}"),
    )
}

pub fn run(cli: &Cli, options: Options<'_>) -> Result<(), Failure> {
    let Session {
        runtime,
        engine,
        catalogue,
        pack,
    } = Session::open(cli, options.db, options.config)?;
    let user = terminal_user();
    let practice = Practice {
        engine: &engine,
        catalogue: &catalogue,
        runtime: &runtime,
        user,
        place: "terminal".into(),
        pack,
        side: options.side.map(str::to_string),
        seed: options.seed,
        echo: options.echo,
        switch: options.switch,
    };
    let session = if options.review {
        terminal::review(&practice)
    } else {
        terminal::run(&practice)
    };
    session.map_err(|refused| Failure::Invalid(refused.render(&catalogue)))
}

/// `--db` (a file, or a URL as `database.url` takes), else the configured `database.url`, else
/// the environment's, else `debate-drill.db`.
fn database(db: Option<&PathBuf>, config: Option<&Config>) -> Result<Database, Failure> {
    if let Some(db) = db {
        return match db.to_str() {
            Some(url) if url.starts_with("sqlite:") || is_postgres_url(url) => {
                checked_database("--db", url).map_err(Failure::Invalid)
            }
            _ => Ok(Database::File(db.clone())),
        };
    }
    if let Some(config) = config {
        return Ok(config.database());
    }
    match std::env::var(DATABASE_URL_ENV) {
        Ok(url) if !url.is_empty() => {
            checked_database(DATABASE_URL_ENV, &url).map_err(Failure::Invalid)
        }
        _ => Ok(Database::File(PathBuf::from("debate-drill.db"))),
    }
}
