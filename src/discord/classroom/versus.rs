//! Messages in a versus pair's thread: a student's message there is a turn against their
//! opponent (the engine scores it and puts its point to the opponent; the moderation post
//! announces it). Anyone else's message there finds no round of theirs and is left alone.

use poise::serenity_prelude as serenity;

use crate::discord::rounds::{place_key, user_key};
use crate::discord::state::{Data, Error};
use crate::drill::Command;

/// The engine command for `text` from `user` in `channel`: a turn against their opponent
/// when they argue there in a versus pair, else an ordinary turn.
pub async fn turn_command(
    data: &Data,
    user: serenity::UserId,
    channel: serenity::ChannelId,
    text: String,
    source_id: String,
) -> Result<Command, Error> {
    let opponent = data
        .engine
        .store()
        .drill_opponent(&place_key(channel), &user_key(user))
        .await?;
    let source_id = Some(source_id);
    Ok(match opponent {
        Some(opponent) => Command::SayVersus {
            text,
            source_id,
            opponent,
        },
        None => Command::Say { text, source_id },
    })
}
