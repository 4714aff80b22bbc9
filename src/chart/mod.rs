//! Charts as PNG images, drawn in pure Rust (plotters' bitmap backend) with a font embedded in
//! the binary, so they look the same on every machine and need no system fonts. Every label
//! comes from the message catalogue.

mod font;
mod progress;

pub use progress::{Whose, progress_png};

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("could not draw the chart: {0}")]
    Draw(String),
    #[error("could not encode the chart as PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// A drawing failure of plotters', whose error type is generic over its backend.
fn drawing(error: impl std::fmt::Display) -> ChartError {
    ChartError::Draw(error.to_string())
}
