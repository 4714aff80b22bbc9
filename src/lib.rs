//! debate-drill: drills debate students from curated position packs.
//!
//! See `ARCHITECTURE.md` for the map of the house.

pub mod chart;
pub mod cli;
pub mod config;
pub mod discord;
pub mod drill;
pub mod eval;
pub mod matcher;
pub mod pack;
pub mod prompts;
pub mod source;
pub mod store;
pub mod terminal;
