//! One command at a time for each student in each place. A command reads the round, chooses
//! (a counter not yet served, say) and then writes; two commands for the same round racing
//! through that would both see the same state, and could serve one counter twice. Commands for
//! different rounds run side by side: the locks are striped by a hash of the round's keys, so
//! their number stays fixed however many students there are.

use std::hash::BuildHasher;

use tokio::sync::{Mutex, MutexGuard};

/// Enough stripes that a class's students rarely share one.
const STRIPES: usize = 256;

pub struct RoundLocks {
    stripes: Vec<Mutex<()>>,
    hasher: foldhash::fast::FixedState,
}

impl RoundLocks {
    pub fn new() -> RoundLocks {
        RoundLocks {
            stripes: (0..STRIPES).map(|_| Mutex::new(())).collect(),
            hasher: foldhash::fast::FixedState::default(),
        }
    }

    /// Waits until no other command runs for `user` in `place`, and holds that until dropped.
    pub async fn lock(&self, user: &str, place: &str) -> MutexGuard<'_, ()> {
        let stripe = (self.hasher.hash_one((user, place)) % STRIPES as u64) as usize;
        self.stripes[stripe].lock().await
    }
}

impl Default for RoundLocks {
    fn default() -> Self {
        RoundLocks::new()
    }
}
