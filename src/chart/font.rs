//! The one font charts use, DejaVu Sans (`assets/fonts/`, Bitstream Vera licence), embedded in
//! the binary and registered with plotters once.

use std::sync::Once;

use plotters::style::FontStyle;

/// The family name charts ask for.
pub const FAMILY: &str = "sans-serif";

const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Registers the embedded font under [`FAMILY`], once per process.
pub fn register() {
    static REGISTERED: Once = Once::new();
    REGISTERED.call_once(|| {
        if plotters::style::register_font(FAMILY, FontStyle::Normal, DEJAVU_SANS).is_err() {
            tracing::error!("the embedded chart font could not be read");
        }
    });
}
