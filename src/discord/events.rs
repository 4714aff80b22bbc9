//! Gateway events besides slash commands: plain messages that are turns, and button clicks.

use poise::serenity_prelude as serenity;

use super::buttons::Button;
use super::card::Card;
use super::commands::{forget_user, join_clicked};
use super::errors::Notice;
use super::instructors::guild_scope;
use super::post::Post;
use super::render;
use super::rounds;
use super::state::{Data, Error};
use super::text::escape;
use super::typing::SlowReplyTyping;
use crate::drill::{Command, DrillError};

pub async fn handle(
    ctx: &serenity::Context,
    event: &serenity::FullEvent,
    data: &Data,
) -> Result<(), Error> {
    match event {
        serenity::FullEvent::Message { new_message } => message(ctx, new_message, data).await,
        serenity::FullEvent::InteractionCreate {
            interaction: serenity::Interaction::Component(click),
        } => clicked(ctx, click, data).await,
        _ => Ok(()),
    }
}

/// A message in a DM or thread is a turn when its author has a round there; anything else
/// (the bot's own posts, other people in someone else's thread) is left alone.
async fn message(
    ctx: &serenity::Context,
    message: &serenity::Message,
    data: &Data,
) -> Result<(), Error> {
    if message.author.bot || message.content.trim().is_empty() {
        return Ok(());
    }
    let typing = SlowReplyTyping::start(&ctx.http, message.channel_id);
    let command = Command::Say {
        text: message.content.clone(),
        source_id: Some(message.id.to_string()),
    };
    let outputs = match rounds::handle(data, message.author.id, message.channel_id, command).await {
        Ok(outputs) => outputs,
        Err(DrillError::NoRound) => return Ok(()),
        Err(error) => {
            drop(typing);
            let refusal = rounds::refusal(data, error);
            let Some(notice) = refusal.downcast_ref::<Notice>() else {
                return Err(refusal);
            };
            let post = Post::text(notice.0.clone());
            message
                .channel_id
                .send_message(&ctx.http, post.to_message())
                .await?;
            return Ok(());
        }
    };
    drop(typing);
    for post in outputs
        .iter()
        .flat_map(|output| render::posts(output, &data.catalogue))
    {
        message
            .channel_id
            .send_message(&ctx.http, post.to_message())
            .await?;
    }
    Ok(())
}

async fn clicked(
    ctx: &serenity::Context,
    click: &serenity::ComponentInteraction,
    data: &Data,
) -> Result<(), Error> {
    let Some(button) = Button::parse(&click.data.custom_id) else {
        return Ok(());
    };
    if button == Button::NextCounter {
        // A counter belongs to the round's conversation, like a turn's: posted for good, not
        // only for the clicker's eyes. Refusals still go to the clicker alone.
        click.defer(&ctx.http).await?;
    } else {
        click.defer_ephemeral(&ctx.http).await?;
    }
    let posts = match button {
        Button::ShowSource(argument) => source(data, click.guild_id, &argument),
        Button::NextCounter => run(data, click, Command::NextCounter).await?,
        Button::Hint => run(data, click, Command::Hint).await?,
        Button::End => run(data, click, Command::End).await?,
        Button::ForgetMe(user) if user == click.user.id => {
            vec![Post::text(forget_user(data, user).await?).private()]
        }
        Button::JoinDrill(_) => vec![join_clicked(ctx, click, data).await?],
        Button::CounterHint { opponent, argument } if opponent == click.user.id => {
            run(data, click, Command::CounterHint { argument }).await?
        }
        Button::CounterHint { .. } => {
            vec![Post::text(data.catalogue.render("discord.hint_for_opponent", &[])).private()]
        }
        Button::ForgetMe(_) => {
            vec![
                Post::text(
                    data.catalogue
                        .render("discord.button_for_someone_else", &[]),
                )
                .private(),
            ]
        }
    };
    for post in posts {
        click
            .create_followup(&ctx.http, post.to_interaction_response())
            .await?;
    }
    Ok(())
}

async fn run(
    data: &Data,
    click: &serenity::ComponentInteraction,
    command: Command,
) -> Result<Vec<Post>, Error> {
    match rounds::run(data, click.user.id, click.channel_id, command).await {
        Ok(outputs) => Ok(outputs
            .iter()
            .flat_map(|o| render::posts(o, &data.catalogue))
            .collect()),
        Err(error) => match error.downcast_ref::<Notice>() {
            Some(notice) => Ok(vec![Post::text(notice.0.clone()).private()]),
            None => Err(error),
        },
    }
}

/// An argument's quote and source, looked up by id in the served packs.
fn source(data: &Data, guild: Option<serenity::GuildId>, argument_id: &str) -> Vec<Post> {
    let scope = guild.map(guild_scope);
    let packs = data.engine.packs_in(scope.as_deref());
    let found = packs.iter().find_map(|pack| {
        let argument = pack.arguments.iter().find(|a| a.id == argument_id)?;
        Some((argument, pack.position_of(argument)))
    });
    match found {
        Some((argument, position)) => {
            let card = Card::new(
                escape(&position.author),
                format!("“{}”", escape(&argument.quote)),
            )
            .field(
                data.catalogue.render("card.source", &[]),
                escape(&position.source),
            )
            .field(
                data.catalogue.render("card.claim", &[]),
                escape(&argument.claim),
            );
            card.posts(&data.catalogue)
                .into_iter()
                .map(Post::private)
                .collect()
        }
        None => vec![Post::text(data.catalogue.render("discord.argument_gone", &[])).private()],
    }
}
