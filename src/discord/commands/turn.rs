//! `/argue text`: one turn of the round.

use super::engine_pending;
use crate::discord::state::{Context, Error};

/// Make your next argument (plain messages in the round's DM or thread count too).
#[poise::command(slash_command)]
pub async fn argue(
    ctx: Context<'_>,
    #[description = "Your argument"] text: String,
) -> Result<(), Error> {
    let _ = text;
    engine_pending(ctx)
}
