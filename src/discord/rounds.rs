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

/// The user a [`user_key`] names; `None` for a key of another kind.
pub fn user_of_key(key: &str) -> Option<serenity::UserId> {
    snowflake(key, "discord:user:").map(serenity::UserId::new)
}

/// The channel a [`place_key`] names; `None` for a key of another kind.
pub fn channel_of_key(key: &str) -> Option<serenity::ChannelId> {
    snowflake(key, "discord:channel:").map(serenity::ChannelId::new)
}

fn snowflake(key: &str, prefix: &str) -> Option<u64> {
    key.strip_prefix(prefix)?.parse().ok().filter(|&id| id != 0)
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
        DrillError::NoRound => Notice::new(&data.catalogue, "discord.no_round_here", &[]).into(),
        DrillError::Store(_) | DrillError::PackGone(_) => error.into(),
        other => Notice(other.render(&data.catalogue)).into(),
    }
}

#[cfg(test)]
mod key_tests {
    use super::*;

    #[test]
    fn keys_read_back_as_the_ids_they_name() {
        let user = serenity::UserId::new(42);
        let channel = serenity::ChannelId::new(7);
        assert_eq!(user_of_key(&user_key(user)), Some(user));
        assert_eq!(channel_of_key(&place_key(channel)), Some(channel));
        assert_eq!(user_of_key(&place_key(channel)), None);
        assert_eq!(channel_of_key("terminal"), None);
    }
}
