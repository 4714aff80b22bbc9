//! The one error handler. A student reads a specific, friendly notice when they can fix the
//! problem, and a short apology otherwise; the details go to the log, never to Discord.

use std::fmt;

use poise::FrameworkError;

use super::mentions::no_pings;
use super::state::{Context, Data, Error};

const APOLOGY: &str = "Sorry, something went wrong on my side. Please try again in a moment.";
/// For an option the bot could not read, whatever the reason.
const UNREADABLE_OPTION: &str =
    "I could not read one of the options; please check it and try again.";

/// A problem the student can fix (no round here, an unknown side, ...): shown as it is.
#[derive(Debug)]
pub struct Notice(pub String);

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Notice {}

pub async fn handle(error: FrameworkError<'_, Data, Error>) {
    match error {
        FrameworkError::Command { error, ctx, .. } => {
            let text = match error.downcast_ref::<Notice>() {
                Some(notice) => notice.0.clone(),
                None => {
                    tracing::error!(command = %ctx.command().qualified_name, "{error:#}");
                    APOLOGY.to_string()
                }
            };
            tell(ctx, text).await;
        }
        FrameworkError::ArgumentParse { error, ctx, .. } => {
            tracing::warn!(command = %ctx.command().qualified_name, "bad option: {error}");
            tell(ctx, UNREADABLE_OPTION.into()).await;
        }
        FrameworkError::CommandStructureMismatch {
            description, ctx, ..
        } => {
            tracing::warn!(command = %ctx.command().qualified_name, "option mismatch: {description}");
            tell(poise::Context::Application(ctx), UNREADABLE_OPTION.into()).await;
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
