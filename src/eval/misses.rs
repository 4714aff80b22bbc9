//! The labelled items the bot got wrong, listed by `eval --misses` so that tuning can look at
//! causes, not only at figures. Only the tuning split is ever listed.

use std::fmt;

use super::essays::Placement;
use crate::pack::{ArgumentIndex, Pack};

#[derive(Debug, Clone, PartialEq)]
pub struct Miss {
    /// Which measure missed: "recognition", "counter", "attack", "concession".
    pub measure: &'static str,
    pub id: String,
    pub q: String,
    pub wanted: String,
    pub got: String,
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {}: {:?}\n    wanted {}\n    got    {}",
            self.measure, self.id, self.q, self.wanted, self.got
        )
    }
}

/// An argument as a miss shows it: its id and the paragraph its quote stands in.
pub fn described(pack: &Pack, placement: &Placement, argument: Option<ArgumentIndex>) -> String {
    match argument {
        Some(a) => format!(
            "{} ({})",
            pack.arguments[a].id,
            placement.paragraph[a].as_deref().unwrap_or("no paragraph")
        ),
        None => "nothing".to_string(),
    }
}
