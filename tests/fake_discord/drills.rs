//! Steps that classroom drill tests share: a bot ready against the fake, a pack uploaded by an
//! instructor, a drill opened by one, students joining it, the threads they are added to, and
//! the bot's posts.

use serde_json::Value;

use super::bot::{Bot, Home};
use super::payloads::{
    answer_with, as_instructor, attachment_command, in_guild_channel, subcommand,
};
use super::{FakeDiscord, Request};

/// The bot started with a home of its own, once it has registered its commands.
pub async fn ready_bot(fake: &FakeDiscord) -> (Bot, Home) {
    let home = Home::new(fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;
    (bot, home)
}

/// `teacher` (an instructor) uploads `attachment` with `/pack upload` in the guild channel;
/// returns once the bot says the pack is ready.
pub async fn upload_pack(fake: &FakeDiscord, teacher: u64, attachment: Value) {
    let upload = as_instructor(attachment_command(
        in_guild_channel(teacher),
        "pack",
        "upload",
        attachment,
    ));
    fake.dispatch("INTERACTION_CREATE", upload.clone());
    fake.wait_for(
        "the upload",
        answer_with(&upload, "is ready in this server"),
    )
    .await;
}

/// `/drill start` with `options`, run by `teacher` (an instructor) in the guild channel; the
/// drill card, once it holds `card_says`.
pub async fn open_drill(
    fake: &FakeDiscord,
    teacher: u64,
    options: Value,
    card_says: &str,
) -> Request {
    let start = as_instructor(subcommand(
        in_guild_channel(teacher),
        "drill",
        "start",
        options,
    ));
    fake.dispatch("INTERACTION_CREATE", start.clone());
    fake.wait_for("the drill card", answer_with(&start, card_says))
        .await
}

/// Each of `students` runs `/drill join` and is welcomed.
pub async fn join_drill(fake: &FakeDiscord, students: &[u64]) {
    for &student in students {
        let join = subcommand(
            in_guild_channel(student),
            "drill",
            "join",
            serde_json::json!([]),
        );
        fake.dispatch("INTERACTION_CREATE", join.clone());
        fake.wait_for("a welcome", answer_with(&join, "You're in!"))
            .await;
    }
}

/// The thread each of `students` was added to, in their order; each checked to hold their
/// round's opening already (`assert_round_open_before_admission`).
pub async fn threads_of(fake: &FakeDiscord, students: &[u64]) -> Vec<u64> {
    let mut threads = Vec::new();
    for &student in students {
        let added = fake
            .wait_for("a student added to a thread", |r| {
                r.method == "PUT" && r.path.ends_with(&format!("/thread-members/{student}"))
            })
            .await;
        let thread = added.path.split('/').nth(2).and_then(|id| id.parse().ok());
        let thread = thread.expect("a thread id in the path");
        assert_round_open_before_admission(fake, thread, student);
        threads.push(thread);
    }
    threads
}

/// Panics unless the bot posted a round's opening ("Your round") in `thread` before it added
/// `student` there: a student can write as soon as they are added, and that first message must
/// find its round stored.
pub fn assert_round_open_before_admission(fake: &FakeDiscord, thread: u64, student: u64) {
    let requests = fake.requests();
    let position = |wanted: &dyn Fn(&Request) -> bool| requests.iter().position(wanted);
    let admitted = position(&|r| {
        r.is(
            "PUT",
            &format!("/channels/{thread}/thread-members/{student}"),
        )
    })
    .expect("the student was added to the thread");
    let opened = position(&posted_in(thread, "Your round"));
    assert!(
        opened.is_some_and(|opened| opened < admitted),
        "student {student} was added to thread {thread} before any round opened there"
    );
}

/// A message the bot posted in `channel` (a channel or a thread) that holds `text`.
pub fn posted_in(channel: u64, text: &str) -> impl Fn(&Request) -> bool {
    let text = text.to_string();
    move |r| r.is("POST", &format!("/channels/{channel}/messages")) && r.raw.contains(&text)
}
