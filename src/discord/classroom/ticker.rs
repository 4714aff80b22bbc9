//! The classroom's clock. Every tick it begins the drills whose start time has come, ends the
//! drills whose time is up (scorecards in the threads, the leaderboard in the channel), and
//! posts the reminders of timed drills still running. It acts only on what the store holds,
//! so after a restart it carries on where it stopped. Each piece of work is claimed in the
//! store before it is done (a begin, an end, a reminder), so that when several processes share
//! the store and all tick, exactly one does it and none posts twice.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use poise::serenity_prelude as serenity;

use super::Classroom;
use crate::discord::errors::Notice;
use crate::discord::post::Post;
use crate::discord::rounds::channel_of_key;
use crate::discord::state::Error;
use crate::drill::Reminder;
use crate::store::now_ms;
use crate::store::{DrillRecord, StoreError};

/// How often the clock looks for students to remind of their review cards.
const REVIEW_REMINDERS_EVERY: Duration = Duration::from_secs(60);

impl Classroom {
    /// Runs until the process ends. Review reminders are looked for once a minute (the first
    /// time at the first tick): they go out at most daily.
    pub async fn tick(self, http: Arc<serenity::Http>) {
        let mut reviews_looked_at: Option<Instant> = None;
        loop {
            tokio::time::sleep(self.tick).await;
            let now = now_ms();
            self.begin_scheduled(&http, now).await;
            self.end_due(&http, now).await;
            self.remind(&http, now).await;
            if reviews_looked_at.is_none_or(|at| at.elapsed() >= REVIEW_REMINDERS_EVERY) {
                self.remind_reviews(&http).await;
                reviews_looked_at = Some(Instant::now());
            }
        }
    }

    /// Begins every scheduled drill whose time has come, announcing it in its channel. Each is
    /// claimed in the store first, so that of several processes sharing it exactly one begins
    /// it and the others say nothing. One that cannot begin (nobody joined) stays off the
    /// schedule, and the channel is told why.
    async fn begin_scheduled(&self, http: &serenity::Http, now: i64) {
        let drills = listed("drills to begin", self.engine.store().drills_to_begin(now)).await;
        for drill in drills {
            match self.engine.store().claim_scheduled_begin(drill.id).await {
                Ok(true) => {}
                Ok(false) => continue,
                Err(error) => {
                    tracing::error!(drill = drill.id, "could not claim a drill's begin: {error}");
                    continue;
                }
            }
            let announcement = match self.begin_drill(http, drill.clone()).await {
                Ok(announcement) => Ok(announcement),
                Err(error) => match error.downcast::<Notice>() {
                    Ok(Notice(why)) => Ok(self.catalogue.render(
                        "drill.could_not_begin",
                        &[("drill", &drill.id), ("why", &why)],
                    )),
                    Err(error) => Err(error),
                },
            };
            let posted = match announcement {
                Ok(text) => self.post_in_channel(http, &drill, Post::text(text)).await,
                Err(error) => Err(error),
            };
            if let Err(error) = posted {
                tracing::error!(
                    drill = drill.id,
                    "could not begin a drill on time: {error:#}"
                );
            }
        }
    }

    /// Ends every drill whose time is up and posts its leaderboard in its channel.
    async fn end_due(&self, http: &serenity::Http, now: i64) {
        let due = listed(
            "drills whose time is up",
            self.engine.store().drills_due(now),
        )
        .await;
        for drill in due {
            let ended = match self.finish(http, &drill).await {
                Ok(true) => match self.final_leaderboard(drill.clone()).await {
                    Ok(board) => self.post_in_channel(http, &drill, board).await,
                    Err(error) => Err(error),
                },
                Ok(false) => Ok(()),
                Err(error) => Err(error),
            };
            if let Err(error) = ended {
                tracing::error!(drill = drill.id, "could not end a drill on time: {error:#}");
            }
        }
    }

    /// Posts, in every thread of each running timed drill, the reminder that has just come
    /// due, unless it was posted before.
    async fn remind(&self, http: &serenity::Http, now: i64) {
        let running = listed(
            "timed drills running",
            self.engine.store().timed_drills_running(now),
        )
        .await;
        for drill in running {
            let (Some(begun), Some(deadline)) = (drill.begun_ms, drill.deadline_ms) else {
                continue;
            };
            let Some(reminder) = Reminder::latest_due(begun, deadline, now) else {
                continue;
            };
            let reminded = match self
                .engine
                .store()
                .claim_reminder(drill.id, reminder.name())
                .await
            {
                Ok(true) => {
                    self.post_in_threads(http, &drill, reminder, deadline - now)
                        .await
                }
                Ok(false) => Ok(()),
                Err(error) => Err(error.into()),
            };
            if let Err(error) = reminded {
                tracing::error!(drill = drill.id, "could not post a reminder: {error:#}");
            }
        }
    }

    async fn post_in_threads(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        reminder: Reminder,
        left_ms: i64,
    ) -> Result<(), Error> {
        let text = match reminder {
            Reminder::Halfway => self.catalogue.render(
                "drill.reminder_halfway",
                &[
                    ("drill", &drill.id),
                    ("minutes", &((left_ms + 59_999) / 60_000)),
                ],
            ),
            Reminder::LastMinute => self
                .catalogue
                .render("drill.reminder_last_minute", &[("drill", &drill.id)]),
        };
        let members = self.engine.store().drill_members(drill.id).await?;
        let threads: BTreeSet<&str> = members
            .iter()
            .filter_map(|member| member.place_key.as_deref())
            .collect();
        for thread in threads.into_iter().filter_map(channel_of_key) {
            thread
                .send_message(http, Post::text(text.clone()).to_message())
                .await?;
        }
        Ok(())
    }

    async fn post_in_channel(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        post: Post,
    ) -> Result<(), Error> {
        if let Some(channel) = channel_of_key(&drill.channel_key) {
            channel.send_message(http, post.to_message()).await?;
        }
        Ok(())
    }
}

/// The drills a store query lists; none when it fails (logged: the next tick asks again).
async fn listed(
    what: &str,
    query: impl Future<Output = Result<Vec<DrillRecord>, StoreError>>,
) -> Vec<DrillRecord> {
    query.await.unwrap_or_else(|error| {
        tracing::error!("could not look for {what}: {error}");
        Vec::new()
    })
}
