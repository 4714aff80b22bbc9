//! The one error type of the store.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("invalid database url {url:?}: {source}")]
    InvalidUrl { url: String, source: sqlx::Error },

    #[error("cannot create the folder {} for the database: {source}", path.display())]
    CreateFolder {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error(
        "the folder {} does not exist: create it first (only the database's own folder is made for it)",
        path.display()
    )]
    NoSuchFolder { path: PathBuf },

    #[error("cannot open the database {database}: {source}")]
    Open {
        database: String,
        source: sqlx::Error,
    },

    #[error("cannot bring the database schema up to date: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),

    #[error("{user_key} already has an active round in {place_key}")]
    ActiveRoundExists { user_key: String, place_key: String },

    #[error("there is no round {0}")]
    RoundNotFound(i64),

    #[error("round {0} has ended and takes no more turns")]
    RoundEnded(i64),

    #[error("column {column} holds {value}, which is out of its range")]
    OutOfRange { column: &'static str, value: i64 },

    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
}
