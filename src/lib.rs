//! debate-drill: drills debate students from curated position packs.
//!
//! See `ARCHITECTURE.md` for the map of the house.

pub mod source;
pub mod pack;
pub mod config;
pub mod eval;
pub mod matcher;
pub mod store;
