//! `/argue text`: one turn of the round (in a versus pair's thread, a turn against the
//! opponent, as a plain message there is).

use super::answer;
use crate::discord::state::{Context, Error};
use crate::drill::Command;

/// Make your next argument (plain messages in the round's DM or thread count too).
#[poise::command(slash_command)]
pub async fn argue(
    ctx: Context<'_>,
    #[description = "Your argument"] text: String,
) -> Result<(), Error> {
    ctx.defer().await?;
    let command = Command::Say {
        text,
        source_id: Some(ctx.id().to_string()),
    };
    answer(ctx, command, false).await
}
