//! `/argue text`: one turn of the round.

use super::answer;
use crate::discord::state::{Context, Error};
use crate::drill::Command;

/// Make your next argument (plain messages in the round's DM or thread count too).
#[poise::command(slash_command)]
pub async fn argue(
    ctx: Context<'_>,
    #[description = "Your argument"] text: String,
) -> Result<(), Error> {
    let source_id = Some(ctx.id().to_string());
    answer(ctx, Command::Say { text, source_id }, false).await
}
