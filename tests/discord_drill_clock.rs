//! A classroom drill on its own clock, through the fake Discord: scheduled to begin in five
//! minutes and to last ten, it begins by itself, reminds every thread halfway and with a minute
//! left — each reminder once, a restart of the bot in between — and ends by itself with the
//! leaderboard. Time passes by moving the drill's times into the past in the bot's database.

mod fake_discord;

use std::time::{Duration, Instant};

use fake_discord::{Bot, FakeDiscord, GUILD_CHANNEL_ID, integer_option, string_option};
use fake_discord::{join_drill, open_drill, posted_in, ready_bot, threads_of};
use serde_json::json;

const TEACHER: u64 = 640_000_000_000_000_001;
const STUDENTS: [u64; 2] = [640_000_000_000_000_100, 640_000_000_000_000_101];
/// Long enough for the bot's clock (a tick a second in tests) to look again a few times.
const SOME_TICKS: Duration = Duration::from_secs(3);

#[tokio::test]
async fn a_scheduled_timed_drill_begins_reminds_and_ends_by_itself() {
    let fake = FakeDiscord::start().await;
    let (bot, home) = ready_bot(&fake).await;
    let options = json!([
        string_option("pack", "ukraine-nato"),
        integer_option("minutes", 10),
        integer_option("begin_in", 5)
    ]);
    open_drill(&fake, TEACHER, options, "begins by itself <t:").await;
    join_drill(&fake, &STUDENTS).await;

    home.pass_time(5).await;
    fake.wait_for(
        "the drill begun by itself",
        posted_in(GUILD_CHANNEL_ID, "has begun: 2 students"),
    )
    .await;
    let threads = threads_of(&fake, &STUDENTS).await;

    home.pass_time(6).await;
    for &thread in &threads {
        fake.wait_for(
            "the halfway reminder",
            posted_in(thread, "Halfway through drill"),
        )
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
        fake.wait_for(
            "the last-minute reminder",
            posted_in(thread, "One minute left"),
        )
        .await;
    }

    tokio::time::sleep(SOME_TICKS).await;
    home.pass_time(1).await;
    fake.wait_for(
        "the leaderboard",
        posted_in(GUILD_CHANNEL_ID, "leaderboard (final)"),
    )
    .await;
    for &thread in &threads {
        fake.wait_for("a scorecard", posted_in(thread, "Scorecard"))
            .await;
        for reminder in ["Halfway through drill", "One minute left"] {
            assert_eq!(
                fake.count(posted_in(thread, reminder)),
                1,
                "{reminder} posted once in {thread}"
            );
        }
    }
    assert_eq!(fake.count(posted_in(GUILD_CHANNEL_ID, "has begun")), 1);

    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
