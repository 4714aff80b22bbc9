//! Measuring quality over labelled sets: the matcher's recognition, the scorer's ordering.
//!
//! `matching` runs a labelled query file through the matcher and through a plain BM25 baseline
//! (`bm25_baseline`) and reports top-1, top-3 and MRR per style, side by side. `scoring` runs a
//! labelled reply file (`replies`) through the drill's scoring rubric and reports how often it
//! orders replies by grade, beside reply length and word overlap.

mod bm25_baseline;
mod labelled;
pub mod matching;
mod metrics;
mod queries;
mod replies;
pub mod scoring;

pub use bm25_baseline::Bm25Baseline;
pub use labelled::LabelledSetError;
pub use matching::{MatchingReport, evaluate};
pub use metrics::RankStats;
pub use queries::{LabelledQuery, read_queries};
pub use replies::{Grade, LabelledReply, read_replies};
pub use scoring::{ScoringReport, evaluate_scoring};
