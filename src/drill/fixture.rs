//! The engine's tests use the shared test pack ([`crate::pack::fixture`]) with the default
//! rubric.

use std::sync::Arc;

use crate::config::Config;
use crate::matcher::Matcher;
pub use crate::pack::fixture::{pack, pack_with_side_renamed};

use super::scoring::Rubric;

/// The rubric of the fixture pack with the default weights.
pub fn rubric() -> Rubric {
    let config = Config::default();
    let matcher = Matcher::new(pack()).with_min_confidence(config.matcher.min_confidence);
    Rubric::new(Arc::new(matcher), config.scoring)
}
