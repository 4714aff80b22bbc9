//! A solo round in a DM, through the real bot and the fake Discord: /practice, a plain message
//! answered with a counter embed, /hint, the End round button, and no request that could ping.

mod fake_discord;

use std::time::Duration;

use fake_discord::{Bot, FakeDiscord, Home, Place, Request};
use fake_discord::{
    bot_user, button_click, message, slash_command, string_option, student_message, token_of,
};
use serde_json::{Value, json};

const CHANNEL: u64 = 500_000_000_000_000_001;
const STUDENT: u64 = 500_000_000_000_000_002;
const PLACE: Place = Place::Dm {
    channel_id: CHANNEL,
    user_id: STUDENT,
};

fn answers(token: &str) -> impl Fn(&Request) -> bool + '_ {
    move |r| r.method == "POST" && r.path.starts_with("/webhooks/") && r.path.contains(token)
}

fn embed_text(body: &Value) -> String {
    body["embeds"].to_string()
}

#[tokio::test]
async fn a_dm_round_from_practice_to_scorecard() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let practice = slash_command(
        PLACE,
        "practice",
        json!([string_option("side", "permanent-nonalignment")]),
    );
    let token = token_of(&practice);
    fake.dispatch("INTERACTION_CREATE", practice);
    let callback = fake
        .wait_for("the /practice acknowledgement", |r| {
            r.path.contains(&token) && r.path.ends_with("/callback")
        })
        .await;
    assert_eq!(callback.body["type"], 5, "deferred: {}", callback.body);
    let started = fake
        .wait_for("the round's first post", answers(&token))
        .await;
    assert!(
        embed_text(&started.body).contains("Your round"),
        "{}",
        started.body
    );

    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(
            CHANNEL,
            STUDENT,
            false,
            "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.",
        ),
    );
    let counter = fake
        .wait_for("a counter in the DM", |r| {
            r.is("POST", &format!("/channels/{CHANNEL}/messages"))
                && embed_text(&r.body).contains("Counter from")
        })
        .await;
    assert!(
        embed_text(&counter.body).contains("Quote"),
        "{}",
        counter.body
    );

    let hint = slash_command(PLACE, "hint", json!([]));
    let hint_token = token_of(&hint);
    fake.dispatch("INTERACTION_CREATE", hint);
    let hinted = fake.wait_for("the hint", answers(&hint_token)).await;
    assert_eq!(hinted.body["flags"], 64, "private: {}", hinted.body);

    let shown = message(CHANNEL, bot_user(), None, &counter.body);
    let end = button_click(PLACE, "dd:end", shown);
    let end_token = token_of(&end);
    fake.dispatch("INTERACTION_CREATE", end);
    let scorecard = fake.wait_for("the scorecard", answers(&end_token)).await;
    assert!(
        embed_text(&scorecard.body).contains("Scorecard"),
        "{}",
        scorecard.body
    );

    for request in fake.requests() {
        let sends_text = request.body.get("content").is_some()
            || request.body.get("embeds").is_some()
            || request
                .body
                .get("data")
                .is_some_and(|d| d.get("content").is_some() || d.get("embeds").is_some());
        if !sends_text {
            continue;
        }
        let mentions = request.body.get("allowed_mentions").or_else(|| {
            request
                .body
                .get("data")
                .and_then(|d| d.get("allowed_mentions"))
        });
        assert_eq!(
            mentions.map(|m| m["parse"].clone()),
            Some(json!([])),
            "{} {} {}",
            request.method,
            request.path,
            request.body
        );
    }
    let apologies = fake.count(|r| r.body.to_string().contains("Sorry, something went wrong"));
    assert_eq!(apologies, 0, "internal errors; log:\n{}", bot.log());
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
