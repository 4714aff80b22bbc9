//! `/hint` and `/brief`: private help from the student's own side.

use super::answer;
use crate::discord::state::{Context, Error};
use crate::drill::Command;

/// An argument of your side you have not made yet.
#[poise::command(slash_command)]
pub async fn hint(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Hint, true).await
}

/// Your side's summary and the arguments still open to you.
#[poise::command(slash_command)]
pub async fn brief(ctx: Context<'_>) -> Result<(), Error> {
    answer(ctx, Command::Brief, true).await
}
