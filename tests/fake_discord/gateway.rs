//! Discord's gateway websocket: Hello, Identify → READY, Resume → RESUMED, heartbeats, and the
//! dispatch events a test sends. Sharded as Discord is: each session identifies as one shard of
//! the total the fake announces, and an event goes to the shard of its guild (`(guild_id >> 22)
//! % total`), or to shard 0 when it has none (a DM). Events sent while their shard has no live
//! session wait for the next one.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::response::Response;
use serde_json::{Value, json};
use tokio::sync::{Mutex, mpsc, watch};

use super::Shared;
use super::ids::APPLICATION_ID;
use super::payloads::bot_user;

/// A session's id names its shard, so that a Resume (which does not say) finds it again.
const SESSION_PREFIX: &str = "fake-session-";
/// Long enough that a test never waits on a heartbeat, short enough to be exercised.
const HEARTBEAT_MS: u64 = 30_000;

/// How many sessions were opened (Identify) and taken up again (Resume).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sessions {
    pub identified: u32,
    pub resumed: u32,
}

/// The events waiting for one shard's session, and the sequence numbers it has sent (each
/// shard counts its own, as Discord's do: a gap tells the bot it missed an event).
struct Queue {
    events: mpsc::UnboundedSender<(String, Value)>,
    pending: Mutex<mpsc::UnboundedReceiver<(String, Value)>>,
    sequence: AtomicU64,
}

pub struct Gateway {
    pub shard_total: u32,
    queues: Vec<Queue>,
    pub sessions: watch::Sender<Sessions>,
    /// Bumped to cut the live connections; a watch, so no request is missed between polls.
    drops: watch::Sender<u64>,
    /// Every dispatch event sent to a bot, with the shard whose session carried it.
    delivered: std::sync::Mutex<Vec<(u32, String)>>,
}

impl Gateway {
    pub fn new(shard_total: u32) -> Gateway {
        let queues = (0..shard_total)
            .map(|_| {
                let (events, pending) = mpsc::unbounded_channel();
                Queue {
                    events,
                    pending: Mutex::new(pending),
                    sequence: AtomicU64::new(0),
                }
            })
            .collect();
        Gateway {
            shard_total,
            queues,
            sessions: watch::Sender::new(Sessions::default()),
            drops: watch::Sender::new(0),
            delivered: std::sync::Mutex::new(Vec::new()),
        }
    }

    /// Queues a dispatch event (`t`) for its shard's live session, or the next one.
    pub fn dispatch(&self, event: &str, data: Value) {
        let shard = self.shard_of(&data);
        self.dispatch_to(shard, event, data);
    }

    /// Queues a dispatch event for `shard`, whatever its guild: as after a resharding.
    pub fn dispatch_to(&self, shard: u32, event: &str, data: Value) {
        self.queues[shard as usize]
            .events
            .send((event.to_string(), data))
            .expect("the gateway lives as long as the fake");
    }

    /// Discord's rule: a guild's events go to shard `(guild_id >> 22) % total`; DMs to 0.
    pub fn shard_of(&self, data: &Value) -> u32 {
        let guild = data["guild_id"]
            .as_str()
            .and_then(|id| id.parse::<u64>().ok());
        guild.map_or(0, |id| ((id >> 22) % u64::from(self.shard_total)) as u32)
    }

    /// The dispatch events delivered so far, each with its shard.
    pub fn delivered(&self) -> Vec<(u32, String)> {
        self.delivered.lock().unwrap().clone()
    }

    /// Cuts the live connection without a close frame, as a network failure would.
    pub fn drop_connection(&self) {
        self.drops.send_modify(|drops| *drops += 1);
    }

    fn frame(&self, shard: u32, event: &str, data: Value) -> Message {
        let sequence = self.queues[shard as usize]
            .sequence
            .fetch_add(1, Ordering::SeqCst)
            + 1;
        text(json!({ "op": 0, "t": event, "s": sequence, "d": data }))
    }
}

pub async fn upgrade(State(shared): State<Arc<Shared>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| async move {
        if let Err(error) = session(shared, socket).await {
            eprintln!("fake gateway: connection ended: {error}");
        }
    })
}

async fn session(shared: Arc<Shared>, mut socket: WebSocket) -> Result<(), axum::Error> {
    let gateway = &shared.gateway;
    socket
        .send(text(
            json!({ "op": 10, "d": { "heartbeat_interval": HEARTBEAT_MS } }),
        ))
        .await?;
    let Some(shard) = handshake(&shared, &mut socket).await? else {
        return Ok(());
    };
    let mut drops = gateway.drops.subscribe();
    let mut pending = gateway.queues[shard as usize].pending.lock().await;
    loop {
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(frame))) => {
                    let payload: Value = serde_json::from_str(&frame).unwrap_or_default();
                    if payload["op"] == 1 {
                        socket.send(text(json!({ "op": 11 }))).await?;
                    }
                }
                Some(Ok(Message::Close(_))) | None => return Ok(()),
                Some(Ok(_)) => {}
                Some(Err(error)) => return Err(error),
            },
            Some((event, data)) = pending.recv() => {
                gateway.delivered.lock().unwrap().push((shard, event.clone()));
                socket.send(gateway.frame(shard, &event, data)).await?;
            }
            _ = drops.changed() => return Ok(()),
        }
    }
}

/// Plays Identify → READY or Resume → RESUMED, answering heartbeats meanwhile; the session's
/// shard. `None` when the bot went away first.
async fn handshake(shared: &Shared, socket: &mut WebSocket) -> Result<Option<u32>, axum::Error> {
    let gateway = &shared.gateway;
    while let Some(incoming) = socket.recv().await {
        let Message::Text(frame) = incoming? else {
            continue;
        };
        let payload: Value = serde_json::from_str(&frame).unwrap_or_default();
        match payload["op"].as_u64() {
            Some(1) => socket.send(text(json!({ "op": 11 }))).await?,
            Some(2) => {
                let shard = payload["d"]["shard"][0].as_u64().unwrap_or(0) as u32;
                assert!(
                    shard < gateway.shard_total,
                    "the bot identified as shard {shard} of the fake's {}",
                    gateway.shard_total
                );
                // A new session counts from 1 again.
                gateway.queues[shard as usize]
                    .sequence
                    .store(0, Ordering::SeqCst);
                socket
                    .send(gateway.frame(shard, "READY", ready(shared, shard)))
                    .await?;
                gateway.sessions.send_modify(|s| s.identified += 1);
                return Ok(Some(shard));
            }
            Some(6) => {
                let shard = payload["d"]["session_id"]
                    .as_str()
                    .and_then(|id| id.strip_prefix(SESSION_PREFIX)?.parse().ok())
                    .unwrap_or(0);
                socket
                    .send(gateway.frame(shard, "RESUMED", json!({})))
                    .await?;
                gateway.sessions.send_modify(|s| s.resumed += 1);
                return Ok(Some(shard));
            }
            _ => {}
        }
    }
    Ok(None)
}

fn ready(shared: &Shared, shard: u32) -> Value {
    json!({
        "v": 10,
        "user": bot_user(),
        "guilds": [],
        "session_id": format!("{SESSION_PREFIX}{shard}"),
        "resume_gateway_url": shared.gateway_url(),
        "shard": [shard, shared.gateway.shard_total],
        "application": { "id": APPLICATION_ID.to_string(), "flags": 0 }
    })
}

fn text(payload: Value) -> Message {
    Message::Text(payload.to_string().into())
}
