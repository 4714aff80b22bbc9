//! Text that could ping or break the layout: a pack quote with `@everyone` and markdown, a
//! 4,000-character student message, and a pack whose arguments are so long that a brief, a
//! counter and a scorecard exceed an embed. Nothing the bot sends pings, shows raw markdown from
//! the pack, or exceeds Discord's limits; long replies arrive whole, in order, over several
//! embeds and messages.

mod fake_discord;

use std::path::Path;
use std::time::Duration;

use debate_drill::pack::{Argument, load_pack};
use fake_discord::{Bot, FakeDiscord, Home, Place, Request};
use fake_discord::{slash_command, student_message, token_of};
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

/// What a request asks Discord to show: the message itself, or an interaction callback's data.
fn shown(request: &Request) -> &Value {
    request.body.get("data").unwrap_or(&request.body)
}

/// Discord's limits on what one request may carry.
fn check_limits(request: &Request) {
    let body = shown(request);
    let chars = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    assert!(
        chars(&body["content"]) <= 2_000,
        "content: {}",
        request.path
    );
    let embeds = body["embeds"].as_array().cloned().unwrap_or_default();
    assert!(embeds.len() <= 10, "embeds: {}", request.path);
    let mut total = 0;
    for embed in &embeds {
        assert!(chars(&embed["title"]) <= 256);
        assert!(chars(&embed["description"]) <= 4_096);
        assert!(chars(&embed["footer"]["text"]) <= 2_048);
        total += chars(&embed["title"]) + chars(&embed["description"]);
        let fields = embed["fields"].as_array().cloned().unwrap_or_default();
        assert!(fields.len() <= 25, "fields: {}", request.path);
        for field in &fields {
            assert!((1..=256).contains(&chars(&field["name"])));
            assert!((1..=1_024).contains(&chars(&field["value"])));
            total += chars(&field["name"]) + chars(&field["value"]);
        }
        total += chars(&embed["footer"]["text"]);
    }
    assert!(total <= 6_000, "embeds total {total}: {}", request.path);
}

/// Every request so far keeps within the limits and can ping nobody.
fn check_every_request(fake: &FakeDiscord) {
    for request in fake.requests() {
        check_limits(&request);
        let text = request.body.to_string();
        assert!(!text.contains("@everyone"), "{} {text}", request.path);
        if text.contains("\"content\"") || text.contains("\"embeds\"") {
            assert!(text.contains("\"parse\":[]"), "{} {text}", request.path);
        }
    }
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
    fake.practise(place, "pro").await;

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

    check_every_request(&fake);
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}

const LONG_CHANNEL: u64 = 800_000_000_000_000_011;
const LONG_STUDENT: u64 = 800_000_000_000_000_012;
const LONG_PLACE: Place = Place::Dm {
    channel_id: LONG_CHANNEL,
    user_id: LONG_STUDENT,
};

/// The descriptions and field values a request shows, in order.
fn texts(request: &Request) -> Vec<String> {
    let mut texts = Vec::new();
    for embed in shown(request)["embeds"].as_array().into_iter().flatten() {
        texts.extend(embed["description"].as_str().map(str::to_string));
        for field in embed["fields"].as_array().into_iter().flatten() {
            texts.extend(field["value"].as_str().map(str::to_string));
        }
    }
    texts
}

/// A text of the long pack as the bot shows it: its only markdown, `_`, escaped.
fn escaped(text: &str) -> String {
    text.replace('_', "\\_")
}

/// The answers to interaction `token`, once they show every one of `wanted`, which they must
/// show whole and in that order.
async fn answers_showing(fake: &FakeDiscord, token: &str, wanted: &[String]) -> Vec<Request> {
    let answers = |r: &Request| r.path.starts_with("/webhooks/") && r.path.contains(token);
    for text in wanted {
        let what = format!(
            "an answer showing {:?}",
            text.chars().take(40).collect::<String>()
        );
        fake.wait_for(&what, |r| {
            answers(r) && texts(r).iter().any(|t| t.contains(text.as_str()))
        })
        .await;
    }
    let answered: Vec<Request> = fake.requests().into_iter().filter(answers).collect();
    let shown = answered
        .iter()
        .flat_map(texts)
        .collect::<Vec<_>>()
        .join("\n");
    let mut from = 0;
    for text in wanted {
        let at = shown[from..]
            .find(text.as_str())
            .unwrap_or_else(|| panic!("out of order: {text}"));
        from += at + text.len();
    }
    answered
}

fn followup_to(token: &str) -> impl Fn(&Request) -> bool + '_ {
    move |r| r.is("POST", "/webhooks/") && r.path.contains(token)
}

