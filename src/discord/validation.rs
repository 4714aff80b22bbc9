//! Validating an uploaded pack: CPU work that grows with the upload, so it runs on the blocking
//! pool within a budget, and one instructor's big pack never holds up anyone else's commands:
//! at most a few big uploads are checked at a time (the rest wait their turn), a small one is
//! checked at once (it costs little, and must not queue behind big ones), and the instructor
//! is answered within a time limit whatever happens.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinError;

/// How many big uploads are validated at once, across every server.
const AT_ONCE: usize = 2;
/// An upload of at most this many bytes is small: checked at once, outside the queue.
const SMALL_UPLOAD: usize = 32 * 1024;
/// How long an instructor waits for a check (queueing included) before being told it is too
/// big to check here.
const TIME_LIMIT: Duration = Duration::from_secs(20);

pub struct Validations {
    permits: Arc<Semaphore>,
    limit: Duration,
}

impl Default for Validations {
    fn default() -> Self {
        Validations::new(AT_ONCE, TIME_LIMIT)
    }
}

impl Validations {
    fn new(at_once: usize, limit: Duration) -> Validations {
        Validations {
            permits: Arc::new(Semaphore::new(at_once)),
            limit,
        }
    }

    /// Runs `work`, the check of an upload of `bytes` bytes, on the blocking pool: at once when
    /// the upload is small, else once a slot is free; `None` when the time limit passed first.
    /// A slot is held until the work ends, even past the limit, so abandoned checks still count
    /// against the few that may run at once.
    pub async fn run<T: Send + 'static>(
        &self,
        bytes: usize,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<Option<T>, JoinError> {
        let permits = (bytes > SMALL_UPLOAD).then(|| Arc::clone(&self.permits));
        let queued_and_run = async move {
            let slot = match permits {
                Some(permits) => Some(
                    permits
                        .acquire_owned()
                        .await
                        .expect("the semaphore is never closed"),
                ),
                None => None,
            };
            tokio::task::spawn_blocking(move || {
                let _slot = slot;
                work()
            })
            .await
        };
        match tokio::time::timeout(self.limit, queued_and_run).await {
            Ok(done) => done.map(Some),
            Err(_) => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BIG: usize = SMALL_UPLOAD + 1;

    #[tokio::test]
    async fn work_within_the_limit_gives_its_result() {
        let validations = Validations::new(1, Duration::from_secs(5));
        assert_eq!(validations.run(BIG, || 7).await.unwrap(), Some(7));
    }

    #[tokio::test]
    async fn work_past_the_limit_is_answered_without_waiting_for_it() {
        let validations = Validations::new(1, Duration::from_millis(50));
        let slow = || std::thread::sleep(Duration::from_millis(400));
        let started = std::time::Instant::now();
        assert_eq!(validations.run(BIG, slow).await.unwrap(), None);
        assert!(started.elapsed() < Duration::from_millis(400));
    }

    #[tokio::test]
    async fn an_abandoned_check_keeps_its_slot_until_it_ends() {
        let validations = Validations::new(1, Duration::from_millis(50));
        let slow = || std::thread::sleep(Duration::from_millis(300));
        assert_eq!(validations.run(BIG, slow).await.unwrap(), None);
        // The slow work still holds the only slot, so another big check cannot start in time,
        // while a small one goes ahead.
        assert_eq!(validations.run(BIG, || 1).await.unwrap(), None);
        assert_eq!(validations.run(SMALL_UPLOAD, || 2).await.unwrap(), Some(2));
        tokio::time::sleep(Duration::from_millis(400)).await;
        assert_eq!(validations.run(BIG, || 3).await.unwrap(), Some(3));
    }
}
