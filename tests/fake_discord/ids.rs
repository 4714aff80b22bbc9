//! Snowflakes and the fixed identities of the fake: the bot, its application, a guild.

use std::sync::atomic::{AtomicU64, Ordering};

pub const APPLICATION_ID: u64 = 900_000_000_000_000_001;
pub const BOT_USER_ID: u64 = 900_000_000_000_000_002;
pub const GUILD_ID: u64 = 900_000_000_000_000_003;
pub const GUILD_CHANNEL_ID: u64 = 900_000_000_000_000_004;

/// Fresh ids for messages, channels, interactions; distinct from the fixed ones above.
pub fn next_id() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1_000_000_000_000_000_000);
    NEXT.fetch_add(1, Ordering::Relaxed)
}
