//! The slash commands, one file per group. Names and option names are fixed by CONTRACT.md.
//! Each defers first: the engine may take longer than Discord's 3-second window.

mod drill;
mod end;
mod forget;
mod next;
mod pack;
mod practice;
mod progress;
pub mod review;
mod settings;
mod study;
mod turn;
mod word_options;

pub use drill::join_clicked;
pub use forget::forget_user;
pub use pack::DEFAULT_SETTING;

use super::render;
use super::rounds;
use super::state::{Context, Data, Error};
use crate::drill::Command;

/// Every command the bot registers (globally, from `framework`).
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        practice::practice(),
        turn::argue(),
        study::hint(),
        study::brief(),
        next::next(),
        end::end(),
        forget::forget_me(),
        review::review(),
        progress::progress(),
        pack::pack(),
        drill::drill(),
        drill::leaderboard(),
        settings::settings(),
    ]
}

/// Runs `command` on the caller's round in this channel and posts what the engine answers.
async fn answer(ctx: Context<'_>, command: Command, private: bool) -> Result<(), Error> {
    if private {
        ctx.defer_ephemeral().await?;
    } else {
        ctx.defer().await?;
    }
    let outputs = rounds::run(ctx.data(), ctx.author().id, ctx.channel_id(), command).await?;
    for post in outputs
        .iter()
        .flat_map(|output| render::posts(output, &ctx.data().catalogue))
    {
        ctx.send(post.to_reply()).await?;
    }
    Ok(())
}
