//! A classroom drill through the fake Discord: six students join (button and command), sides
//! are balanced at begin, each gets a private thread with a round, plays a turn; the drill
//! ends by itself when its time is up, the leaderboard is posted, and the CSV export holds one
//! row per student.

mod fake_discord;

use std::collections::HashMap;

use fake_discord::{Bot, FakeDiscord, GUILD_CHANNEL_ID, GUILD_ID};
use fake_discord::{answer_with, as_instructor, button_click, integer_option, slash_command};
use fake_discord::{bot_user, in_guild_channel as here, message, string_option};
use fake_discord::{join_drill, open_drill, posted_in, ready_bot, threads_of};
use fake_discord::{student_message, subcommand};
use serde_json::json;

const TEACHER: u64 = 620_000_000_000_000_001;
const FIRST_STUDENT: u64 = 620_000_000_000_000_100;

#[tokio::test]
async fn a_drill_with_six_students_runs_from_join_to_export() {
    let fake = FakeDiscord::start().await;
    let (bot, home) = ready_bot(&fake).await;

    // A student cannot open a drill.
    let refused = subcommand(
        here(FIRST_STUDENT),
        "drill",
        "start",
        json!([string_option("pack", "ukraine-nato")]),
    );
    fake.dispatch("INTERACTION_CREATE", refused.clone());
    fake.wait_for("a refusal", answer_with(&refused, "Only instructors"))
        .await;

    let options = json!([
        string_option("pack", "ukraine-nato"),
        integer_option("rounds", 3),
        integer_option("minutes", 30)
    ]);
    let card = open_drill(&fake, TEACHER, options, "Class drill #").await;
    let custom_id = card
        .raw
        .split("\"custom_id\":\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a Join button")
        .to_string();
    assert!(custom_id.starts_with("dd:join:"), "{custom_id}");

    let students: Vec<u64> = (0..6).map(|i| FIRST_STUDENT + i).collect();
    for (i, &student) in students.iter().enumerate() {
        let joining = if i % 2 == 0 {
            button_click(
                here(student),
                &custom_id,
                message(GUILD_CHANNEL_ID, bot_user(), Some(GUILD_ID), &json!({})),
            )
        } else {
            subcommand(here(student), "drill", "join", json!([]))
        };
        fake.dispatch("INTERACTION_CREATE", joining.clone());
        fake.wait_for("a welcome", answer_with(&joining, "You're in!"))
            .await;
    }

    let begin = as_instructor(subcommand(here(TEACHER), "drill", "begin", json!([])));
    fake.dispatch("INTERACTION_CREATE", begin.clone());
    let begun = fake
        .wait_for(
            "the drill begun",
            answer_with(&begin, "has begun: 6 students"),
        )
        .await;

    // Every student was added to a thread of their own, and their round started there.
    let thread_of: HashMap<u64, u64> = students
        .iter()
        .copied()
        .zip(threads_of(&fake, &students).await)
        .collect();
    let mut threads: Vec<u64> = thread_of.values().copied().collect();
    threads.sort();
    threads.dedup();
    assert_eq!(threads.len(), 6, "one private thread each");
    let mut sides: HashMap<String, usize> = HashMap::new();
    for (&student, &thread) in &thread_of {
        let started = fake
            .wait_for("a round in the thread", posted_in(thread, "Your round"))
            .await;
        let side = started.body["embeds"][0]["title"]
            .as_str()
            .unwrap_or_else(|| panic!("no title for {student}: {}", started.raw))
            .to_string();
        *sides.entry(side).or_default() += 1;
    }
    let (min, max) = (sides.values().min(), sides.values().max());
    assert!(
        max.unwrap() - min.unwrap() <= 1,
        "balanced: {sides:?}; {}",
        begun.raw
    );

    // Each student plays a turn in their thread.
    let argument = "A group of European neighbours should pledge to defend Ukraine, without NATO.";
    for (&student, &thread) in &thread_of {
        fake.dispatch(
            "MESSAGE_CREATE",
            student_message(thread, student, true, argument),
        );
    }
    for &thread in thread_of.values() {
        fake.wait_for("a counter", posted_in(thread, "Counter from"))
            .await;
    }

    // A late joiner gets a side with the fewest members, and a thread at once.
    let late = subcommand(here(FIRST_STUDENT + 50), "drill", "join", json!([]));
    fake.dispatch("INTERACTION_CREATE", late.clone());
    fake.wait_for(
        "a late seat",
        answer_with(&late, "joined a drill under way"),
    )
    .await;

    // Half an hour passes: the drill's own clock ends it.
    home.pass_time(30).await;
    let board = fake
        .wait_for(
            "the leaderboard in the channel",
            posted_in(GUILD_CHANNEL_ID, "leaderboard (final)"),
        )
        .await;
    for &student in &students {
        assert!(
            board.raw.contains(&format!("<@{student}>")),
            "{}",
            board.raw
        );
    }
    for &thread in thread_of.values() {
        fake.wait_for("a scorecard in the thread", posted_in(thread, "Scorecard"))
            .await;
    }

    let export = as_instructor(subcommand(here(TEACHER), "drill", "export", json!([])));
    fake.dispatch("INTERACTION_CREATE", export.clone());
    let file = fake
        .wait_for(
            "the CSV",
            answer_with(&export, "drill,student,name,round,side,turns"),
        )
        .await;
    assert!(file.raw.contains("relevance,clash,evidence,novelty,penalties,total,scale,scale_score,counters_answered,counters_dropped"), "{}", file.raw);
    assert!(
        file.raw.contains(".png") && file.raw.contains("\u{FFFD}PNG"),
        "the class chart beside the CSV"
    );
    for &student in &students {
        let row = file
            .raw
            .lines()
            .find(|l| l.contains(&format!(",{student},")))
            .unwrap_or_else(|| panic!("no row for {student}: {}", file.raw));
        let fields: Vec<&str> = row.trim_end().split(',').collect();
        assert_eq!(fields.len(), 16, "{row}");
        assert_eq!(fields[2], format!("student{student}"), "the name: {row}");
        assert_eq!(fields[5], "1", "one turn: {row}");
    }

    let board = slash_command(here(FIRST_STUDENT), "leaderboard", json!([]));
    fake.dispatch("INTERACTION_CREATE", board.clone());
    fake.wait_for("/leaderboard", answer_with(&board, "leaderboard (final)"))
        .await;

    let (status, _) = bot.terminate(std::time::Duration::from_secs(10)).await;
    assert!(status.success());
}

#[tokio::test]
async fn a_drill_survives_a_restart() {
    let fake = FakeDiscord::start().await;
    let (bot, home) = ready_bot(&fake).await;
    let options = json!([string_option("pack", "ukraine-nato")]);
    open_drill(&fake, TEACHER, options, "Class drill #").await;
    let students = [FIRST_STUDENT, FIRST_STUDENT + 1];
    join_drill(&fake, &students).await;

    let (status, _) = bot.terminate(std::time::Duration::from_secs(10)).await;
    assert!(status.success());
    let bot = Bot::start(&home);

    let begin = as_instructor(subcommand(here(TEACHER), "drill", "begin", json!([])));
    fake.dispatch("INTERACTION_CREATE", begin.clone());
    fake.wait_for(
        "the drill begun after the restart",
        answer_with(&begin, "has begun: 2 students"),
    )
    .await;
    threads_of(&fake, &students).await;
    let (status, _) = bot.terminate(std::time::Duration::from_secs(10)).await;
    assert!(status.success());
}
