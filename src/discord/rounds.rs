//! The bridge to the engine: Discord ids become the engine's opaque keys, and the engine's
//! refusals become notices the student reads.

use poise::serenity_prelude as serenity;

use super::errors::Notice;
use super::instructors::guild_scope;
use super::state::{Data, Error};
use crate::drill::{Command, DrillError, Output};

/// The engine's key for a Discord user.
pub fn user_key(user: serenity::UserId) -> String {
    format!("discord:user:{user}")
}

/// The engine's key for where a round lives: a DM channel or a private thread.
pub fn place_key(channel: serenity::ChannelId) -> String {
    format!("discord:channel:{channel}")
}

/// Runs `command` for `user` in `channel`; a refusal the student can act on is a [`Notice`].
pub async fn run(
    data: &Data,
    user: serenity::UserId,
    channel: serenity::ChannelId,
    command: Command,
) -> Result<Vec<Output>, Error> {
    handle(data, user, channel, command)
        .await
        .map_err(|error| refusal(data, error))
}

/// [`run`] in a server: a round started here may use the server's own packs.
pub async fn run_in(
    data: &Data,
    guild: Option<serenity::GuildId>,
    user: serenity::UserId,
    channel: serenity::ChannelId,
    command: Command,
) -> Result<Vec<Output>, Error> {
    let _working = data.inflight().enter();
    let scope = guild.map(guild_scope);
    data.engine
        .handle_in(
            scope.as_deref(),
            &user_key(user),
            &place_key(channel),
            command,
        )
        .await
        .map_err(|error| refusal(data, error))
}

/// Runs `command` and hands back the engine's own error (for callers that treat some
/// refusals as "not for me").
pub async fn handle(
    data: &Data,
    user: serenity::UserId,
    channel: serenity::ChannelId,
    command: Command,
) -> Result<Vec<Output>, DrillError> {
    let _working = data.inflight().enter();
    data.engine
        .handle(&user_key(user), &place_key(channel), command)
        .await
}

pub fn refusal(data: &Data, error: DrillError) -> Error {
    match error {
        DrillError::NoRound => {
            Notice("No round is running here — start one with /practice.".into()).into()
        }
        DrillError::Store(_) | DrillError::PackGone(_) => error.into(),
        other => Notice(other.render(&data.catalogue)).into(),
    }
}
