//! A round survives a dropped gateway connection (no turn lost) and a restart of the bot
//! (the round goes on from the database).

mod fake_discord;

use std::time::Duration;

use fake_discord::{Bot, FakeDiscord, Home, Place, Request, Sessions};
use fake_discord::{slash_command, string_option, student_message, token_of};
use serde_json::json;

const CHANNEL: u64 = 700_000_000_000_000_001;
const STUDENT: u64 = 700_000_000_000_000_002;

const TURNS: [&str; 3] = [
    "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.",
    "Georgia and Ukraine should stay nonaligned in exchange for verifiable Russian commitments.",
    "Enlargement to the Baltics is no precedent for Ukraine joining the alliance.",
];

fn turn_answered(turn: u32) -> impl Fn(&Request) -> bool {
    move |r| {
        r.is("POST", &format!("/channels/{CHANNEL}/messages"))
            && r.body["embeds"]
                .to_string()
                .contains(&format!("Your turn {turn}:"))
    }
}

fn say(fake: &FakeDiscord, text: &str) {
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(CHANNEL, STUDENT, false, text),
    );
}

#[tokio::test]
async fn a_round_survives_a_gateway_drop_and_a_restart() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let place = Place::Dm {
        channel_id: CHANNEL,
        user_id: STUDENT,
    };
    let practice = slash_command(
        place,
        "practice",
        json!([string_option("side", "permanent-nonalignment")]),
    );
    let token = token_of(&practice);
    fake.dispatch("INTERACTION_CREATE", practice);
    fake.wait_for("the round started", |r| {
        r.path.contains(&token) && r.path.starts_with("/webhooks/")
    })
    .await;
    say(&fake, TURNS[0]);
    fake.wait_for("turn 1", turn_answered(1)).await;

    // The connection drops; the next message waits for the bot to come back.
    fake.drop_gateway();
    say(&fake, TURNS[1]);
    fake.wait_for("turn 2 after the reconnect", turn_answered(2))
        .await;
    let sessions = fake
        .wait_sessions(Sessions {
            identified: 1,
            resumed: 0,
        })
        .await;
    assert!(
        sessions.resumed + sessions.identified >= 2,
        "the bot reconnected: {sessions:?}"
    );

    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
    let bot = Bot::start(&home);
    say(&fake, TURNS[2]);
    fake.wait_for("turn 3 after the restart", turn_answered(3))
        .await;

    for turn in 1..=3 {
        assert_eq!(
            fake.count(turn_answered(turn)),
            1,
            "turn {turn} answered once"
        );
    }
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
