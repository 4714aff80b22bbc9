//! `/settings instructor-role role:<role>`: which role makes a member an instructor here.

use poise::serenity_prelude as serenity;

use crate::discord::instructors::{self, ROLE_SETTING, guild_scope};
use crate::discord::post::Post;
use crate::discord::state::{Context, Error};
use crate::discord::text::escape;

/// This server's settings (Manage Server).
#[poise::command(slash_command, guild_only, subcommands("instructor_role"))]
pub async fn settings(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Make members with this role instructors in this server.
#[poise::command(slash_command, guild_only, rename = "instructor-role")]
async fn instructor_role(
    ctx: Context<'_>,
    #[description = "The instructors' role"] role: serenity::Role,
) -> Result<(), Error> {
    let guild = instructors::require_manager(ctx).await?;
    ctx.data()
        .engine
        .store()
        .set_setting(&guild_scope(guild), ROLE_SETTING, &role.id.to_string())
        .await?;
    let post = Post::text(ctx.data().catalogue.render(
        "discord.instructor_role_set",
        &[("role", &escape(&role.name))],
    ))
    .private();
    ctx.send(post.to_reply()).await?;
    Ok(())
}
