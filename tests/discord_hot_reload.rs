//! Hot reload of the packs folder: a good change is served without a restart; a broken change
//! is logged and the previous packs keep serving.

mod fake_discord;

use std::path::Path;
use std::time::Duration;

use fake_discord::{Bot, FakeDiscord, Home, Place, Request};
use fake_discord::{slash_command, string_option, token_of};
use serde_json::{Value, json};

const STUDENT: u64 = 630_000_000_000_000_001;

fn answer_with(interaction: &Value, text: &str) -> impl Fn(&Request) -> bool {
    let token = token_of(interaction);
    let text = text.to_string();
    move |r| r.path.contains(&token) && r.raw.contains(&text)
}

/// `/practice pack:school-uniforms` in a fresh DM; the bot's answer must contain `expected`.
async fn practice(fake: &FakeDiscord, channel: u64, expected: &str) {
    let place = Place::Dm {
        channel_id: channel,
        user_id: STUDENT,
    };
    let command = slash_command(
        place,
        "practice",
        json!([string_option("pack", "school-uniforms")]),
    );
    fake.dispatch("INTERACTION_CREATE", command.clone());
    fake.wait_for(expected, answer_with(&command, expected))
        .await;
}

async fn eventually(bot: &Bot, wanted: &str) {
    for _ in 0..100 {
        if bot.log().contains(wanted) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the log never said {wanted:?}:\n{}", bot.log());
}

#[tokio::test]
async fn a_good_change_is_picked_up_and_a_broken_one_is_not() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let packs = tempfile::tempdir().unwrap();
    let bundled = repo.join("positions/ukraine-nato");
    let copy = packs.path().join("ukraine-nato");
    std::fs::create_dir(&copy).unwrap();
    for entry in std::fs::read_dir(&bundled).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let fake = FakeDiscord::start().await;
    let home = Home::hot_reloading(&fake, packs.path());
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    practice(
        &fake,
        630_000_000_000_000_010,
        "There is no pack called school-uniforms",
    )
    .await;

    let uniforms = std::fs::read(repo.join("tests/data/good-packs/uniforms.toml")).unwrap();
    std::fs::write(packs.path().join("uniforms.toml"), &uniforms).unwrap();
    eventually(&bot, "packs reloaded").await;
    practice(&fake, 630_000_000_000_000_011, "School uniforms").await;

    let broken = String::from_utf8(uniforms)
        .unwrap()
        .replacen("motion =", "motoin =", 1);
    std::fs::write(packs.path().join("uniforms.toml"), broken).unwrap();
    eventually(&bot, "the previous packs keep serving").await;
    practice(&fake, 630_000_000_000_000_012, "School uniforms").await;

    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
