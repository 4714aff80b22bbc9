//! Building the serenity client from the config and running it until SIGINT or SIGTERM.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context as _;
use poise::serenity_prelude as serenity;

use super::framework;
use super::mentions::no_pings;
use super::pack_sync::PackSync;
use super::reload;
use super::shutdown;
use super::state::Data;
use crate::config::{Config, redact_password};
use crate::drill::Engine;
use crate::pack::{Pack, load_library};
use crate::prompts::Catalogue;
use crate::store::Store;

/// Discord's own REST origin: only there does serenity's built-in rate limiter run.
const DISCORD_API_BASE: &str = "https://discord.com";
/// How long a shutdown waits for replies still being worked on.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(8);

/// Runs the bot until a signal asks it to stop; in-flight work is finished first.
pub async fn serve(config: &Config, token: &str) -> anyhow::Result<()> {
    let (data, pack_sync) = load(config).await?;
    tokio::spawn(pack_sync.follow(Arc::clone(&data.engine)));
    if config.packs.hot_reload {
        tokio::spawn(reload::watch(
            config.packs.dir.clone(),
            Arc::clone(&data.engine),
        ));
    }
    let inflight = data.inflight();
    let shard_range = config
        .discord
        .shard_range()
        .map_err(|problem| anyhow::anyhow!(problem))?;
    // Only one process registers the commands: the one Discord's DMs reach.
    let registers_commands = shard_range.is_none_or(|range| range.holds_shard_zero());
    let mut client =
        serenity::ClientBuilder::new_with_http(http(token, &config.discord.api_base), intents())
            .framework(framework::build(data, registers_commands))
            .await
            .context("could not build the Discord client")?;

    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        let signal = shutdown::signalled().await;
        tracing::info!("{signal} received: finishing in-flight work");
        inflight.drained(DRAIN_TIMEOUT).await;
        shards.shutdown_all().await;
    });

    // Asks `GET /gateway/bot` for the gateway address (and, autosharded, the shard count), as
    // the contract says.
    let started = match shard_range {
        Some(range) => {
            tracing::info!(
                first = range.first,
                last = range.last,
                total = range.total,
                "running a shard range"
            );
            // serenity's range end is included: `first..last` starts shards first to last.
            client
                .start_shard_range(range.first..range.last, range.total)
                .await
        }
        None => client.start_autosharded().await,
    };
    started.context("the Discord gateway connection failed")?;
    tracing::info!("gateway closed; bye");
    Ok(())
}

/// The engine over the configured packs, database and message catalogue, with what it serves
/// of the stored packs.
async fn load(config: &Config) -> anyhow::Result<(Data, PackSync)> {
    let (packs, diagnostics) = load_library(&config.packs.dir);
    if diagnostics.has_errors() {
        anyhow::bail!(
            "the packs in {} have errors (run `debate-drill check {}`)",
            config.packs.dir.display(),
            config.packs.dir.display()
        );
    }
    let packs: Vec<Arc<Pack>> = packs.into_iter().map(Arc::new).collect();
    let catalogue = if config.prompts.dir.is_dir() {
        Catalogue::load(&config.prompts.dir, &config.prompts.language).map_err(|_| {
            anyhow::anyhow!(
                "the prompts in {} have errors",
                config.prompts.dir.display()
            )
        })?
    } else {
        Catalogue::builtin()
    };
    let store = Store::open(&config.database.url).await.with_context(|| {
        format!(
            "could not open the database {}",
            redact_password(&config.database.url)
        )
    })?;
    keep_retention(store.clone(), config.database.retention_days).await?;
    let engine = Engine::new(&packs, store, config);
    // The packs instructors uploaded, each served in its server again, checked as on upload.
    let mut pack_sync = PackSync::default();
    pack_sync
        .catch_up(&engine)
        .await
        .context("could not read the stored packs")?;
    let tick = Duration::from_secs(u64::from(config.drill.tick_seconds));
    let mut data = Data::new(engine, catalogue, tick);
    data.instructor_role = config.discord.instructor_role.clone();
    Ok((data, pack_sync))
}

/// Applies the retention period now, then once a day for as long as the bot runs.
async fn keep_retention(store: Store, days: u32) -> anyhow::Result<()> {
    let purged = store
        .apply_retention(days)
        .await
        .context("could not apply the retention period")?;
    tracing::info!(purged, days, "retention applied");
    tokio::spawn(async move {
        let mut daily = tokio::time::interval(Duration::from_secs(24 * 60 * 60));
        daily.tick().await;
        loop {
            daily.tick().await;
            match store.apply_retention(days).await {
                Ok(purged) => tracing::info!(purged, days, "retention applied"),
                Err(error) => tracing::error!(%error, "could not apply the retention period"),
            }
        }
    });
    Ok(())
}

/// The REST client. Against another `api_base` (a rate-limiting proxy, a test fake) the proxy
/// setting only takes effect with serenity's rate limiter off, and that proxy owns the limits.
fn http(token: &str, api_base: &str) -> serenity::Http {
    let builder = serenity::HttpBuilder::new(token).default_allowed_mentions(no_pings());
    if api_base == DISCORD_API_BASE {
        builder.build()
    } else {
        builder.proxy(api_base).ratelimiter_disabled(true).build()
    }
}

/// DMs carry content without MESSAGE_CONTENT; plain messages in server threads need it.
fn intents() -> serenity::GatewayIntents {
    serenity::GatewayIntents::GUILDS
        | serenity::GatewayIntents::GUILD_MESSAGES
        | serenity::GatewayIntents::DIRECT_MESSAGES
        | serenity::GatewayIntents::MESSAGE_CONTENT
}
