//! `/end`: end the round and post the scorecard.

use super::engine_pending;
use crate::discord::state::{Context, Error};

/// End your round and see the scorecard.
#[poise::command(slash_command)]
pub async fn end(ctx: Context<'_>) -> Result<(), Error> {
    engine_pending(ctx)
}
