//! `serve --config FILE`: the Discord bot. The token comes only from the environment variable
//! that `discord.token_env` names.

use std::path::Path;

use super::Failure;
use crate::config::Config;

pub fn run(config_path: &Path) -> Result<(), Failure> {
    let config = Config::load(config_path).map_err(|diagnostics| {
        Failure::Invalid(
            diagnostics
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
        )
    })?;
    let token = config.discord_token().map_err(Failure::Invalid)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime
        .block_on(crate::discord::serve(&config, &token))
        .map_err(|error| Failure::Invalid(format!("{error:#}")))
}
