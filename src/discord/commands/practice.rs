//! `/practice [side] [pack]`: start a solo round.

use super::engine_pending;
use crate::discord::state::{Context, Error};

/// Start a solo practice round (here in a DM, or in a private thread in a server).
#[poise::command(slash_command)]
pub async fn practice(
    ctx: Context<'_>,
    #[description = "The side to argue (default: one at random)"] side: Option<String>,
    #[description = "The position pack (default: the only or default one)"] pack: Option<String>,
) -> Result<(), Error> {
    let _ = (side, pack);
    engine_pending(ctx)
}
