//! `/hint` and `/brief`: help from the student's own side.

use super::engine_pending;
use crate::discord::state::{Context, Error};

/// An argument of your side you have not made yet.
#[poise::command(slash_command)]
pub async fn hint(ctx: Context<'_>) -> Result<(), Error> {
    engine_pending(ctx)
}

/// Your side's summary and the arguments still open to you.
#[poise::command(slash_command)]
pub async fn brief(ctx: Context<'_>) -> Result<(), Error> {
    engine_pending(ctx)
}
