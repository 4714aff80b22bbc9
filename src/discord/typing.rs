//! "Typing…" while a turn's reply is slow. It shows only after a delay, so a quick reply costs
//! no extra request, and a message that is no turn at all (chat in a channel the bot reads)
//! never makes the bot look as if it were answering.

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;
use tokio::task::JoinHandle;

/// How long a reply may take before the channel shows the bot typing.
const DELAY: Duration = Duration::from_secs(1);

/// Shows the bot typing in a channel from `DELAY` on, until dropped.
pub struct SlowReplyTyping(JoinHandle<()>);

impl SlowReplyTyping {
    pub fn start(http: &Arc<serenity::Http>, channel: serenity::ChannelId) -> Self {
        let http = Arc::clone(http);
        Self(tokio::spawn(async move {
            tokio::time::sleep(DELAY).await;
            // Serenity keeps the indicator up until this guard is dropped with the task.
            let _typing = channel.start_typing(&http);
            std::future::pending::<()>().await;
        }))
    }
}

impl Drop for SlowReplyTyping {
    fn drop(&mut self) {
        self.0.abort();
    }
}
