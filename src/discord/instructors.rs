//! Who may run the teacher's commands: a member with Manage Server (as the interaction reports
//! their permissions), or with the server's instructor role (`/settings instructor-role`), or
//! with a role named like the configured `discord.instructor_role`. One check for every
//! instructor command.

use poise::serenity_prelude as serenity;

use super::errors::Notice;
use super::state::{Context, Error};

/// The settings key of a server's instructor role (a role id).
pub const ROLE_SETTING: &str = "instructor_role";

/// The settings scope of a server.
pub fn guild_scope(guild: serenity::GuildId) -> String {
    format!("guild:{guild}")
}

/// Refuses, with a friendly notice, anyone who is not an instructor in this server.
pub async fn require(ctx: Context<'_>) -> Result<serenity::GuildId, Error> {
    let Some(guild) = ctx.guild_id() else {
        return Err(Notice::new(&ctx.data().catalogue, "discord.server_only", &[]).into());
    };
    if is_instructor(ctx, guild).await? {
        Ok(guild)
    } else {
        Err(Notice::new(&ctx.data().catalogue, "discord.instructors_only", &[]).into())
    }
}

/// Refuses anyone without Manage Server (for the settings that decide who instructs).
pub async fn require_manager(ctx: Context<'_>) -> Result<serenity::GuildId, Error> {
    let Some(guild) = ctx.guild_id() else {
        return Err(Notice::new(&ctx.data().catalogue, "discord.server_only", &[]).into());
    };
    let member = ctx.author_member().await;
    if member.as_deref().is_some_and(manages) {
        Ok(guild)
    } else {
        Err(Notice::new(&ctx.data().catalogue, "discord.managers_only", &[]).into())
    }
}

async fn is_instructor(ctx: Context<'_>, guild: serenity::GuildId) -> Result<bool, Error> {
    let Some(member) = ctx.author_member().await else {
        return Ok(false);
    };
    if manages(&member) {
        return Ok(true);
    }
    let store = ctx.data().engine.store();
    if let Some(role) = store.setting(&guild_scope(guild), ROLE_SETTING).await?
        && member.roles.iter().any(|r| r.to_string() == role)
    {
        return Ok(true);
    }
    let Some(wanted) = ctx.data().instructor_role.as_deref() else {
        return Ok(false);
    };
    if member.roles.is_empty() {
        return Ok(false);
    }
    let roles = guild.roles(ctx).await?;
    Ok(member.roles.iter().any(|id| {
        roles
            .get(id)
            .is_some_and(|role| role.name.eq_ignore_ascii_case(wanted))
    }))
}

/// Manage Server (or Administrator), as the interaction's member permissions say.
fn manages(member: &serenity::Member) -> bool {
    member
        .permissions
        .is_some_and(|p| p.manage_guild() || p.administrator())
}
