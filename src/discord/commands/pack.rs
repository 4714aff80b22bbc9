//! `/pack upload|check|list|remove|default`: an instructor's own packs, in their server only.
//! An upload is checked exactly like `debate-drill check`, stored, then served at once; a pack
//! with errors changes nothing.

use std::sync::Arc;

use poise::serenity_prelude as serenity;

use crate::discord::download;
use crate::discord::errors::Notice;
use crate::discord::instructors::{self, guild_scope};
use crate::discord::post::Post;
use crate::discord::rounds::user_key;
use crate::discord::state::{Context, Error};
use crate::discord::text::{CONTENT_MAX, escape};
use crate::pack::{Pack, UploadedFiles, read_upload};
use crate::source::Diagnostics;

/// The settings key of a server's default pack.
pub const DEFAULT_SETTING: &str = "default_pack";

/// Manage this server's position packs (instructors).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("upload", "check", "list", "remove", "default")
)]
pub async fn pack(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Upload a pack (a single-file pack .toml, or a .zip of a pack folder) for this server.
#[poise::command(slash_command, guild_only)]
async fn upload(
    ctx: Context<'_>,
    #[description = "The pack: a .toml single-file pack or a .zip of a pack folder"]
    file: serenity::Attachment,
) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let (files, pack) = match receive(ctx, &file).await? {
        Received::Pack { files, pack, .. } => (files, pack),
        Received::Problems(report) => return say(ctx, report).await,
    };
    let scope = guild_scope(guild);
    if ctx.data().engine.is_bundled(&pack.id) {
        return Err(Notice(format!(
            "A bundled pack is already called `{}`; please give yours another id.",
            escape(&pack.id)
        ))
        .into());
    }
    let stored = serde_json::to_string(&files.files())?;
    let store = ctx.data().engine.store();
    store
        .save_scoped_pack(&scope, &pack.id, &stored, &user_key(ctx.author().id))
        .await?;
    let (id, title) = (pack.id.clone(), pack.title.clone());
    ctx.data().engine.install(&scope, Arc::from(pack));
    tracing::info!(%scope, pack = %id, "pack uploaded");
    say(
        ctx,
        format!(
            "Pack `{}` ({}) is ready in this server: start a drill with `/drill start pack:{}`.",
            escape(&id),
            escape(&title),
            escape(&id)
        ),
    )
    .await
}

/// Check a pack file without installing it: the same report as `debate-drill check`.
#[poise::command(slash_command, guild_only)]
async fn check(
    ctx: Context<'_>,
    #[description = "The pack: a .toml single-file pack or a .zip of a pack folder"]
    file: serenity::Attachment,
) -> Result<(), Error> {
    instructors::require(ctx).await?;
    let report = match receive(ctx, &file).await? {
        Received::Pack { pack, warnings, .. } => {
            let mut report = format!(
                "`{}` is a valid pack: {} sides, {} positions, {} arguments.",
                escape(&pack.id),
                pack.sides.len(),
                pack.positions.len(),
                pack.arguments.len()
            );
            if !warnings.is_empty() {
                report.push('\n');
                report.push_str(&lines(&warnings, CONTENT_MAX - report.chars().count()));
            }
            report
        }
        Received::Problems(report) => report,
    };
    say(ctx, report).await
}

/// List the packs usable in this server.
#[poise::command(slash_command, guild_only)]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let scope = guild_scope(guild);
    let engine = &ctx.data().engine;
    let default = engine.default_in(Some(&scope));
    let lines: Vec<String> = engine
        .packs_in(Some(&scope))
        .iter()
        .map(|pack| {
            let origin = if engine.is_bundled(&pack.id) {
                "bundled"
            } else {
                "uploaded"
            };
            let mark = if default.as_deref() == Some(pack.id.as_str()) {
                " · default here"
            } else {
                ""
            };
            format!(
                "• `{}` — {} ({origin}{mark})",
                escape(&pack.id),
                escape(&pack.title)
            )
        })
        .collect();
    say(ctx, format!("Packs in this server:\n{}", lines.join("\n"))).await
}

