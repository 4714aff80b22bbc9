//! Fetching an attachment safely: its declared size is checked before anything is fetched,
//! and the download has a deadline and stops at the byte cap, whatever the server sends.
//! (`Attachment::download()` has neither.)

use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::errors::Notice;
use super::state::Error;
use crate::prompts::Catalogue;

/// The largest upload accepted, declared and actual.
pub const MAX_UPLOAD_BYTES: u64 = 256 * 1024;
/// The whole download, from the request to the last byte.
pub const DOWNLOAD_TIMEOUT: Duration = Duration::from_secs(20);

/// A client for attachment downloads (no redirects followed off the first host).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(DOWNLOAD_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("a client with timeouts builds")
}

/// Refuses an attachment whose declared size is over the cap, before any download.
pub fn check_declared(
    catalogue: &Catalogue,
    attachment: &serenity::Attachment,
) -> Result<(), Error> {
    if u64::from(attachment.size) > MAX_UPLOAD_BYTES {
        return Err(Notice::new(
            catalogue,
            "upload.too_large",
            &[
                ("size", &attachment.size),
                ("limit_kib", &(MAX_UPLOAD_BYTES / 1024)),
            ],
        )
        .into());
    }
    Ok(())
}

/// The attachment's bytes: at most [`MAX_UPLOAD_BYTES`], within [`DOWNLOAD_TIMEOUT`].
pub async fn fetch(
    client: &reqwest::Client,
    catalogue: &Catalogue,
    attachment: &serenity::Attachment,
) -> Result<Vec<u8>, Error> {
    check_declared(catalogue, attachment)?;
    let failed = |e: reqwest::Error| {
        tracing::warn!(url = %attachment.url, "attachment download failed: {e}");
        Notice::new(catalogue, "upload.download_failed", &[])
    };
    let work = async {
        let mut response = client
            .get(&attachment.url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(failed)?;
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(failed)? {
            bytes.extend_from_slice(&chunk);
            if bytes.len() as u64 > MAX_UPLOAD_BYTES {
                tracing::warn!(
                    url = %attachment.url,
                    declared = attachment.size,
                    "attachment streamed past the cap; download cut off"
                );
                return Err(Notice::new(
                    catalogue,
                    "upload.larger_than_claimed",
                    &[("limit_kib", &(MAX_UPLOAD_BYTES / 1024))],
                ));
            }
        }
        Ok(bytes)
    };
    match tokio::time::timeout(DOWNLOAD_TIMEOUT, work).await {
        Ok(result) => Ok(result?),
        Err(_) => Err(Notice::new(catalogue, "upload.download_slow", &[]).into()),
    }
}
