//! The one error handler. A student reads a specific, friendly notice when they can fix the
//! problem, and a short apology otherwise; the details go to the log, never to Discord.

use std::fmt;

use poise::FrameworkError;

use super::mentions::no_pings;
use super::state::{Context, Data, Error};
use crate::prompts::Catalogue;

/// A problem the student can fix (no round here, an unknown side, ...): shown as it is.
#[derive(Debug)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Notice {}

impl Notice {
    /// A notice from the message catalogue.
    pub fn new(
        catalogue: &Catalogue,
        key: &str,
        values: &[(&str, &dyn std::fmt::Display)],
    ) -> Notice {
        Notice(catalogue.render(key, values))
    }
}

pub async fn handle(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => {
            let text = match error.downcast_ref::<Notice>() {
                Some(notice) => notice.0.clone(),
                None => {
                    tracing::error!(command = %ctx.command().qualified_name, "{error:#}");
                    ctx.data().catalogue.render("discord.apology", &[])
                }
            };
            tell(ctx, text).await;
        }
        FrameworkError::ArgumentParse { error, ctx, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, "bad option: {error}");
            tell(ctx, unreadable(&ctx.data().catalogue)).await;
        }
        FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(command = %ctx.command().qualified_name, "option mismatch: {description}");
            let ctx = poise::Context::Application(ctx);
            tell(ctx, unreadable(&ctx.data().catalogue)).await;
        }
        FrameworkError::Setup { error, .. } => {
            tracing::error!("setup after READY failed: {error:#}");
        }
        FrameworkError::EventHandler { error, event, .. } => {
            tracing::error!(event = event.snake_case_name(), "{error:#}");
        }
        other => {
            if let Err(error) = poise::builtins::on_error(other).await {
                tracing::error!("could not report an error: {error}");
            }
        }
    }
}

/// For an option the bot could not read, whatever the reason.
fn unreadable(catalogue: &Catalogue) -> String {
    catalogue.render("discord.unreadable_option", &[])
}

/// Answers the command privately; a failure to answer can only be logged.
async fn tell(ctx: Context<'_>, text: String) {
    let reply = poise::CreateReply::default()
        .content(text)
        .ephemeral(true)
        .allowed_mentions(no_pings());
    if let Err(error) = ctx.send(reply).await {
        tracing::error!("could not send an error notice: {error}");
    }
}
