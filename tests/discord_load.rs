//! Load: 100 students practising at once in DMs, 5 turns each, through the fake. Every turn is
//! answered exactly once; the time from message to reply is printed (a figure, not an
//! assertion).

mod common;
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
    let mut latencies = Vec::new();
    for turn in 1..=TURNS {
        let text = MESSAGES[(turn - 1) as usize];
        let message = student_message(channel, user, false, text);
        latencies.push(say_turn(&fake, channel, turn, message).await);
    }
    latencies
}

/// The bot's reply to turn `turn` shows this marker.
fn reply_marker(turn: u32) -> String {
    format!("Your turn {turn}:")
}

/// Sends a student's `message` (turn `turn` in `channel`) and waits for the bot's reply; the time
/// from the message sent to the reply's arrival at the fake.
async fn say_turn(
    fake: &FakeDiscord,
    channel: u64,
    turn: u32,
    message: serde_json::Value,
) -> Duration {
    let posts = format!("/channels/{channel}/messages");
    let marker = reply_marker(turn);
    let sent = Instant::now();
    fake.dispatch("MESSAGE_CREATE", message);
    let reply = fake
        .wait_for("a turn's reply", |r| {
            r.method == "POST" && r.path == posts && r.raw.contains(&marker)
        })
        .await;
    reply.at.duration_since(sent)
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

/// The figures of the README's load table (issue 13): 300 students × 5 turns in threads of two
/// servers, one on each of the fake's two shards, all at once and at a realistic 1–3 s between
/// turns, on SQLite (one process), PostgreSQL with one process, and PostgreSQL with two (one
/// shard each). PostgreSQL syncs every commit as SQLite does. Printed, never asserted; run with
/// `cargo test --release --test discord_load -- --ignored --nocapture`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "prints figures; takes minutes"]
async fn load_figures_across_stores_and_processes() {
    const STUDENTS: u64 = 300;
    println!(
        "| store | processes | pacing | turns | turns/s | p50 | p99 | peak RSS per process | bot CPU per turn | test harness CPU per turn | machine CPU busy | lost | duplicated |"
    );
    println!(
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |"
    );
    for pacing in [Pacing::AllAtOnce, Pacing::Realistic] {
        for setup in [Setup::Sqlite, Setup::Postgres(1), Setup::Postgres(2)] {
            let Some(figures) = load::run(setup, pacing, STUDENTS).await else {
                return;
            };
            println!("{}", figures.row(setup, pacing));
        }
    }
}

#[derive(Clone, Copy)]
enum Setup {
    Sqlite,
    /// One process running both shards, or two running one each.
    Postgres(u32),
}

#[derive(Clone, Copy)]
enum Pacing {
    AllAtOnce,
    /// 1–3 s, at random, before each turn.
    Realistic,
}

mod load {
    use std::collections::HashMap;
    use std::sync::Arc;
    use std::time::{Duration, Instant};

    use rand::Rng;
    use serde_json::json;

    use super::fake_discord::{
        Bot, FakeDiscord, GUILD_CHANNEL_ID, GUILD_ID, Home, Place, cpu_time_of, in_guild,
        slash_command, string_option, student_message,
    };
    use super::{MESSAGES, Pacing, Setup, TURNS, reply_marker, say_turn};

    const FIRST_STUDENT: u64 = 820_000_000_000_000_000;
    /// The second server, on the other shard.
    const SECOND_GUILD: u64 = GUILD_ID + (1 << 22);
    const SECOND_CHANNEL: u64 = 820_000_000_000_100_000;

    pub struct Figures {
        turns: usize,
        wall: Duration,
        latencies: Vec<Duration>,
        peak_rss_kib: Vec<u64>,
        /// The bots' CPU time (all processes) over the turns.
        bot_cpu: Duration,
        /// This process's CPU time (the fake Discord and the students) over the turns.
        harness_cpu: Duration,
        /// The share of the machine's CPU time that was busy (any process) over the turns.
        machine_busy: f64,
        lost: usize,
        duplicated: usize,
    }

    impl Figures {
        pub fn row(&self, setup: Setup, pacing: Pacing) -> String {
            let (store, processes) = match setup {
                Setup::Sqlite => ("SQLite", 1),
                Setup::Postgres(processes) => ("PostgreSQL", processes),
            };
            let pacing = match pacing {
                Pacing::AllAtOnce => "all at once",
                Pacing::Realistic => "1–3 s apart",
            };
            let percentile = |p: usize| {
                self.latencies[(self.latencies.len() * p / 100).min(self.latencies.len() - 1)]
            };
            let rss: Vec<String> = self
                .peak_rss_kib
                .iter()
                .map(|kib| format!("{} MiB", kib / 1024))
                .collect();
            format!(
                "| {store} | {processes} | {pacing} | {} | {:.0} | {} ms | {} ms | {} | {:.2} ms | {:.2} ms | {:.0}% | {} | {} |",
                self.turns,
                self.turns as f64 / self.wall.as_secs_f64(),
                percentile(50).as_millis(),
                percentile(99).as_millis(),
                rss.join(", "),
                self.bot_cpu.as_secs_f64() * 1000.0 / self.turns as f64,
                self.harness_cpu.as_secs_f64() * 1000.0 / self.turns as f64,
                self.machine_busy * 100.0,
                self.lost,
                self.duplicated
            )
        }
    }

    /// One configuration's run, or `None` when PostgreSQL is wanted and not installed.
    pub async fn run(setup: Setup, pacing: Pacing, students: u64) -> Option<Figures> {
        let fake = Arc::new(FakeDiscord::start_sharded(2).await);
        let homes = match setup {
            Setup::Sqlite => vec![Home::new(&fake)],
            Setup::Postgres(1) => vec![Home::on(
                &fake,
                &super::common::postgres::durable_database()?,
            )],
            Setup::Postgres(_) => {
                let database = super::common::postgres::durable_database()?;
                vec![
                    Home::sharing(&fake, &database, "0..0"),
                    Home::sharing(&fake, &database, "1..1"),
                ]
            }
        };
        let bots: Vec<Bot> = homes.iter().map(Bot::start).collect();
        fake.wait_sessions(super::fake_discord::Sessions {
            identified: 2,
            resumed: 0,
        })
        .await;
        fake.wait_for("registration", |r| r.path.ends_with("/commands"))
            .await;

        let bot_cpu_before: Duration = bots.iter().filter_map(Bot::cpu_time).sum();
        let machine_before = machine_cpu_ticks();
        let harness_before = cpu_time_of("self").unwrap_or_default();
        let started = Instant::now();
        let rounds: Vec<_> = (0..students)
            .map(|n| tokio::spawn(student(Arc::clone(&fake), n, pacing)))
            .collect();
        let mut latencies = Vec::new();
        let mut threads = Vec::new();
        for round in rounds {
            let (thread, times) = round.await.unwrap();
            threads.push(thread);
            latencies.extend(times);
        }
        let wall = started.elapsed();
        let (busy, total) = machine_cpu_ticks();
        let machine_busy =
            (busy - machine_before.0) as f64 / (total - machine_before.1).max(1) as f64;
        let bot_cpu = bots.iter().filter_map(Bot::cpu_time).sum::<Duration>() - bot_cpu_before;
        let harness_cpu = cpu_time_of("self").unwrap_or_default() - harness_before;
        let peak_rss_kib = bots.iter().filter_map(Bot::peak_rss_kib).collect();

        let expected = students as usize * TURNS as usize;
        // One pass over the requests: the replies to each turn of each thread.
        let mut replies_to: HashMap<(String, u32), usize> = HashMap::new();
        for request in fake.requests() {
            if request.method != "POST" || !request.path.ends_with("/messages") {
                continue;
            }
            let embeds = &request.raw;
            let turn = (1..=TURNS).find(|&turn| embeds.contains(&reply_marker(turn)));
            if let Some(turn) = turn {
                *replies_to.entry((request.path, turn)).or_default() += 1;
            }
        }
        let mut replies = 0;
        let mut duplicated = 0;
        for thread in &threads {
            for turn in 1..=TURNS {
                let posts = format!("/channels/{thread}/messages");
                let count = replies_to.get(&(posts, turn)).copied().unwrap_or(0);
                replies += count.min(1);
                duplicated += count.saturating_sub(1);
            }
        }
        let pool = homes[0].database_pool().await;
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM turns")
            .fetch_one(&pool)
            .await
            .unwrap();
        let distinct: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM (SELECT DISTINCT round_id, source_id FROM turns) AS unique_turns",
        )
        .fetch_one(&pool)
        .await
        .unwrap();
        pool.close().await;
        for bot in bots {
            bot.terminate(Duration::from_secs(10)).await;
        }
        latencies.sort();
        Some(Figures {
            turns: latencies.len(),
            wall,
            latencies,
            peak_rss_kib,
            bot_cpu,
            harness_cpu,
            machine_busy,
            lost: expected - replies.min(expected) + expected.saturating_sub(stored as usize),
            duplicated: duplicated + (stored - distinct) as usize,
        })
    }

    /// The machine's busy and total CPU ticks so far, all cores (Linux `/proc/stat`).
    fn machine_cpu_ticks() -> (u64, u64) {
        let stat = std::fs::read_to_string("/proc/stat").expect("/proc/stat");
        let ticks: Vec<u64> = stat
            .lines()
            .next()
            .expect("the first line sums all cores")
            .split_whitespace()
            .skip(1)
            .map(|field| field.parse().expect("a tick count"))
            .collect();
        // user nice system idle iowait irq softirq steal …: idle and iowait are not busy.
        let total: u64 = ticks.iter().take(8).sum();
        (total - ticks[3] - ticks[4], total)
    }

    /// One student's round in a thread of one of the two servers: the thread, and the latency
    /// of each turn (from the message sent to the reply's arrival at the fake).
    async fn student(fake: Arc<FakeDiscord>, n: u64, pacing: Pacing) -> (u64, Vec<Duration>) {
        let second = n % 2 == 1;
        let user = FIRST_STUDENT + n;
        let place = Place::Guild {
            channel_id: if second {
                SECOND_CHANNEL
            } else {
                GUILD_CHANNEL_ID
            },
            user_id: user,
        };
        let mut practice = slash_command(
            place,
            "practice",
            json!([string_option("side", "permanent-nonalignment")]),
        );
        if second {
            practice = in_guild(practice, SECOND_GUILD);
        }
        fake.dispatch("INTERACTION_CREATE", practice);
        let added = fake
            .wait_for("the student's thread", |r| {
                r.method == "PUT" && r.path.ends_with(&format!("/thread-members/{user}"))
            })
            .await;
        let thread: u64 = added.path.split('/').nth(2).unwrap().parse().unwrap();
        let mut latencies = Vec::new();
        for turn in 1..=TURNS {
            if let Pacing::Realistic = pacing {
                let pause = rand::rng().random_range(1_000..3_000);
                tokio::time::sleep(Duration::from_millis(pause)).await;
            }
            let mut message = student_message(thread, user, true, MESSAGES[(turn - 1) as usize]);
            if second {
                message["guild_id"] = json!(SECOND_GUILD.to_string());
            }
            latencies.push(say_turn(&fake, thread, turn, message).await);
        }
        (thread, latencies)
    }
}
