//! Waiting for the signals that ask the bot to stop.

/// Resolves with the signal's name when SIGINT or SIGTERM arrives.
#[cfg(unix)]
pub async fn signalled() -> &'static str {
    use tokio::signal::unix::{SignalKind, signal};
    let mut terminate = match signal(SignalKind::terminate()) {
        Ok(terminate) => terminate,
        Err(error) => {
            tracing::warn!("cannot listen for SIGTERM: {error}");
            let _ = tokio::signal::ctrl_c().await;
            return "SIGINT";
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => "SIGINT",
        _ = terminate.recv() => "SIGTERM",
    }
}

/// Resolves when Ctrl-C arrives.
#[cfg(not(unix))]
pub async fn signalled() -> &'static str {
    let _ = tokio::signal::ctrl_c().await;
    "Ctrl-C"
}
