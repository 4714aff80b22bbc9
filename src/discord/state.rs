//! What every handler shares: poise's user data, and the aliases the commands are written with.

use std::sync::Arc;

use super::inflight::InFlight;
use crate::drill::Engine;
use crate::pack::Pack;
use crate::prompts::Catalogue;

/// Whatever went wrong in a handler; `errors` decides what the student reads.
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

pub struct Data {
    pub engine: Engine,
    /// The packs the engine serves (for autocomplete and sources).
    pub packs: Vec<Arc<Pack>>,
    pub catalogue: Catalogue,
    inflight: Arc<InFlight>,
}

impl Data {
    pub fn new(engine: Engine, packs: Vec<Arc<Pack>>, catalogue: Catalogue) -> Data {
        Data {
            engine,
            packs,
            catalogue,
            inflight: Arc::default(),
        }
    }

    /// The counter of work under way, which a shutdown waits on.
    pub fn inflight(&self) -> Arc<InFlight> {
        Arc::clone(&self.inflight)
    }
}
