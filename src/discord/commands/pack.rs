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
use crate::prompts::Catalogue;
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
        Received::Problems { name, problems } => {
            return say(ctx, report(&ctx.data().catalogue, &name, &problems)).await;
        }
    };
    let scope = guild_scope(guild);
    if ctx.data().engine.is_bundled(&pack.id) {
        return Err(Notice::new(
            &ctx.data().catalogue,
            "pack.id_taken",
            &[("pack", &escape(&pack.id))],
        )
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
    let ready = ctx.data().catalogue.render(
        "pack.ready",
        &[("pack", &escape(&id)), ("title", &escape(&title))],
    );
    say(ctx, ready).await
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
            let mut report = ctx.data().catalogue.render(
                "pack.valid",
                &[
                    ("pack", &escape(&pack.id)),
                    ("sides", &pack.sides.len()),
                    ("positions", &pack.positions.len()),
                    ("arguments", &pack.arguments.len()),
                ],
            );
            if !warnings.is_empty() {
                report.push('\n');
                let budget = CONTENT_MAX - report.chars().count();
                report.push_str(&lines(&ctx.data().catalogue, &warnings, budget));
            }
            report
        }
        Received::Problems { name, problems } => report(&ctx.data().catalogue, &name, &problems),
    };
    say(ctx, report).await
}

/// List the packs usable in this server.
#[poise::command(slash_command, guild_only)]
async fn list(ctx: Context<'_>) -> Result<(), Error> {
    let guild = instructors::require(ctx).await?;
    let scope = guild_scope(guild);
    let engine = &ctx.data().engine;
    let catalogue = &ctx.data().catalogue;
    let default = engine.default_in(Some(&scope));
    let lines: Vec<String> = engine
        .packs_in(Some(&scope))
        .iter()
        .map(|pack| {
            let origin = if engine.is_bundled(&pack.id) {
                "pack.bundled"
            } else {
                "pack.uploaded"
            };
            let mark = if default.as_deref() == Some(pack.id.as_str()) {
                catalogue.render("pack.default_mark", &[])
            } else {
                String::new()
            };
            catalogue.render(
                "pack.list_line",
                &[
                    ("pack", &escape(&pack.id)),
                    ("title", &escape(&pack.title)),
                    ("origin", &catalogue.render(origin, &[])),
                    ("mark", &mark),
                ],
            )
        })
        .collect();
    let list = catalogue.render("pack.list", &[("packs", &lines.join("\n"))]);
    say(ctx, list).await
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
        "pack.removed"
    } else if data.engine.is_bundled(&pack) {
        "pack.bundled_stays"
    } else {
        "pack.not_uploaded"
    };
    let answer = data.catalogue.render(answer, &[("pack", &escape(&pack))]);
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
        return Err(Notice::new(
            &data.catalogue,
            "pack.not_here",
            &[("pack", &escape(&pack))],
        )
        .into());
    }
    data.engine
        .store()
        .set_setting(&scope, DEFAULT_SETTING, &pack)
        .await?;
    data.engine.set_default(&scope, Some(pack.clone()));
    let answer = data
        .catalogue
        .render("pack.default_set", &[("pack", &escape(&pack))]);
    say(ctx, answer).await
}

enum Received {
    Pack {
        files: UploadedFiles,
        pack: Box<Pack>,
        /// What `check` would warn about.
        warnings: Diagnostics,
    },
    /// What is wrong with the file called `name`.
    Problems { name: String, problems: Diagnostics },
}

/// Downloads (size-checked first) and validates an attachment as a pack.
async fn receive(ctx: Context<'_>, file: &serenity::Attachment) -> Result<Received, Error> {
    download::check_declared(&ctx.data().catalogue, file)?;
    ctx.defer_ephemeral().await?;
    let bytes = download::fetch(&ctx.data().downloads, &ctx.data().catalogue, file).await?;
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
        Err(problems) => {
            return Received::Problems {
                name: name.to_string(),
                problems,
            };
        }
    };
    let loaded = files.load();
    match loaded.pack {
        Some(pack) => Received::Pack {
            files,
            pack: Box::new(pack),
            warnings: loaded.diagnostics,
        },
        None => Received::Problems {
            name: name.to_string(),
            problems: loaded.diagnostics,
        },
    }
}

/// The problems, one `PATH:LINE:COLUMN: message` line each, within one message.
fn report(catalogue: &Catalogue, name: &str, problems: &Diagnostics) -> String {
    let head = catalogue.render(
        "pack.has_errors",
        &[
            ("file", &escape(name)),
            ("errors", &problems.error_count().max(1)),
        ],
    ) + "\n";
    let budget = CONTENT_MAX - head.chars().count();
    head + &lines(catalogue, problems, budget)
}

/// As many whole diagnostic lines as fit in `budget` characters, then how many were left out.
fn lines(catalogue: &Catalogue, problems: &Diagnostics, budget: usize) -> String {
    let all: Vec<String> = problems.iter().map(|d| escape(&d.to_string())).collect();
    let mut out = String::new();
    for (shown, line) in all.iter().enumerate() {
        let rest = all.len() - shown;
        let more = catalogue.render("pack.more_problems", &[("count", &rest)]);
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
