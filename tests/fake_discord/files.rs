//! Attachment downloads, served from 127.0.0.1 like Discord's CDN: a test hosts bytes and gets
//! the URL and the attachment object an interaction carries (with whatever size it declares).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Shared;
use super::ids::next_id;

#[derive(Default)]
pub struct Files {
    hosted: Mutex<HashMap<u64, Vec<u8>>>,
    /// How many downloads were started, by file id.
    pub fetched: Mutex<HashMap<u64, usize>>,
}

impl Files {
    pub fn host(&self, bytes: Vec<u8>) -> u64 {
        let id = next_id();
        self.hosted.lock().unwrap().insert(id, bytes);
        id
    }

    pub fn fetches(&self, id: u64) -> usize {
        self.fetched.lock().unwrap().get(&id).copied().unwrap_or(0)
    }
}

pub async fn serve(
    State(shared): State<Arc<Shared>>,
    Path((id, _name)): Path<(u64, String)>,
) -> Response {
    let bytes = shared.files.hosted.lock().unwrap().get(&id).cloned();
    *shared.files.fetched.lock().unwrap().entry(id).or_default() += 1;
    match bytes {
        Some(bytes) => bytes.into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// The attachment object of an interaction's `resolved.attachments`.
pub fn attachment(id: u64, url: &str, filename: &str, declared_size: u64) -> Value {
    json!({
        "id": id.to_string(),
        "filename": filename,
        "size": declared_size,
        "url": url,
        "proxy_url": url,
    })
}
