//! `/end`: end the round and post the scorecard.

use super::answer;
use crate::discord::state::{Context, Error};
use crate::drill::Command;

/// End your round and see the scorecard.
#[poise::command(slash_command)]
pub async fn end(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::End, false).await
}
