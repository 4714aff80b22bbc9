//! `/drill start|join|begin|end|export` and `/leaderboard [drill]`: the classroom drill of the
//! channel they are run in. All but `join` and `/leaderboard` are for instructors.

use poise::serenity_prelude as serenity;

use crate::chart;

use crate::discord::classroom::{Mode, Opening, Student};
use crate::discord::errors::Notice;
use crate::discord::instructors;
use crate::discord::post::Post;
use crate::discord::state::{Context, Error};

/// Classroom drills in this channel.
#[poise::command(
    slash_command,
    guild_only,
    subcommands("start", "join", "begin", "end", "export")
)]
pub async fn drill(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Open a drill in this channel; students join with the button or /drill join (instructors).
#[poise::command(slash_command, guild_only)]
async fn start(
    ctx: Context<'_>,
    #[description = "The pack to drill on"] pack: String,
    #[description = "Turns each student gets"]
    #[min = 1]
    #[max = 50]
    rounds: Option<u32>,
    #[description = "Minutes until the drill ends by itself"]
    #[min = 1]
    #[max = 240]
    minutes: Option<u32>,
    #[description = "solo: a thread per student; versus: a thread per pair of opposing students"]
    mode: Option<Mode>,
    #[description = "Minutes until the drill begins by itself (default: at /drill begin)"]
    #[min = 1]
    #[max = 1440]
    begin_in: Option<u32>,
) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let post = ctx
        .data()
        .classroom()
        .open(Opening {
            guild,
            channel: ctx.channel_id(),
            instructor: ctx.author().id,
            pack,
            rounds,
            minutes,
            mode: mode.unwrap_or(Mode::Solo),
            begin_in,
        })
        .await?;
    ctx.send(post.to_reply()).await?;
    Ok(())
}

/// Join this channel's drill.
#[poise::command(slash_command, guild_only)]
async fn join(ctx: Context<'_>) -> Result<(), Error> {
    ctx.defer_ephemeral().await?;
    let name = match ctx.author_member().await {
        Some(member) => member.display_name().to_string(),
        None => ctx.author().display_name().to_string(),
    };
    let student = Student {
        user: ctx.author().id,
        name,
    };
    let answer = ctx
        .data()
        .classroom()
        .join(ctx.http(), ctx.channel_id(), student)
        .await?;
    ctx.send(Post::text(answer).private().to_reply()).await?;
    Ok(())
}

/// Give sides and open a private thread for every student who joined (instructors).
#[poise::command(slash_command, guild_only)]
async fn begin(ctx: Context<'_>) -> Result<(), Error> {
    instructors::require(ctx).await?;
    ctx.defer().await?;
    let answer = ctx
        .data()
        .classroom()
        .begin(ctx.http(), ctx.channel_id())
        .await?;
    ctx.send(Post::text(answer).to_reply()).await?;
    Ok(())
}

/// End this channel's drill now and post the leaderboard (instructors).
#[poise::command(slash_command, guild_only)]
async fn end(ctx: Context<'_>) -> Result<(), Error> {
    instructors::require(ctx).await?;
    ctx.defer().await?;
    let post = ctx
        .data()
        .classroom()
        .end_in(ctx.http(), ctx.channel_id())
        .await?;
    ctx.send(post.to_reply()).await?;
    Ok(())
}

/// The results of this channel's latest drill as a CSV file and a class chart (instructors).
#[poise::command(slash_command, guild_only)]
async fn export(ctx: Context<'_>) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    ctx.defer_ephemeral().await?;
    let classroom = ctx.data().classroom();
    let drill = classroom.find(guild, ctx.channel_id(), None).await?;
    let csv = classroom.csv(&drill).await?;
    let progress = ctx.data().engine.drill_progress(drill.id).await?;
    let chart = chart::progress_png(&progress, chart::Whose::Class, &ctx.data().catalogue)?;
    let reply = Post::text(
        ctx.data()
            .catalogue
            .render("drill.export", &[("drill", &drill.id)]),
    )
    .private()
    .to_reply()
    .attachment(serenity::CreateAttachment::bytes(
        csv,
        format!("drill-{}.csv", drill.id),
    ))
    .attachment(serenity::CreateAttachment::bytes(
        chart,
        format!("drill-{}.png", drill.id),
    ));
    ctx.send(reply).await?;
    Ok(())
}

/// The class leaderboard: a drill's, or this channel's latest.
#[poise::command(slash_command, guild_only)]
pub async fn leaderboard(
    ctx: Context<'_>,
    #[description = "The drill number (default: this channel's latest)"] drill: Option<i64>,
) -> Result<(), Error> {
    let Some(guild) = ctx.guild_id() else {
        return Err(Notice::new(&ctx.data().catalogue, "discord.server_only", &[]).into());
    };
    ctx.defer().await?;
    let classroom = ctx.data().classroom();
    let drill = classroom.find(guild, ctx.channel_id(), drill).await?;
    let post = classroom.leaderboard(&drill).await?;
    ctx.send(post.to_reply()).await?;
    Ok(())
}

/// The Join button under a drill card.
pub async fn join_clicked(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &crate::discord::state::Data,
) -> Result<Post, Error> {
    let name = match &click.member {
        Some(member) => member.display_name(),
        None => click.user.display_name(),
    };
    let student = Student {
        user: click.user.id,
        name: name.to_string(),
    };
    let answer = data
        .classroom()
        .join(&ctx.http, click.channel_id, student)
        .await;
    match answer {
        Ok(text) => Ok(Post::text(text).private()),
        Err(error) => match error.downcast_ref::<Notice>() {
            Some(notice) => Ok(Post::text(notice.0.clone()).private()),
            None => Err(error),
        },
    }
}
