//! Text that could ping or break the layout: a pack quote with `@everyone` and markdown, and a
//! 4,000-character student message. Nothing the bot sends pings, shows raw markdown from the
//! pack, or exceeds Discord's limits.

mod fake_discord;

use std::time::Duration;

use fake_discord::{Bot, FakeDiscord, Home, Place, Request};
use fake_discord::{slash_command, string_option, student_message, token_of};
use serde_json::{Value, json};

const CHANNEL: u64 = 800_000_000_000_000_001;
const STUDENT: u64 = 800_000_000_000_000_002;

const PACK: &str = r#"
id = "hostile"
title = "Hostile **text**"
motion = "This house would ping @everyone"

[[sides]]
id = "pro"
name = "Pro"
opposes = ["con"]

[[sides]]
id = "con"
name = "Con"
opposes = ["pro"]

[[positions]]
id = "alice"
author = "Alice"
source = "Pro Weekly"
side = "pro"
thesis = "Uniforms cost less."

[[positions.arguments]]
id = "alice.cost"
claim = "Uniforms are cheaper for families than fashion."
quote = "A uniform costs less than a wardrobe of brands."
keywords = ["cost", "cheap", "brands", "uniform"]
rebuts = ["bob.expression"]

[[positions]]
id = "bob"
author = "Bob @everyone"
source = "Con ~~Review~~"
side = "con"
thesis = "Clothes express identity."

[[positions.arguments]]
id = "bob.expression"
claim = "**Clothes** are how teenagers express who they are, @here."
quote = "Hey @everyone: what we wear is __how__ we tell <@123> who we are."
keywords = ["expression", "identity", "freedom"]
rebuts = ["alice.cost"]
"#;

/// Discord's limits on what one request may carry.
fn check_limits(request: &Request) {
    let body = request.body.get("data").unwrap_or(&request.body);
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(
        chars(&body["content"]) <= 2_000,
        "content: {}",
        request.path
    );
    let mut total = 0;
    for embed in body["embeds"].as_array().into_iter().flatten() {
        assert!(chars(&embed["title"]) <= 256);
        assert!(chars(&embed["description"]) <= 4_096);
        total += chars(&embed["title"]) + chars(&embed["description"]);
        for field in embed["fields"].as_array().into_iter().flatten() {
            assert!(chars(&field["name"]) <= 256);
            assert!(chars(&field["value"]) <= 1_024);
            total += chars(&field["name"]) + chars(&field["value"]);
        }
        total += chars(&embed["footer"]["text"]);
    }
    assert!(total <= 6_000, "embeds total {total}: {}", request.path);
}

#[tokio::test]
async fn hostile_text_neither_pings_nor_breaks_limits() {
    let packs = tempfile::tempdir().unwrap();
    let pack = packs.path().join("hostile.toml");
    std::fs::write(&pack, PACK).unwrap();
    let fake = FakeDiscord::start().await;
    let home = Home::with_packs(&fake, &pack);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let place = Place::Dm {
        channel_id: CHANNEL,
        user_id: STUDENT,
    };
    let practice = slash_command(place, "practice", json!([string_option("side", "pro")]));
    let token = token_of(&practice);
    fake.dispatch("INTERACTION_CREATE", practice);
    fake.wait_for("the round started", |r| {
        r.path.contains(&token) && r.path.starts_with("/webhooks/")
    })
    .await;

    let long = "Uniforms are cheaper than brands and fashion. ".repeat(90);
    let long: String = long.chars().take(4_000).collect();
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(CHANNEL, STUDENT, false, &long),
    );
    let counter = fake
        .wait_for("a counter quoting Bob", |r| {
            r.is("POST", &format!("/channels/{CHANNEL}/messages"))
                && r.body["embeds"].to_string().contains("Bob")
        })
        .await;
    let shown = counter.body["embeds"].to_string();
    assert!(
        !shown.contains("@everyone") && !shown.contains("@here"),
        "{shown}"
    );
    assert!(
        !shown.contains("__how__") && !shown.contains("<@123>"),
        "{shown}"
    );

    for request in fake.requests() {
        check_limits(&request);
        let text = request.body.to_string();
        assert!(!text.contains("@everyone"), "{} {text}", request.path);
        if text.contains("\"content\"") || text.contains("\"embeds\"") {
            assert!(text.contains("\"parse\":[]"), "{} {text}", request.path);
        }
    }
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
