//! `/practice [side] [pack] [switch]`: start a solo round, in the DM or in a private thread of
//! the server channel for the caller; with `switch:true`, on the side whose counters the caller
//! faced in their last round.

use poise::serenity_prelude as serenity;

use super::answer;
use crate::discord::instructors::guild_scope;
use crate::discord::post::Post;
use crate::discord::render;
use crate::discord::rounds;
use crate::discord::state::{Context, Error};
use crate::discord::text::escape;
use crate::discord::threads;
use crate::drill::Command;

/// Discord shows at most 25 autocomplete choices.
const MAX_CHOICES: usize = 25;

/// Start a solo practice round (here in a DM, or in a private thread in a server).
#[poise::command(slash_command)]
pub async fn practice(
    ctx: Context<'_>,
    #[description = "The side to argue (default: one at random)"]
    #[autocomplete = "side_ids"]
    side: Option<String>,
    #[description = "The position pack (default: the only or default one)"]
    #[autocomplete = "pack_ids"]
    pack: Option<String>,
    #[description = "Argue the side that countered you last round"] switch: Option<bool>,
) -> Result<(), Error> {
    let command = if switch == Some(true) {
        Command::Switch { seed: None }
    } else {
        Command::Start {
            pack,
            side,
            seed: None,
        }
    };
    if ctx.guild_id().is_none() {
        return answer(ctx, command, false).await;
    }
    ctx.defer_ephemeral().await?;
    let thread = open_thread(ctx).await?;
    let outputs =
        rounds::run_in(ctx.data(), ctx.guild_id(), ctx.author().id, thread, command).await?;
    for post in outputs
        .iter()
        .flat_map(|output| render::posts(output, &ctx.data().catalogue))
    {
        thread.send_message(ctx, post.to_message()).await?;
    }
    threads::admit(ctx.http(), thread, &[ctx.author().id]).await?;
    let pointer = Post::text(ctx.data().catalogue.render(
        "discord.round_in_thread",
        &[("thread", &format!("<#{thread}>"))],
    ))
    .private();
    ctx.send(pointer.to_reply()).await?;
    Ok(())
}

/// A private thread under this channel for the caller's round (they are added once it starts).
async fn open_thread(ctx: Context<'_>) -> Result<serenity::ChannelId, Error> {
    let name = ctx.data().catalogue.render(
        "discord.practice_thread",
        &[("student", &escape(&ctx.author().name))],
    );
    threads::open_private(ctx.http(), ctx.channel_id(), &name).await
}

async fn pack_ids<'a>(ctx: Context<'a>, partial: &'a str) -> serenity::CreateAutocompleteResponse {
    let scope = ctx.guild_id().map(guild_scope);
    let packs = ctx
        .data()
        .engine
        .packs_in(scope.as_deref())
        .iter()
        .map(|pack| pack.id.clone())
        .collect();
    matching(packs, partial)
}

async fn side_ids<'a>(ctx: Context<'a>, partial: &'a str) -> serenity::CreateAutocompleteResponse {
    let scope = ctx.guild_id().map(guild_scope);
    let sides = ctx
        .data()
        .engine
        .packs_in(scope.as_deref())
        .iter()
        .flat_map(|pack| pack.sides.iter().map(|side| side.id.clone()))
        .collect();
    matching(sides, partial)
}

fn matching(ids: Vec<String>, partial: &str) -> serenity::CreateAutocompleteResponse {
    let partial = partial.to_lowercase();
    let choices = ids
        .into_iter()
        .filter(|id| id.to_lowercase().contains(&partial))
        .take(MAX_CHOICES)
        .map(|id| serenity::AutocompleteChoice::new(id.clone(), id))
        .collect();
    serenity::CreateAutocompleteResponse::new().set_choices(choices)
}
