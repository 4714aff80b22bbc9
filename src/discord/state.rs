//! What every handler shares: poise's user data, and the aliases the commands are written with.

use std::sync::Arc;

use super::inflight::InFlight;

/// Whatever went wrong in a handler; `errors` decides what the student reads.
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

pub struct Data {
    inflight: Arc<InFlight>,
}

impl Data {
    pub fn new() -> Data {
        Data {
            inflight: Arc::default(),
        }
    }

    /// The counter of work under way, which a shutdown waits on.
    pub fn inflight(&self) -> Arc<InFlight> {
        Arc::clone(&self.inflight)
    }
}
