//! The practice REPL: the drill engine in a terminal. On a terminal it greets, colours and wraps;
//! on a pipe it is plain text, one block of reply per line of input, so scripts and tests can
//! drive it. Everything it says comes from the message catalogue through [`render`].

mod input;
pub mod render;
mod repl;
mod review;

pub use repl::{Practice, run};
pub use review::run as review;
