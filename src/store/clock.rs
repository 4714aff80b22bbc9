//! The wall clock, in the unit every stored timestamp uses: unix milliseconds.

use std::time::{SystemTime, UNIX_EPOCH};

/// A source of the time, in unix milliseconds: [`now_ms`], or a clock a test controls.
pub type Clock = fn() -> i64;

/// Milliseconds since the unix epoch; 0 if the system clock is set before 1970.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| {
            i64::try_from(elapsed.as_millis()).unwrap_or(i64::MAX)
        })
}
