//! Counting the work under way, so a shutdown can wait for replies already being written.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Notify;

#[derive(Debug, Default)]
pub struct InFlight {
    running: AtomicUsize,
    idle: Notify,
}

/// Held while one piece of work runs; dropping it marks the work done.
pub struct Working(Arc<InFlight>);

impl InFlight {
    pub fn enter(self: &Arc<Self>) -> Working {
        self.running.fetch_add(1, Ordering::SeqCst);
        Working(Arc::clone(self))
    }

    /// Waits until no work runs, or `timeout` has passed.
    pub async fn drained(&self, timeout: Duration) {
        let wait = async {
            loop {
                let idle = self.idle.notified();
                if self.running.load(Ordering::SeqCst) == 0 {
                    return;
                }
                idle.await;
            }
        };
        if tokio::time::timeout(timeout, wait).await.is_err() {
            tracing::warn!("shutting down with work still running");
        }
    }
}

impl Drop for Working {
    fn drop(&mut self) {
        if self.0.running.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn drained_waits_for_running_work() {
        let inflight = Arc::new(InFlight::default());
        let working = inflight.enter();
        let waiter = tokio::spawn({
            let inflight = Arc::clone(&inflight);
            async move { inflight.drained(Duration::from_secs(5)).await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert!(!waiter.is_finished());
        drop(working);
        waiter.await.unwrap();
    }
}
