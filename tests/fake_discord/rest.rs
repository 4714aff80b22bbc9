//! Discord's REST API under `/api/v10`, as far as the bot uses it. Every request is recorded;
//! routes the fake does not know answer 404.

use std::sync::Arc;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

use super::Shared;
use super::ids::{APPLICATION_ID, next_id};
use super::payloads::{bot_user, dm_channel, message, thread};
use super::recorder::Request;

pub async fn handle(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    body: Bytes,
) -> Response {
    let path = uri
        .path()
        .strip_prefix("/api/v10")
        .unwrap_or(uri.path())
        .to_string();
    let raw = String::from_utf8_lossy(&body).into_owned();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    let answer = answer(&shared, &method, &segments, &body);
    shared.recorder.record(Request {
        method: method.to_string(),
        path: path.clone(),
        body,
        raw,
        known: answer.is_some(),
        at: std::time::Instant::now(),
    });
    answer.unwrap_or_else(|| {
        (
            StatusCode::NOT_FOUND,
            Json(json!({ "message": "404: Not Found", "code": 0 })),
        )
            .into_response()
    })
}

/// The fake's answer to one route, or `None` for a route it does not know.
fn answer(shared: &Shared, method: &Method, segments: &[&str], body: &Value) -> Option<Response> {
    let ok = |value: Value| Some(Json(value).into_response());
    let no_content = || Some(StatusCode::NO_CONTENT.into_response());
    let bot_message = |channel: u64| ok(message(channel, bot_user(), None, body));
    match (method.as_str(), segments) {
        ("GET", ["gateway"]) => ok(json!({ "url": shared.gateway_url() })),
        ("GET", ["gateway", "bot"]) => ok(json!({
            "url": shared.gateway_url(),
            "shards": shared.gateway.shard_total,
            "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1
            }
        })),
        ("GET", ["users", "@me"]) => ok(bot_user()),
        ("GET", ["oauth2" | "applications", .., "@me"]) => ok(application()),
        ("PUT", ["applications", _, "commands"]) => ok(registered(body)),
        ("POST", ["interactions", _, _, "callback"]) => no_content(),
        // The fake keeps no channels: a webhook's message gets a channel id of its own.
        ("POST", ["webhooks", _, _]) => bot_message(next_id()),
        ("GET" | "PATCH", ["webhooks", _, _, "messages", _]) => bot_message(next_id()),
        ("DELETE", ["webhooks", _, _, "messages", _]) => no_content(),
        ("POST", ["channels", channel, "messages"]) => bot_message(channel.parse().ok()?),
        ("PATCH", ["channels", channel, "messages", _]) => bot_message(channel.parse().ok()?),
        ("POST", ["channels", _, "typing"]) => no_content(),
        ("POST", ["channels", parent, "threads"]) => ok(thread(parent.parse().ok()?, body)),
        ("PUT", ["channels", _, "thread-members", _]) => no_content(),
        ("GET", ["guilds", _, "roles"]) => ok(json!([])),
        ("POST", ["users", "@me", "channels"]) => {
            let user = body["recipient_id"].as_str()?.parse().ok()?;
            ok(dm_channel(next_id(), user))
        }
        _ => None,
    }
}

fn application() -> Value {
    json!({
        "id": APPLICATION_ID.to_string(),
        "name": "debate-drill",
        "icon": null,
        "description": "",
        "bot_public": true,
        "bot_require_code_grant": false,
        "verify_key": "",
        "flags": 0,
        "owner": bot_user(),
        "team": null
    })
}

/// Discord's answer to a bulk overwrite: the commands, each with its ids.
fn registered(body: &Value) -> Value {
    let commands = body.as_array().cloned().unwrap_or_default();
    Value::Array(
        commands
            .into_iter()
            .map(|mut command| {
                command["id"] = json!(next_id().to_string());
                command["application_id"] = json!(APPLICATION_ID.to_string());
                command["version"] = json!(next_id().to_string());
                command["default_member_permissions"] = json!(null);
                if command.get("type").is_none() {
                    command["type"] = json!(1);
                }
                command
            })
            .collect(),
    )
}
