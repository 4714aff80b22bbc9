//! Discord's gateway websocket: Hello, Identify → READY, Resume → RESUMED, heartbeats, and the
//! dispatch events a test sends. Events sent while no session is live wait for the next one.

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

const SESSION_ID: &str = "fake-session";
/// Long enough that a test never waits on a heartbeat, short enough to be exercised.
const HEARTBEAT_MS: u64 = 30_000;

/// How many sessions were opened (Identify) and taken up again (Resume).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Sessions {
    pub identified: u32,
    pub resumed: u32,
}

pub struct Gateway {
    events: mpsc::UnboundedSender<(String, Value)>,
    pending: Mutex<mpsc::UnboundedReceiver<(String, Value)>>,
    sequence: AtomicU64,
    pub sessions: watch::Sender<Sessions>,
    /// Bumped to cut the live connection; a watch, so no request is missed between polls.
    drops: watch::Sender<u64>,
}

impl Gateway {
    pub fn new() -> Gateway {
        let (events, pending) = mpsc::unbounded_channel();
        Gateway {
            events,
            pending: Mutex::new(pending),
            sequence: AtomicU64::new(0),
            sessions: watch::Sender::new(Sessions::default()),
            drops: watch::Sender::new(0),
        }
    }

    /// Queues a dispatch event (`t`) for the live session, or the next one.
    pub fn dispatch(&self, event: &str, data: Value) {
        self.events
            .send((event.to_string(), data))
            .expect("the gateway lives as long as the fake");
    }

    /// Cuts the live connection without a close frame, as a network failure would.
    pub fn drop_connection(&self) {
        self.drops.send_modify(|drops| *drops += 1);
    }

    fn frame(&self, event: &str, data: Value) -> Message {
        let sequence = self.sequence.fetch_add(1, Ordering::SeqCst) + 1;
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
    if !handshake(&shared, &mut socket).await? {
        return Ok(());
    }
    let mut drops = gateway.drops.subscribe();
    let mut pending = gateway.pending.lock().await;
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
                socket.send(gateway.frame(&event, data)).await?;
            }
            _ = drops.changed() => return Ok(()),
        }
    }
}

/// Plays Identify → READY or Resume → RESUMED, answering heartbeats meanwhile. `false` when
/// the bot went away first.
async fn handshake(shared: &Shared, socket: &mut WebSocket) -> Result<bool, axum::Error> {
    let gateway = &shared.gateway;
    while let Some(incoming) = socket.recv().await {
        let Message::Text(frame) = incoming? else {
            continue;
        };
        let payload: Value = serde_json::from_str(&frame).unwrap_or_default();
        match payload["op"].as_u64() {
            Some(1) => socket.send(text(json!({ "op": 11 }))).await?,
            Some(2) => {
                socket.send(gateway.frame("READY", ready(shared))).await?;
                gateway.sessions.send_modify(|s| s.identified += 1);
                return Ok(true);
            }
            Some(6) => {
                socket.send(gateway.frame("RESUMED", json!({}))).await?;
                gateway.sessions.send_modify(|s| s.resumed += 1);
                return Ok(true);
            }
            _ => {}
        }
    }
    Ok(false)
}

fn ready(shared: &Shared) -> Value {
    json!({
        "v": 10,
        "user": bot_user(),
        "guilds": [],
        "session_id": SESSION_ID,
        "resume_gateway_url": shared.gateway_url(),
        "shard": [0, 1],
        "application": { "id": APPLICATION_ID.to_string(), "flags": 0 }
    })
}

fn text(payload: Value) -> Message {
    Message::Text(payload.to_string().into())
}
