//! A stand-in for Discord on 127.0.0.1, for driving the real bot in tests: REST under
//! `/api/v10` and a gateway websocket, both played by axum. It records every REST request,
//! lets a test dispatch gateway events, and waits for the request a test expects.
//!
//! Members' permissions are modelled only as the interaction reports them (see
//! `payloads::as_instructor`); attachments are served from `/files/`. `drills` holds the steps
//! classroom drill tests share.
//! Sharded as Discord is (`gateway`): several bot processes may each run a range of its shards.
//! What it does not model: rate limits, channel permissions, message and channel state (every message
//! the bot sends is accepted and echoed back), interaction token expiry, Discord's limit on how
//! fast shards may identify, and guilds moving between shards.

// Each test file includes this module and uses a part of it.
#![allow(dead_code, unused_imports)]

mod bot;
mod drills;
mod files;
mod gateway;
mod ids;
mod payloads;
mod recorder;
mod rest;

use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::routing::{any, get};
use serde_json::{Value, json};

pub use bot::{Bot, Home, cpu_time_of};
pub use drills::*;
pub use gateway::Sessions;
pub use ids::*;
pub use payloads::*;
pub use recorder::Request;

/// How long a test waits for the bot by default.
pub const PATIENCE: Duration = Duration::from_secs(15);

pub struct Shared {
    recorder: recorder::Recorder,
    files: files::Files,
    gateway: gateway::Gateway,
    address: OnceLock<SocketAddr>,
}

impl Shared {
    fn gateway_url(&self) -> String {
        format!(
            "ws://{}/gateway-ws",
            self.address.get().expect("bound before serving")
        )
    }
}

pub struct FakeDiscord {
    shared: Arc<Shared>,
    server: tokio::task::JoinHandle<()>,
}

impl FakeDiscord {
    /// Starts the fake on a free port of 127.0.0.1, with one shard.
    pub async fn start() -> FakeDiscord {
        FakeDiscord::start_sharded(1).await
    }

    /// Starts the fake announcing `shard_total` shards.
    pub async fn start_sharded(shard_total: u32) -> FakeDiscord {
        let shared = Arc::new(Shared {
            recorder: recorder::Recorder::new(),
            files: files::Files::default(),
            gateway: gateway::Gateway::new(shard_total),
            address: OnceLock::new(),
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        shared.address.set(listener.local_addr().unwrap()).unwrap();
        let app = Router::new()
            .route("/gateway-ws", get(gateway::upgrade))
            .route("/api/v10/{*path}", any(rest::handle))
            .route("/files/{id}/{name}", get(files::serve))
            .fallback(rest::handle)
            .with_state(Arc::clone(&shared));
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        FakeDiscord { shared, server }
    }

    /// What `discord.api_base` should say to reach the fake.
    pub fn api_base(&self) -> String {
        format!("http://{}", self.shared.address.get().unwrap())
    }

    /// Every request so far, in order of arrival.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.recorder.all()
    }

    pub fn count(&self, wanted: impl Fn(&Request) -> bool) -> usize {
        self.shared.recorder.count(wanted)
    }

    /// The first request matching `wanted`, waiting for it up to [`PATIENCE`].
    pub async fn wait_for(&self, what: &str, wanted: impl Fn(&Request) -> bool) -> Request {
        self.shared.recorder.wait_for(what, PATIENCE, wanted).await
    }

    /// Sends a dispatch event (`INTERACTION_CREATE`, `MESSAGE_CREATE`, ...) to the bot.
    pub fn dispatch(&self, event: &str, data: Value) {
        self.shared.gateway.dispatch(event, data);
    }

    /// Sends a dispatch event to `shard`, whatever its guild's shard is.
    pub fn dispatch_to(&self, shard: u32, event: &str, data: Value) {
        self.shared.gateway.dispatch_to(shard, event, data);
    }

    /// The shard an event goes to.
    pub fn shard_of(&self, data: &Value) -> u32 {
        self.shared.gateway.shard_of(data)
    }

    /// Every dispatch event delivered so far, with the shard that carried it.
    pub fn delivered(&self) -> Vec<(u32, String)> {
        self.shared.gateway.delivered()
    }

    /// Starts a practice round on `side` for the user in `place`; the round's first post.
    pub async fn practise(&self, place: Place, side: &str) -> Request {
        let practice = slash_command(place, "practice", json!([string_option("side", side)]));
        let token = token_of(&practice);
        self.dispatch("INTERACTION_CREATE", practice);
        self.wait_for("the round started", |r| {
            r.path.starts_with("/webhooks/") && r.path.contains(&token)
        })
        .await
    }

    /// Clicks `custom_id` under the bot's message with `body` (as the bot sent it) in `place`;
    /// the click's interaction token.
    pub fn click(&self, place: Place, custom_id: &str, body: &Value) -> String {
        let shown = match place {
            Place::Dm { channel_id, .. } => message(channel_id, bot_user(), None, body),
            Place::Guild { channel_id, .. } => {
                message(channel_id, bot_user(), Some(GUILD_ID), body)
            }
        };
        let click = button_click(place, custom_id, shown);
        let token = token_of(&click);
        self.dispatch("INTERACTION_CREATE", click);
        token
    }

    /// Waits until the sessions opened and resumed reach at least `at_least`.
    pub async fn wait_sessions(&self, at_least: Sessions) -> Sessions {
        let mut sessions = self.shared.gateway.sessions.subscribe();
        let reached = sessions
            .wait_for(|s| s.identified >= at_least.identified && s.resumed >= at_least.resumed);
        match tokio::time::timeout(PATIENCE, reached).await {
            Ok(Ok(sessions)) => *sessions,
            _ => panic!("the bot did not reach {at_least:?} gateway sessions"),
        }
    }

    /// Hosts `bytes` for download as `filename`; the attachment object declares `declared_size`.
    /// Returns it with the file's id (for [`FakeDiscord::fetches`]).
    pub fn host_attachment(
        &self,
        filename: &str,
        bytes: Vec<u8>,
        declared_size: u64,
    ) -> (u64, Value) {
        let id = self.shared.files.host(bytes);
        let url = format!("{}/files/{id}/{filename}", self.api_base());
        (id, files::attachment(id, &url, filename, declared_size))
    }

    /// How many times the bot began downloading hosted file `id`.
    pub fn fetches(&self, id: u64) -> usize {
        self.shared.files.fetches(id)
    }

    /// Cuts the gateway connection; the bot should reconnect and resume.
    pub fn drop_gateway(&self) {
        self.shared.gateway.drop_connection();
    }
}

impl Drop for FakeDiscord {
    fn drop(&mut self) {
        self.server.abort();
    }
}
