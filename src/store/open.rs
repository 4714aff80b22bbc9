//! Opening the database: connection settings, the folder it lives in, and migrations.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};

use super::StoreError;
use super::clock::{Clock, now_ms};

/// How long a connection waits for another writer before giving up with "database is locked".
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// A handle on the database. Cheap to clone: clones share one connection pool.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: SqlitePool,
    /// Stamps every stored time.
    clock: Clock,
}

impl Store {
    /// Opens (and creates, with its folder, if missing) the SQLite database at `url`, which is
    /// `sqlite://path` or `sqlite:path`, and brings its schema up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let options =
            SqliteConnectOptions::from_str(url).map_err(|source| StoreError::InvalidUrl {
                url: url.to_owned(),
                source,
            })?;
        Store::open_with(options).await
    }

    /// Opens the SQLite database file at `path`; see [`Store::open`]. Unlike a URL, the path
    /// may hold any character (`?`, `#`, `%`).
    pub async fn open_in(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(SqliteConnectOptions::new().filename(path)).await
    }

    async fn open_with(options: SqliteConnectOptions) -> Result<Store, StoreError> {
        let file = options.get_filename().to_owned();
        create_parent_folder(&file)?;
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // FULL syncs the WAL on every commit: a committed turn survives a killed process
            // or a power cut, not only a crash of the process.
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(BUSY_TIMEOUT);
        // Processes that start at once on a new database race to switch it to WAL and to
        // apply the same migrations; the losers fail ("database is locked", "already exists",
        // a duplicate version) with everything rolled back, and on a later attempt find the
        // work done. So opening is retried, a few times, after a short wait.
        let mut attempt = 1;
        loop {
            match open_and_migrate(&file, options.clone()).await {
                Ok(pool) => {
                    return Ok(Store {
                        pool,
                        clock: now_ms,
                    });
                }
                Err(error) if attempt < OPEN_ATTEMPTS => {
                    tracing::debug!(%error, attempt, "opening raced another process; retrying");
                    tokio::time::sleep(OPEN_RETRY_WAIT * attempt).await;
                    attempt += 1;
                }
                Err(error) => return Err(error),
            }
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

    /// Waits for running queries, then closes every connection and checkpoints the WAL.
    /// Not required for durability: committed data is on disk already.
    pub async fn close(self) {
        self.pool.close().await;
    }

    /// Begins a transaction that takes the write lock at once.
    ///
    /// A plain (deferred) SQLite transaction that reads and then writes fails with
    /// "database is locked" without waiting when another writer committed in between; taking
    /// the lock up front makes concurrent writers queue behind the busy timeout instead.
    pub(crate) async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, StoreError> {
        Ok(self.pool.begin_with("BEGIN IMMEDIATE").await?)
    }
}

async fn open_and_migrate(
    file: &Path,
    options: SqliteConnectOptions,
) -> Result<SqlitePool, StoreError> {
    let pool = SqlitePoolOptions::new()
        .connect_with(options)
        .await
        .map_err(|source| StoreError::Open {
            file: file.to_owned(),
            source,
        })?;
    sqlx::migrate!().run(&pool).await?;
    Ok(pool)
}

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
