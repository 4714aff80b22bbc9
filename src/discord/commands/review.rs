//! `/review [answer] [remind]`: the caller's due review cards (counters they dropped or
//! answered weakly), one at a time and privately. Without `answer` it shows the first card due;
//! with it, it scores the answer against that card, reschedules it and shows the next. `remind`
//! turns daily DM reminders on or off (posted by the classroom clock, `classroom/reviews.rs`).

use crate::discord::post::Post;
use crate::discord::render;
use crate::discord::rounds::{refusal, user_key};
use crate::discord::state::{Context, Error};

use super::word_options::Reminding;

/// The setting, per user, that asks for review reminders.
pub const REMIND_SETTING: &str = "review_remind";

/// The settings scope of one user.
pub fn user_scope(user_key: &str) -> String {
    format!("{USER_SCOPE_PREFIX}{user_key}")
}

/// The user a settings scope belongs to: [`user_scope`] undone; `None` for any other scope.
pub fn user_of_scope(scope: &str) -> Option<&str> {
    scope.strip_prefix(USER_SCOPE_PREFIX)
}

const USER_SCOPE_PREFIX: &str = "user:";

/// Your review cards: counters you dropped, to answer again (private).
#[poise::command(slash_command)]
pub async fn review(
    ctx: Context<'_>,
    #[description = "Your answer to the card shown"] answer: Option<String>,
    #[description = "Remind me in a DM when cards are due (at most daily)"] remind: Option<
        Reminding,
    >,
) -> Result<(), Error> {
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let catalogue = &data.catalogue;
    let user = user_key(ctx.author().id);
    let mut posts = Vec::new();
    if let Some(remind) = remind {
        let store = data.engine.store();
        match remind {
            Reminding::On => {
                store
                    .set_setting(&user_scope(&user), REMIND_SETTING, "on")
                    .await?
            }
            Reminding::Off => {
                store
                    .remove_setting(&user_scope(&user), REMIND_SETTING)
                    .await?;
            }
        }
        posts.push(Post::text(catalogue.render(
            match remind {
                Reminding::On => "review.remind_on",
                Reminding::Off => "review.remind_off",
            },
            &[],
        )));
    }
    if let Some(answer) = answer {
        let reviewed = data
            .engine
            .review(&user, &answer)
            .await
            .map_err(|error| refusal(data, error))?;
        posts.push(render::reviewed(
            &reviewed,
            data.engine.store().now(),
            catalogue,
        ));
    }
    let reviews = data
        .engine
        .due_reviews(&user)
        .await
        .map_err(|error| refusal(data, error))?;
    match reviews.due.first() {
        Some(card) => posts.extend(render::review_card(card, reviews.due.len(), catalogue)),
        None => posts.push(Post::text(render::no_review_due(
            &reviews,
            data.engine.store().now(),
            catalogue,
        ))),
    }
    for post in posts {
        ctx.send(post.private().to_reply()).await?;
    }
    Ok(())
}
