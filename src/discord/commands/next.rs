//! `/next`: another counter to the student's latest point, as the Next counter button gives.

use super::answer;
use crate::discord::state::{Context, Error};
use crate::drill::Command;

/// Another counter to your latest point, one not served yet in this round.
#[poise::command(slash_command)]
pub async fn next(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::NextCounter, false).await
}
