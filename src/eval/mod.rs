//! Measuring quality on the blind sets (`tests/data/blind/`), each split into tuning and holdout:
//! recognition (`recognition`), counter relevance against the clash map (`counters`), debate
//! moves (`debate_moves`) and the scorer's ordering of graded replies (`scoring`), each beside a
//! naive baseline. Targets are essay paragraphs (`essays`), so re-curating the pack cannot move
//! them.

mod blind;
mod bm25_baseline;
mod counters;
mod debate_moves;
pub mod essays;
mod labelled;
mod metrics;
mod misses;
mod recognition;
mod report;
mod scoring;

pub use blind::{BlindSets, Split};
pub use bm25_baseline::Bm25Baseline;
pub use essays::{Essays, EssaysError, Placement, paragraphs};
pub use labelled::LabelledSetError;
pub use metrics::RankStats;
pub use misses::Miss;
pub use report::{EvalError, SplitReport, evaluate};
