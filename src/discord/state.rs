//! What every handler shares: poise's user data, and the aliases the commands are written with.

use std::sync::Arc;
use std::time::Duration;

use super::classroom::Classroom;
use super::inflight::InFlight;
use super::validation::Validations;
use crate::drill::Engine;
use crate::prompts::Catalogue;

/// Whatever went wrong in a handler; `errors` decides what the student reads.
pub type Error = anyhow::Error;
pub type Context<'a> = poise::Context<'a, Data, Error>;

pub struct Data {
    pub engine: Arc<Engine>,
    pub catalogue: Catalogue,
    /// The configured instructor role's name, valid in every server.
    pub instructor_role: Option<String>,
    /// Classroom drills, shared with the ticker that begins, reminds and ends them on time.
    pub classroom: Classroom,
    /// The client for attachment downloads (timeouts set).
    pub downloads: reqwest::Client,
    /// Uploaded packs being checked, within their budget.
    pub validations: Validations,
    inflight: Arc<InFlight>,
}

impl Data {
    /// `tick`: how often the classroom clock looks for drills to begin, remind or end.
    pub fn new(engine: Engine, catalogue: Catalogue, tick: Duration) -> Data {
        let engine = Arc::new(engine);
        let classroom = Classroom::new(Arc::clone(&engine), catalogue.clone(), tick);
        Data {
            classroom,
            engine,
            catalogue,
            instructor_role: None,
            downloads: super::download::client(),
            validations: Validations::default(),
            inflight: Arc::default(),
        }
    }

    pub fn classroom(&self) -> &Classroom {
        &self.classroom
    }

    /// The counter of work under way, which a shutdown waits on.
    pub fn inflight(&self) -> Arc<InFlight> {
        Arc::clone(&self.inflight)
    }
}
