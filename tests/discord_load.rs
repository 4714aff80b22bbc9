//! Load: 100 students practising at once in DMs, 5 turns each, through the fake. Every turn is
//! answered exactly once; the time from message to reply is printed (a figure, not an
//! assertion).

mod fake_discord;

use std::sync::Arc;
use std::time::{Duration, Instant};

use fake_discord::{Bot, FakeDiscord, Home, Place};
use fake_discord::{slash_command, string_option, student_message, token_of};
use serde_json::json;

const STUDENTS: u64 = 100;
const TURNS: u32 = 5;
const FIRST_ID: u64 = 810_000_000_000_000_000;

const MESSAGES: [&str; 5] = [
    "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.",
    "Georgia and Ukraine should stay nonaligned in exchange for verifiable Russian commitments.",
    "Enlargement to the Baltics is no precedent for Ukraine joining the alliance.",
    "Nobody will fight for Kyiv, so a NATO promise is empty and provokes Moscow.",
    "Neutrality worked for Finland and Austria during the Cold War.",
];

/// One student's round; the latency of each turn.
async fn student(fake: Arc<FakeDiscord>, n: u64) -> Vec<Duration> {
    let channel = FIRST_ID + 2 * n;
    let user = channel + 1;
    let place = Place::Dm {
        channel_id: channel,
        user_id: user,
    };
    let practice = slash_command(
        place,
        "practice",
        json!([string_option("side", "permanent-nonalignment")]),
    );
    let token = token_of(&practice);
    fake.dispatch("INTERACTION_CREATE", practice);
    fake.wait_for("a round started", |r| {
        r.path.starts_with("/webhooks/") && r.path.contains(&token)
    })
    .await;
    let posts = format!("/channels/{channel}/messages");
    let mut latencies = Vec::new();
    for turn in 1..=TURNS {
        let sent = Instant::now();
        let text = MESSAGES[(turn - 1) as usize];
        fake.dispatch(
            "MESSAGE_CREATE",
            student_message(channel, user, false, text),
        );
        let marker = format!("Your turn {turn}:");
        let reply = fake
            .wait_for("a turn's reply", |r| {
                r.method == "POST"
                    && r.path == posts
                    && r.body["embeds"].to_string().contains(&marker)
            })
            .await;
        latencies.push(reply.at.duration_since(sent));
    }
    latencies
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hundred_students_five_turns_each() {
    let fake = Arc::new(FakeDiscord::start().await);
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let rounds: Vec<_> = (0..STUDENTS)
        .map(|n| tokio::spawn(student(Arc::clone(&fake), n)))
        .collect();
    let mut latencies = Vec::new();
    for round in rounds {
        latencies.extend(round.await.unwrap());
    }

    for n in 0..STUDENTS {
        let posts = format!("/channels/{}/messages", FIRST_ID + 2 * n);
        let answered = fake.count(|r| r.method == "POST" && r.path == posts);
        assert_eq!(answered, TURNS as usize, "student {n}: one reply per turn");
    }
    latencies.sort();
    let percentile = |p: usize| latencies[(latencies.len() * p / 100).min(latencies.len() - 1)];
    println!(
        "{} turns: message to reply p50 {:?}, p99 {:?}, max {:?}",
        latencies.len(),
        percentile(50),
        percentile(99),
        latencies.last().unwrap()
    );
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
