//! Ending a drill, at `/drill end` or when its time is up: every round gets its scorecard in
//! its thread, and the channel the leaderboard.

use poise::serenity_prelude as serenity;

use super::Classroom;
use crate::discord::post::Post;
use crate::discord::render;
use crate::discord::rounds::channel_of_key;
use crate::discord::state::Error;
use crate::drill::{Command, DrillError};
use crate::store::DrillRecord;

impl Classroom {
    /// Ends the channel's open drill (`/drill end`); the leaderboard post.
    pub async fn end_in(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
    ) -> Result<Post, Error> {
        let drill = self.open_in(channel).await?;
        self.finish(http, &drill).await?;
        self.final_leaderboard(drill).await
    }

    /// The leaderboard of a drill just ended, as the store holds it now.
    pub(super) async fn final_leaderboard(&self, drill: DrillRecord) -> Result<Post, Error> {
        let drill = self.engine.store().drill(drill.id).await?.unwrap_or(drill);
        self.leaderboard(&drill).await
    }

    /// Ends every round of the drill (scorecards in the threads). Only the caller that marks
    /// the drill ended does this, and says so.
    pub(super) async fn finish(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
    ) -> Result<bool, Error> {
        let store = self.engine.store();
        if !store.end_drill(drill.id).await? {
            return Ok(false);
        }
        for member in store.drill_members(drill.id).await? {
            let Some(place) = member.place_key.as_deref() else {
                continue;
            };
            let outputs = match self
                .engine
                .handle(&member.user_key, place, Command::End)
                .await
            {
                Ok(outputs) => outputs,
                Err(DrillError::NoRound) => continue,
                Err(error) => return Err(error.into()),
            };
            if let Some(thread) = channel_of_key(place) {
                for output in &outputs {
                    for post in render::posts(output, &self.catalogue) {
                        thread.send_message(http, post.to_message()).await?;
                    }
                }
            }
        }
        tracing::info!(drill = drill.id, "drill ended");
        Ok(true)
    }
}
