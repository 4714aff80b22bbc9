//! `/progress`: the caller's progress as an image, privately: their round totals over time,
//! what they earn on average in each category, and the counters they drop most.

use poise::serenity_prelude as serenity;

use crate::chart;
use crate::discord::post::Post;
use crate::discord::rounds::{refusal, user_key};
use crate::discord::state::{Context, Error};

/// Discord's limit on one attachment for a bot without boosts; the chart stays far under it.
const ATTACHMENT_MAX: usize = 8 * 1024 * 1024;

/// Your progress over your rounds, as a chart (private).
#[poise::command(slash_command)]
pub async fn progress(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer_ephemeral().await?;
    let data = ctx.data();
    let progress = data
        .engine
        .progress(&user_key(ctx.author().id))
        .await
        .map_err(|error| refusal(data, error))?;
    let png = chart::progress_png(&progress, chart::Whose::Student, &data.catalogue)?;
    if png.len() > ATTACHMENT_MAX {
        anyhow::bail!(
            "the progress chart is {} bytes, over the attachment limit",
            png.len()
        );
    }
    let text = data.catalogue.render(
        "chart.posted",
        &[
            ("rounds", &progress.totals.len()),
            ("dropped", &progress.most_dropped.len()),
        ],
    );
    let reply = Post::text(text)
        .private()
        .to_reply()
        .attachment(serenity::CreateAttachment::bytes(png, "progress.png"));
    ctx.send(reply).await?;
    Ok(())
}
