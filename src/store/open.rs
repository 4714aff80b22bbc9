//! Opening the database: SQLite (a file, the embedded default) or PostgreSQL (a server that
//! several processes share), the folder a SQLite file lives in, and migrations.
//!
//! Both back ends sit behind sqlx's `Any` driver, so every query in this room is written once;
//! the few places where they differ (how a writer takes its lock) ask [`Backend`].

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};

use super::StoreError;
use super::clock::{Clock, now_ms};
use crate::config::{is_postgres_url, redact_password};

/// Set on every SQLite connection. A connection waits up to 10 s for another writer before
/// giving up with "database is locked"; WAL lets readers run beside the writer; FULL syncs the WAL
/// on every commit, so a committed turn survives a killed process or a power cut.
const SQLITE_PRAGMAS: &str = "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                              PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;";

/// Which database a store runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle on the database. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    /// PostgreSQL only: the connections that hold commands' place locks (`locks.rs`).
    pub(super) locks: Option<AnyPool>,
    backend: Backend,
    /// Stamps every stored time.
    clock: Clock,
}

impl Store {
    /// Opens the database at `url` and brings its schema up to date: `postgres://…` (or
    /// `postgresql://…`) for a PostgreSQL server, else a SQLite file, `sqlite://path` or
    /// `sqlite:path`, created with its folder if missing.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        if is_postgres_url(url) {
            return Store::open_postgres(url).await;
        }
        let options =
            SqliteConnectOptions::from_str(url).map_err(|source| StoreError::InvalidUrl {
                url: url.to_owned(),
                source,
            })?;
        Store::open_sqlite(options).await
    }

    /// Opens the SQLite database file at `path`; see [`Store::open`]. Unlike a URL, the path
    /// may hold any character (`?`, `#`, `%`).
    pub async fn open_in(path: &Path) -> Result<Store, StoreError> {
        Store::open_sqlite(SqliteConnectOptions::new().filename(path)).await
    }

    async fn open_sqlite(options: SqliteConnectOptions) -> Result<Store, StoreError> {
        let file = options.get_filename().to_owned();
        create_parent_folder(&file)?;
        let url = options.create_if_missing(true).to_url_lossy();
        let options = AnyConnectOptions::from_url(&url).map_err(|source| StoreError::Open {
            database: file.display().to_string(),
            source,
        })?;
        // Processes that start at once on a new database race to switch it to WAL and to
        // apply the same migrations; the losers fail ("database is locked", "already exists",
        // a duplicate version) with everything rolled back, and on a later attempt find the
        // work done. So opening is retried, a few times, after a short wait.
        let mut attempt = 1;
        loop {
            match open_and_migrate(Backend::Sqlite, &file.display().to_string(), &options).await {
                Ok(pool) => return Ok(Store::new(pool, Backend::Sqlite)),
                Err(error) if attempt < OPEN_ATTEMPTS => {
                    tracing::debug!(%error, attempt, "opening raced another process; retrying");
                    tokio::time::sleep(OPEN_RETRY_WAIT * attempt).await;
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
        }
    }

    /// PostgreSQL applies migrations under its own lock, so processes starting at once need
    /// no retry.
    async fn open_postgres(url: &str) -> Result<Store, StoreError> {
        let options =
            AnyConnectOptions::from_str(url).map_err(|source| StoreError::InvalidUrl {
                url: redact_password(url),
                source,
            })?;
        let pool = open_and_migrate(Backend::Postgres, &redact_password(url), &options).await?;
        let locks = AnyPoolOptions::new()
            .max_connections(LOCK_CONNECTIONS)
            .min_connections(0)
            .connect_lazy_with(options);
        Ok(Store {
            locks: Some(locks),
            ..Store::new(pool, Backend::Postgres)
        })
    }

    fn new(pool: AnyPool, backend: Backend) -> Store {
        Store {
            pool,
            locks: None,
            backend,
            clock: now_ms,
        }
    }

    /// The same store, stamping times from `clock` (a test's).
    #[cfg(test)]
    pub fn with_clock(self, clock: Clock) -> Store {
        Store { clock, ..self }
    }

    /// The time now, by the store's clock.
    pub(crate) fn now(&self) -> i64 {
        (self.clock)()
    }

    /// Which database this store runs on.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Waits for running queries, then closes every connection (on SQLite, checkpointing the
    /// WAL). Not required for durability: committed data is on disk already.
    pub async fn close(self) {
        if let Some(locks) = &self.locks {
            locks.close().await;
        }
        self.pool.close().await;
    }

    /// Begins a transaction for a writer that reads and then writes.
    ///
    /// A plain (deferred) SQLite transaction that reads and then writes fails with "database
    /// is locked" without waiting when another writer committed in between; taking the lock up
    /// front makes concurrent writers queue behind the busy timeout instead. On PostgreSQL
    /// writers run side by side, and each locks the rows it must see unchanged
    /// ([`Backend::lock_suffix`]).
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Any>, StoreError> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }
}

