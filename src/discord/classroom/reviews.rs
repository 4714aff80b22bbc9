//! Review reminders on the classroom's clock: every student who asked for them (`/review
//! remind:on`) and has review cards due gets a DM saying so, at most once a day. Each reminder is
//! claimed in the store before it is sent, so a restart or a second process never sends another
//! the same day.

use poise::serenity_prelude as serenity;

use super::Classroom;
use crate::discord::commands::review::{REMIND_SETTING, user_of_scope, user_scope};
use crate::discord::post::Post;
use crate::discord::rounds::user_of_key;
use crate::discord::state::Error;

/// At most one reminder per student in this long.
const REMINDER_PERIOD_MS: i64 = 24 * 60 * 60 * 1000;
/// The store key that records a student's last reminder.
const REMINDED: &str = "review_reminded";

impl Classroom {
    /// Reminds, by DM, every student who asked to be and has cards due.
    pub(super) async fn remind_reviews(&self, http: &serenity::Http) {
        let store = self.engine.store();
        let opted_in = match store.settings_named(REMIND_SETTING).await {
            Ok(settings) => settings,
            Err(error) => {
                tracing::error!("could not look for review reminders: {error}");
                return;
            }
        };
        for (scope, _) in opted_in {
            let Some(user) = user_of_scope(&scope) else {
                continue;
            };
            if let Err(error) = self.remind_one(http, user).await {
                tracing::error!(%user, "could not send a review reminder: {error:#}");
            }
        }
    }

    async fn remind_one(&self, http: &serenity::Http, user: &str) -> Result<(), Error> {
        let Some(user_id) = user_of_key(user) else {
            return Ok(());
        };
        let due = self.engine.due_reviews(user).await?.due.len();
        if due == 0
            || !self
                .engine
                .store()
                .claim_periodic(&user_scope(user), REMINDED, REMINDER_PERIOD_MS)
                .await?
        {
            return Ok(());
        }
        let reminder = self.catalogue.render("review.reminder", &[("count", &due)]);
        let channel = user_id.create_dm_channel(http).await?;
        channel
            .send_message(http, Post::text(reminder).to_message())
            .await?;
        Ok(())
    }
}
