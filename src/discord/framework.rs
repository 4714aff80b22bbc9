//! The poise framework: its options, and the setup that registers the commands once READY.

use poise::serenity_prelude as serenity;

use super::commands;
use super::errors;
use super::events;
use super::mentions::no_pings;
use super::state::{Data, Error};

/// `registers_commands`: whether this process registers the slash commands (of several
/// processes sharing the bot's shards, only the one holding shard 0 does).
pub fn build(data: Data, registers_commands: bool) -> poise::Framework<Data, Error> {
    poise::Framework::new(options(), move |ctx, ready, framework| {
        Box::pin(async move {
            if registers_commands {
                register(ctx, &framework.options().commands).await?;
            }
            // Drills whose time is up end by themselves, after a restart too.
            tokio::spawn(data.classroom().clone().tick(ctx.http.clone()));
            tracing::info!("ready as {}", ready.user.name);
            Ok(data)
        })
    })
}

fn options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands::all(),
        on_error: |error| Box::pin(errors::handle(error)),
        event_handler: |framework, event| {
            Box::pin(events::handle(
                framework.serenity_context,
                event,
                framework.user_data,
            ))
        },
        // poise's default pings the replied-to user, on its own built-in replies too.
        allowed_mentions: Some(no_pings()),
        // No command is reserved to the bot's owners, so there is nothing to look up.
        initialize_owners: false,
        ..Default::default()
    }
}

/// The one place commands are registered: globally, so they work in DMs too (guild commands
/// never reach a DM).
async fn register(
    ctx: &serenity::Context,
    commands: &[poise::Command<Data, Error>],
) -> Result<(), Error> {
    poise::builtins::register_globally(ctx, commands).await?;
    tracing::info!("registered {} global commands", commands.len());
    Ok(())
}
