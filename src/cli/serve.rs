//! `serve --config FILE [--shards A..B --shard-total N]`: the Discord bot, all its shards or a
//! range of them. The token comes only from the environment variable
//! that `discord.token_env` names.

use std::path::Path;

use super::{Cli, Failure};
use crate::config::{Config, ShardRange};

/// `--packs`, when given, takes the place of the config's `packs.dir`, and `shards` (from
/// `--shards A..B --shard-total N`) that of `discord.shards` and `discord.shard_total`.
pub fn run(cli: &Cli, config_path: &Path, shards: Option<(&str, u32)>) -> Result<(), Failure> {
    let mut config = Config::load(config_path).map_err(|diagnostics| {
        Failure::Invalid(
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    config.packs.dir = cli.packs_dir(Some(&config));
    if let Some((range, total)) = shards {
        ShardRange::parse(range, total)
            .map_err(|problem| Failure::Invalid(format!("--shards: {problem}")))?;
        config.discord.shards = Some(range.to_owned());
        config.discord.shard_total = Some(total);
    }
    let token = config.discord_token().map_err(Failure::Invalid)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime
        .block_on(crate::discord::serve(&config, &token))
        .map_err(|error| Failure::Invalid(format!("{error:#}")))
}
