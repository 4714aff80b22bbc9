//! One command at a time for each student in each place, whichever process runs it.
//!
//! On PostgreSQL a command holds a session-level advisory lock, keyed by the student and the
//! place, on a connection of its own pool (so that commands holding locks never starve the
//! queries they wait to run). On SQLite, which one process owns, there is nothing to take: the
//! engine's own locks (`drill/serial.rs`) serialise its commands.

use sqlx::pool::PoolConnection;
use sqlx::{Any, AnyPool};

use super::{Backend, Store, StoreError};

/// Held for the length of a command; let go when dropped.
pub struct PlaceLock {
    held: Option<(PoolConnection<Any>, i64)>,
}

impl Store {
    /// Waits until no command runs for `user` in `place` in any process sharing this database,
    /// and holds that until the lock is dropped.
    pub async fn lock_place(&self, user: &str, place: &str) -> Result<PlaceLock, StoreError> {
        let Some(locks) = self.lock_pool() else {
            return Ok(PlaceLock { held: None });
        };
        let key = place_key(user, place);
        let mut connection = locks.acquire().await?;
        // A function returning void in FROM yields one row, which every driver can read.
        sqlx::query("SELECT 1 FROM pg_advisory_lock($1)")
            .bind(key)
            .execute(&mut *connection)
            .await?;
        Ok(PlaceLock {
            held: Some((connection, key)),
        })
    }

    fn lock_pool(&self) -> Option<&AnyPool> {
        match self.backend() {
            Backend::Postgres => self.locks.as_ref(),
            Backend::Sqlite => None,
        }
    }
}

impl Drop for PlaceLock {
    fn drop(&mut self) {
        let Some((mut connection, key)) = self.held.take() else {
            return;
        };
        tokio::spawn(async move {
            let unlocked = sqlx::query("SELECT pg_advisory_unlock($1)")
                .bind(key)
                .execute(&mut *connection)
                .await;
            if let Err(error) = unlocked {
                // A connection whose locks are unknown must not serve another command: closed,
                // it lets go of every lock it held.
                tracing::warn!(%error, "could not release a place lock; closing its connection");
                connection.close_on_drop();
            }
        });
    }
}

/// The advisory lock's key: FNV-1a over the student and the place, the same in every process
/// and every build (a seeded hasher would differ between processes).
fn place_key(user: &str, place: &str) -> i64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let bytes = user.bytes().chain([0]).chain(place.bytes());
    let hash = bytes.fold(OFFSET, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(PRIME)
    });
    hash as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_tells_the_student_from_the_place() {
        assert_eq!(
            place_key("discord:1", "dm:1"),
            place_key("discord:1", "dm:1")
        );
        assert_ne!(
            place_key("discord:1", "dm:1"),
            place_key("discord:1", "dm:2")
        );
        assert_ne!(place_key("a", "bc"), place_key("ab", "c"));
    }
}
