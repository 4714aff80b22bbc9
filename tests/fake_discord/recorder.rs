//! Every REST request the bot makes, kept in order, and waiting for the one a test expects.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::watch;

#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// The path under `/api/v10`, e.g. `/channels/42/messages`.
    pub path: String,
    /// The JSON body (`Value::Null` when there was none or it was not JSON).
    pub body: Value,
    /// The body as text (lossy), e.g. a multipart upload's parts.
    pub raw: String,
    /// Whether the fake knew the route (unknown routes answer 404).
    pub known: bool,
    /// When the request arrived.
    pub at: Instant,
}

impl Request {
    pub fn is(&self, method: &str, path_prefix: &str) -> bool {
        self.method == method && self.path.starts_with(path_prefix)
    }
}

pub struct Recorder {
    requests: Mutex<Vec<Request>>,
    count: watch::Sender<usize>,
}

impl Recorder {
    pub fn new() -> Recorder {
        Recorder {
            requests: Mutex::new(Vec::new()),
            count: watch::Sender::new(0),
        }
    }

    pub fn record(&self, request: Request) {
        let mut requests = self.requests.lock().unwrap();
        requests.push(request);
        self.count.send_replace(requests.len());
    }

    pub fn all(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }

    /// The first request matching `wanted`, waiting up to `timeout` for it to arrive; panics
    /// with `what` and the requests seen so far when it does not.
    pub async fn wait_for(
        &self,
        what: &str,
        timeout: Duration,
        wanted: impl Fn(&Request) -> bool,
    ) -> Request {
        let mut count = self.count.subscribe();
        let search = async {
            // Each look reads only what arrived since the last: hundreds of waiters at once
            // stay linear in the requests.
            let mut looked = 0;
            loop {
                let found = {
                    let requests = self.requests.lock().unwrap();
                    let found = requests[looked..].iter().find(|r| wanted(r)).cloned();
                    looked = requests.len();
                    found
                };
                if let Some(request) = found {
                    return request;
                }
                count
                    .changed()
                    .await
                    .expect("the recorder lives as long as the fake");
            }
        };
        match tokio::time::timeout(timeout, search).await {
            Ok(request) => request,
            Err(_) => panic!(
                "no request for {what} within {timeout:?}; seen:\n{}",
                self.all()
                    .iter()
                    .map(|r| format!("  {} {} {}", r.method, r.path, r.body))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        }
    }

    /// How many requests match `wanted` so far.
    pub fn count(&self, wanted: impl Fn(&Request) -> bool) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|r| wanted(r))
            .count()
    }
}
