//! `serve --config FILE`: the Discord bot. The token comes only from the environment variable
//! that `discord.token_env` names.

use std::path::Path;

use super::{Cli, Failure};
use crate::config::Config;

/// `--packs`, when given, takes the place of the config's `packs.dir`.
pub fn run(cli: &Cli, config_path: &Path) -> Result<(), Failure> {
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
    let token = config.discord_token().map_err(Failure::Invalid)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime
        .block_on(crate::discord::serve(&config, &token))
        .map_err(|error| Failure::Invalid(format!("{error:#}")))
}
