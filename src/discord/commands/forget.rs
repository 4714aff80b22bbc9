//! `/forget-me`: delete everything stored about the caller, after a confirmation.

use super::engine_pending;
use crate::discord::state::{Context, Error};

/// Delete everything stored about you (asks to confirm first).
#[poise::command(slash_command, rename = "forget-me")]
pub async fn forget_me(ctx: Context<'_>) -> Result<(), Error> {
    engine_pending(ctx)
}