/// The argument whose claim a counter embed shows.
fn countered<'p>(arguments: &'p [Argument], body: &Value) -> &'p Argument {
    let description = body["embeds"][0]["description"].as_str().expect("a claim");
    arguments
        .iter()
        .find(|a| description == format!("**{}**", escaped(&a.claim)))
        .unwrap_or_else(|| panic!("no claim of the pack: {description}"))
}

#[tokio::test]
async fn long_arguments_arrive_whole_over_several_messages() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/long-arguments.toml");
    let pack = load_pack(&path).pack.expect("the long pack loads");
    let of_side = |side: &str| -> Vec<&Argument> {
        pack.arguments.iter().filter(|a| a.side == side).collect()
    };
    let fake = FakeDiscord::start().await;
    let home = Home::with_packs(&fake, &path);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;
    fake.practise(LONG_PLACE, "pro").await;

    let brief = slash_command(LONG_PLACE, "brief", json!([]));
    let brief_token = token_of(&brief);
    fake.dispatch("INTERACTION_CREATE", brief);
    let wanted: Vec<String> = of_side("pro")
        .iter()
        .flat_map(|a| [escaped(&a.claim), escaped(&a.quote)])
        .collect();
    let briefed = answers_showing(&fake, &brief_token, &wanted).await;
    assert!(briefed.len() > 1, "one message cannot hold the brief");
    let shown_brief = briefed.iter().flat_map(texts).collect::<String>();
    assert!(shown_brief.contains("a \\_\\_so called\\_\\_ short essay"));

    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(
            LONG_CHANNEL,
            LONG_STUDENT,
            false,
            "brevity matters: shorter essays respect the reader",
        ),
    );
    let mut latest = fake
        .wait_for("the turn's counter", |r| {
            r.is("POST", &format!("/channels/{LONG_CHANNEL}/messages"))
                && r.body["embeds"].to_string().contains("Counter from")
        })
        .await;
    let opposing: Vec<Argument> = of_side("con").into_iter().cloned().collect();
    let first = countered(&opposing, &latest.body);
    let quote = format!("“{}”", escaped(&first.quote));
    assert!(texts(&latest).contains(&quote), "{}", latest.body);
    let continued = latest.body["embeds"][0]["fields"][1]["name"].as_str();
    assert_eq!(continued, Some("Quote (continued)"), "{}", latest.body);
    // "Next counter" serves each counter that contests the point once, then says so.
    let mut served = vec![first.id.clone()];
    let refused = loop {
        let next = fake.click(LONG_PLACE, "dd:next", &latest.body);
        let answer = fake.wait_for("another counter", followup_to(&next)).await;
        if answer.body["embeds"][0]["description"].is_null() {
            break answer;
        }
        latest = answer;
        let counter = countered(&opposing, &latest.body);
        assert!(!served.contains(&counter.id), "{} twice", counter.id);
        served.push(counter.id.clone());
    };
    assert!(
        refused.body["content"]
            .as_str()
            .is_some_and(|c| c.contains("every counter to it has been served")),
        "{}",
        refused.body
    );
    assert_eq!(refused.body["flags"], 64, "{}", refused.body);
    // The student's other points each draw their own counter, so the scorecard grows long.
    for point in ["clarity", "focus", "attention", "patience", "editing"] {
        fake.dispatch(
            "MESSAGE_CREATE",
            student_message(
                LONG_CHANNEL,
                LONG_STUDENT,
                false,
                &format!("{point} matters more than anything else"),
            ),
        );
        latest = fake
            .wait_for("the point's counter", |r| {
                r.is("POST", &format!("/channels/{LONG_CHANNEL}/messages"))
                    && r.body["embeds"].to_string().contains("Counter from")
                    && !served.iter().any(|id| {
                        r.body
                            .to_string()
                            .contains(&escaped(&pack.argument(id).unwrap().claim))
                    })
            })
            .await;
        served.push(countered(&opposing, &latest.body).id.clone());
    }

    let end_token = fake.click(LONG_PLACE, "dd:end", &latest.body);
    let claim_of = |id: &str| escaped(&pack.argument(id).expect("a served argument").claim);
    // Each dropped counter is listed, then named again with the own-side argument that rebuts it.
    let answer_to = |id: &str| id.replace("con.", "pro.");
    let wanted: Vec<String> = served
        .iter()
        .map(|id| claim_of(id))
        .chain(
            served
                .iter()
                .flat_map(|id| [claim_of(id), claim_of(&answer_to(id))]),
        )
        .collect();
    let scorecard = answers_showing(&fake, &end_token, &wanted).await;
    assert!(scorecard.len() > 1, "one message cannot hold the scorecard");

    check_every_request(&fake);
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}
