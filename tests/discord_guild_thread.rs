//! A solo round in a server: /practice opens a private thread with the student in it; the
//! student's messages there are turns, another member's are not.

mod fake_discord;

use std::time::Duration;

use fake_discord::{FakeDiscord, GUILD_CHANNEL_ID, Place, Request};
use fake_discord::{assert_round_open_before_admission, ready_bot};
use fake_discord::{slash_command, string_option, student_message};
use serde_json::json;

const STUDENT: u64 = 600_000_000_000_000_001;
const OTHER_MEMBER: u64 = 600_000_000_000_000_002;

fn counter_in(thread: u64) -> impl Fn(&Request) -> bool {
    move |r| {
        r.is("POST", &format!("/channels/{thread}/messages"))
            && r.body["embeds"].to_string().contains("Counter from")
    }
}

/// The student runs `/practice` on the coalition-guarantee side in the server's channel.
fn practise_in_server(fake: &FakeDiscord) {
    let place = Place::Guild {
        channel_id: GUILD_CHANNEL_ID,
        user_id: STUDENT,
    };
    let practice = slash_command(
        place,
        "practice",
        json!([string_option("side", "coalition-guarantee")]),
    );
    fake.dispatch("INTERACTION_CREATE", practice);
}

#[tokio::test]
async fn practice_in_a_server_runs_in_a_private_thread() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = ready_bot(&fake).await;
    practise_in_server(&fake);

    let created = fake
        .wait_for("a thread", |r| {
            r.is("POST", &format!("/channels/{GUILD_CHANNEL_ID}/threads"))
        })
        .await;
    assert_eq!(created.body["type"], 12, "private: {}", created.body);
    fake.wait_for("the student added", |r| {
        r.method == "PUT" && r.path.ends_with(&format!("/thread-members/{STUDENT}"))
    })
    .await;
    let started = fake
        .wait_for("the round's first post in the thread", |r| {
            r.method == "POST"
                && r.path.starts_with("/channels/")
                && r.path.ends_with("/messages")
                && r.body["embeds"].to_string().contains("Your round")
        })
        .await;
    let thread: u64 = started.path.split('/').nth(2).unwrap().parse().unwrap();
    assert_ne!(thread, GUILD_CHANNEL_ID);

    let argument = "A group of European neighbours should pledge to defend Ukraine, without NATO.";
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(thread, OTHER_MEMBER, true, argument),
    );
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(thread, STUDENT, true, argument),
    );
    fake.wait_for("a counter to the student", counter_in(thread))
        .await;
    // The other member's message was dispatched first; give it time to (wrongly) be answered.
    tokio::time::sleep(Duration::from_millis(500)).await;

    assert_eq!(fake.count(counter_in(thread)), 1, "{}", bot.log());
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}

#[tokio::test]
async fn a_student_is_added_to_their_thread_only_once_the_round_is_open_there() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = ready_bot(&fake).await;
    practise_in_server(&fake);
    let added = fake
        .wait_for("the student added", |r| {
            r.method == "PUT" && r.path.ends_with(&format!("/thread-members/{STUDENT}"))
        })
        .await;
    let thread: u64 = added.path.split('/').nth(2).unwrap().parse().unwrap();
    assert_round_open_before_admission(&fake, thread, STUDENT);

    // The student writes the moment they are added: the message is their first turn.
    let argument = "A group of European neighbours should pledge to defend Ukraine, without NATO.";
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(thread, STUDENT, true, argument),
    );
    fake.wait_for("a counter to the first message", counter_in(thread))
        .await;
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}

#[tokio::test]
async fn chat_in_a_channel_without_a_round_shows_no_typing_and_gets_no_reply() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = ready_bot(&fake).await;

    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(GUILD_CHANNEL_ID, OTHER_MEMBER, true, "anyone up for lunch?"),
    );
    // Longer than the bot waits before it shows itself typing.
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let in_channel = format!("/channels/{GUILD_CHANNEL_ID}/");
    assert_eq!(
        fake.count(|r| r.path.starts_with(&in_channel)),
        0,
        "{}",
        bot.log()
    );
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