/// Remove a pack uploaded to this server.
#[poise::command(slash_command, guild_only)]
async fn remove(
    ctx: Context<'_>,
    #[description = "The id of an uploaded pack"] pack: String,
) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let scope = guild_scope(guild);
    let data = ctx.data();
    let removed = data
        .engine
        .store()
        .remove_scoped_pack(&scope, &pack)
        .await?;
    data.engine.uninstall(&scope, &pack);
    if data.engine.default_in(Some(&scope)).is_none() {
        data.engine
            .store()
            .remove_setting(&scope, DEFAULT_SETTING)
            .await?;
    }
    let answer = if removed {
        format!("Pack `{}` was removed from this server.", escape(&pack))
    } else if data.engine.is_bundled(&pack) {
        format!(
            "`{}` is a bundled pack; it cannot be removed.",
            escape(&pack)
        )
    } else {
        format!("No pack `{}` was uploaded to this server.", escape(&pack))
    };
    say(ctx, answer).await
}

/// Choose the pack this server uses when none is named.
#[poise::command(slash_command, guild_only)]
async fn default(
    ctx: Context<'_>,
    #[description = "The id of a pack usable in this server"] pack: String,
) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let scope = guild_scope(guild);
    let data = ctx.data();
    if !data
        .engine
        .packs_in(Some(&scope))
        .iter()
        .any(|p| p.id == pack)
    {
        return Err(Notice(format!(
            "No pack `{}` here; `/pack list` shows the ones there are.",
            escape(&pack)
        ))
        .into());
    }
    data.engine
        .store()
        .set_setting(&scope, DEFAULT_SETTING, &pack)
        .await?;
    data.engine.set_default(&scope, Some(pack.clone()));
    say(
        ctx,
        format!("`{}` is now this server's default pack.", escape(&pack)),
    )
    .await
}

enum Received {
    Pack {
        files: UploadedFiles,
        pack: Box<Pack>,
        /// What `check` would warn about.
        warnings: Diagnostics,
    },
    /// What is wrong, ready to show.
    Problems(String),
}

/// Downloads (size-checked first) and validates an attachment as a pack.
async fn receive(ctx: Context<'_>, file: &serenity::Attachment) -> Result<Received, Error> {
    download::check_declared(file)?;
    ctx.defer_ephemeral().await?;
    let bytes = download::fetch(&ctx.data().downloads, file).await?;
    let name = file.filename.clone();
    match ctx
        .data()
        .validations
        .run(bytes.len(), move || validate(&name, bytes))
        .await?
    {
        Some(received) => Ok(received),
        None => Err(Notice(ctx.data().catalogue.render("upload.too_slow", &[])).into()),
    }
}

fn validate(name: &str, bytes: Vec<u8>) -> Received {
    let files = match read_upload(name, bytes) {
        Ok(files) => files,
        Err(problems) => return Received::Problems(report(name, &problems)),
    };
    let loaded = files.load();
    match loaded.pack {
        Some(pack) => Received::Pack {
            files,
            pack: Box::new(pack),
            warnings: loaded.diagnostics,
        },
        None => Received::Problems(report(name, &loaded.diagnostics)),
    }
}

/// The problems, one `PATH:LINE:COLUMN: message` line each, within one message.
fn report(name: &str, problems: &Diagnostics) -> String {
    let head = format!(
        "`{}` has {} error(s); nothing was changed.\n",
        escape(name),
        problems.error_count().max(1)
    );
    let budget = CONTENT_MAX - head.chars().count();
    head + &lines(problems, budget)
}

/// As many whole diagnostic lines as fit in `budget` characters, then how many were left out.
fn lines(problems: &Diagnostics, budget: usize) -> String {
    let all: Vec<String> = problems.iter().map(|d| escape(&d.to_string())).collect();
    let mut out = String::new();
    for (shown, line) in all.iter().enumerate() {
        let rest = all.len() - shown;
        let more = format!("… and {rest} more (run `debate-drill check` for all)");
        if out.chars().count() + line.chars().count() + more.chars().count() + 2 > budget {
            out.push_str(&more);
            return out;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

async fn say(ctx: Context<'_>, text: String) -> Result<(), Error> {
    ctx.send(Post::text(text).private().to_reply()).await?;
    Ok(())
}
