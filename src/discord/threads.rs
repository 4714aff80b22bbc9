//! Private threads for rounds. A thread is opened empty and its students are added only once
//! their rounds are stored and the opening posted: a student can write as soon as they are
//! added, and that first message must find its round.

use poise::serenity_prelude as serenity;

use crate::discord::state::Error;

/// Discord's limit on a thread's name, in characters.
const THREAD_NAME_MAX: usize = 100;

/// A new private thread under `channel` that only the bot can invite to, with no one added yet.
pub async fn open_private(
    http: &serenity::Http,
    channel: serenity::ChannelId,
    title: &str,
) -> Result<serenity::ChannelId, Error> {
    let thread = channel
        .create_thread(
            http,
            serenity::CreateThread::new(title.chars().take(THREAD_NAME_MAX).collect::<String>())
                .kind(serenity::ChannelType::PrivateThread)
                .invitable(false),
        )
        .await?;
    Ok(thread.id)
}

/// Adds `users` to `thread`; call it after their rounds are stored.
pub async fn admit(
    http: &serenity::Http,
    thread: serenity::ChannelId,
    users: &[serenity::UserId],
) -> Result<(), Error> {
    for &user in users {
        thread.add_thread_member(http, user).await?;
    }
    Ok(())
}
