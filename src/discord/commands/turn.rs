//! `/argue text`: one turn of the round (in a versus pair's thread, a turn against the
//! opponent, as a plain message there is).

use super::answer;
use crate::discord::classroom::turn_command;
use crate::discord::state::{Context, Error};

/// Make your next argument (plain messages in the round's DM or thread count too).
#[poise::command(slash_command)]
pub async fn argue(
    ctx: Context<'_>,
    #[description = "Your argument"] text: String,
) -> Result<(), Error> {
    ctx.defer().await?;
    let source_id = ctx.id().to_string();
    let command = turn_command(
        ctx.data(),
        ctx.author().id,
        ctx.channel_id(),
        text,
        source_id,
    )
    .await?;
    answer(ctx, command, false).await
}