async fn open_and_migrate(
    backend: Backend,
    database: &str,
    options: &AnyConnectOptions,
) -> Result<AnyPool, StoreError> {
    sqlx::any::install_default_drivers();
    let pool_options = AnyPoolOptions::new();
    let pool_options = match backend {
        Backend::Sqlite => pool_options.after_connect(|connection, _| {
            Box::pin(async move {
                connection.execute(SQLITE_PRAGMAS).await?;
                Ok(())
            })
        }),
        Backend::Postgres => pool_options,
    };
    let pool = pool_options
        .connect_with(options.clone())
        .await
        .map_err(|source| StoreError::Open {
            database: database.to_owned(),
            source,
        })?;
    match backend {
        Backend::Sqlite => sqlx::migrate!("migrations/sqlite").run(&pool).await?,
        Backend::Postgres => sqlx::migrate!("migrations/postgres").run(&pool).await?,
    }
    Ok(pool)
}

/// How many commands of one process may hold their place locks at once; more wait their turn.
const LOCK_CONNECTIONS: u32 = 16;

const OPEN_ATTEMPTS: u32 = 6;
const OPEN_RETRY_WAIT: Duration = Duration::from_millis(50);

/// Creates the folder a database file lives in, when only that folder is missing: a mistyped
/// path must not quietly make a chain of folders from the root. A bare file name needs none.
fn create_parent_folder(file: &Path) -> Result<(), StoreError> {
    let Some(folder) = file.parent().filter(|f| !f.as_os_str().is_empty()) else {
        return Ok(());
    };
    if folder.exists() {
        return Ok(());
    }
    if let Some(above) = folder.parent().filter(|a| !a.as_os_str().is_empty())
        && !above.is_dir()
    {
        return Err(StoreError::NoSuchFolder {
            path: above.to_owned(),
        });
    }
    std::fs::create_dir(folder).map_err(|source| StoreError::CreateFolder {
        path: folder.to_owned(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_databases_own_folder_is_made_but_not_a_chain_of_them() {
        let dir = tempfile::tempdir().unwrap();
        Store::open_in(&dir.path().join("data/drill.db"))
            .await
            .unwrap();
        assert!(dir.path().join("data/drill.db").is_file());

        let error = Store::open_in(&dir.path().join("missing/deeper/drill.db"))
            .await
            .err()
            .unwrap();
        assert!(matches!(error, StoreError::NoSuchFolder { .. }), "{error}");
        assert!(error.to_string().contains("missing"), "{error}");
        assert!(!dir.path().join("missing").exists());
    }

    #[tokio::test]
    async fn connections_use_wal_full_sync_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open_in(&dir.path().join("drill.db")).await.unwrap();
        let number = |sql: &'static str| sqlx::query_scalar::<_, i64>(sql).fetch_one(&store.pool);

        let journal_mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&store.pool)
            .await
            .unwrap();
        assert_eq!(journal_mode, "wal");
        assert_eq!(number("PRAGMA synchronous").await.unwrap(), 2, "2 is FULL");
        assert_eq!(number("PRAGMA foreign_keys").await.unwrap(), 1);
        assert_eq!(number("PRAGMA busy_timeout").await.unwrap(), 10_000);
    }

    /// Several processes starting at once on a new database each run the migrations; the ones
    /// that lose the race must wait and find the schema done, not fail.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn stores_opened_at_once_on_a_new_file_all_open() {
        for trial in 0..10 {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("drill.db");
            let openings: Vec<_> = (0..4)
                .map(|_| {
                    let file = file.clone();
                    tokio::spawn(async move { Store::open_in(&file).await })
                })
                .collect();
            for opening in openings {
                let opened = opening.await.unwrap();
                assert!(opened.is_ok(), "trial {trial}: {:?}", opened.err());
            }
        }
    }

    #[tokio::test]
    async fn a_path_may_hold_characters_that_urls_reserve() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("class #3? 100%.db");

        Store::open_in(&file).await.unwrap();

        assert!(file.exists());
    }

    #[tokio::test]
    async fn a_malformed_url_is_reported_as_such() {
        let error = Store::open("sqlite://drill.db?mode=sideways")
            .await
            .unwrap_err();

        assert!(matches!(error, StoreError::InvalidUrl { .. }), "{error}");
    }
}
