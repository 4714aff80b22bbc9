//! A classroom drill on its own clock, through the fake Discord: scheduled to begin in five
//! minutes and to last ten, it begins by itself, reminds every thread halfway and with a minute
//! left — each reminder once, a restart of the bot in between — and ends by itself with the
//! leaderboard. Time passes by moving the drill's times into the past in the bot's database.

mod fake_discord;

use std::time::{Duration, Instant};

use fake_discord::{Bot, FakeDiscord, GUILD_CHANNEL_ID, Home, Request};
use fake_discord::{answer_with, as_instructor, in_guild_channel as here, integer_option};
use fake_discord::{string_option, subcommand};
use serde_json::json;

const TEACHER: u64 = 640_000_000_000_000_001;
const STUDENTS: [u64; 2] = [640_000_000_000_000_100, 640_000_000_000_000_101];
/// Long enough for the bot's clock (a tick a second in tests) to look again a few times.
const SOME_TICKS: Duration = Duration::from_secs(3);

fn in_channel(text: &str) -> impl Fn(&Request) -> bool {
    in_thread(GUILD_CHANNEL_ID, text)
}

fn in_thread(channel: u64, text: &str) -> impl Fn(&Request) -> bool {
    let text = text.to_string();
    move |r| r.is("POST", &format!("/channels/{channel}/messages")) && r.raw.contains(&text)
}

#[tokio::test]
async fn a_scheduled_timed_drill_begins_reminds_and_ends_by_itself() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let start = as_instructor(subcommand(
        here(TEACHER),
        "drill",
        "start",
        json!([
            string_option("pack", "ukraine-nato"),
            integer_option("minutes", 10),
            integer_option("begin_in", 5)
        ]),
    ));
    fake.dispatch("INTERACTION_CREATE", start.clone());
    fake.wait_for("the drill card", answer_with(&start, "begins by itself <t:"))
        .await;
    for student in STUDENTS {
        let join = subcommand(here(student), "drill", "join", json!([]));
        fake.dispatch("INTERACTION_CREATE", join.clone());
        fake.wait_for("a welcome", answer_with(&join, "You're in!"))
            .await;
    }

    home.pass_time(5).await;
    fake.wait_for(
        "the drill begun by itself",
        in_channel("has begun: 2 student(s)"),
    )
    .await;
    let mut threads = Vec::new();
    for student in STUDENTS {
        let added = fake
            .wait_for("a thread for each student", |r| {
                r.method == "PUT" && r.path.ends_with(&format!("/thread-members/{student}"))
            })
            .await;
        threads.push(added.path.split('/').nth(2).unwrap().parse::<u64>().unwrap());
    }

    home.pass_time(6).await;
    for &thread in &threads {
        fake.wait_for("the halfway reminder", in_thread(thread, "Halfway through drill"))
            .await;
    }

    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
    let restarted = Instant::now();
    let bot = Bot::start(&home);
    fake.wait_for("registration again", |r| {
        r.path.ends_with("/commands") && r.at > restarted
    })
    .await;
    // A few ticks with the halfway reminder still the latest due: it must not go out again.
    tokio::time::sleep(SOME_TICKS).await;

    home.pass_time(3).await;
    for &thread in &threads {
        fake.wait_for("the last-minute reminder", in_thread(thread, "One minute left"))
            .await;
    }

    tokio::time::sleep(SOME_TICKS).await;
    home.pass_time(1).await;
    fake.wait_for("the leaderboard", in_channel("leaderboard (final)"))
        .await;
    for &thread in &threads {
        fake.wait_for("a scorecard", in_thread(thread, "Scorecard")).await;
        for reminder in ["Halfway through drill", "One minute left"] {
            assert_eq!(
                fake.count(in_thread(thread, reminder)),
                1,
                "{reminder} posted once in {thread}"
            );
        }
    }
    assert_eq!(fake.count(in_channel("has begun")), 1);

    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
