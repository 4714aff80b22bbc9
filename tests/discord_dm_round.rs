//! A solo round in a DM, through the real bot and the fake Discord: /practice, a plain message
//! answered with a counter embed, /hint, the Next counter and End round buttons, and no request
//! that could ping.

mod fake_discord;

use std::path::Path;
use std::time::{Duration, Instant};

use debate_drill::pack::{Argument, Pack, load_pack};
use debate_drill::store::{ClashOrigin, Store};
use fake_discord::{Bot, FakeDiscord, Home, Place, Request};
use fake_discord::{slash_command, string_option, student_message, token_of};
use serde_json::{Value, json};

const CHANNEL: u64 = 500_000_000_000_000_001;
const STUDENT: u64 = 500_000_000_000_000_002;
const PLACE: Place = Place::Dm {
    channel_id: CHANNEL,
    user_id: STUDENT,
};
const SIDE: &str = "permanent-nonalignment";
const FIRST_POINT: &str =
    "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.";

fn answers(token: &str) -> impl Fn(&Request) -> bool + '_ {
    move |r| r.method == "POST" && r.path.starts_with("/webhooks/") && r.path.contains(token)
}

fn embed_text(body: &Value) -> String {
    body["embeds"].to_string()
}

/// The student writes `text` in the DM; when it was sent.
fn student_says(fake: &FakeDiscord, text: &str) -> Instant {
    let sent = Instant::now();
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(CHANNEL, STUDENT, false, text),
    );
    sent
}

/// A counter the bot posts in the DM after `after`.
fn counter_in_dm(after: Instant) -> impl Fn(&Request) -> bool {
    move |r| {
        r.at > after
            && r.is("POST", &format!("/channels/{CHANNEL}/messages"))
            && embed_text(&r.body).contains("Counter from")
    }
}

#[tokio::test]
async fn a_dm_round_from_practice_to_scorecard() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    let practice = slash_command(PLACE, "practice", json!([string_option("side", SIDE)]));
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

    let said = student_says(&fake, FIRST_POINT);
    let counter = fake
        .wait_for("a counter in the DM", counter_in_dm(said))
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

    let end_token = fake.click(PLACE, "dd:end", &counter.body);
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

/// The pack argument whose quote a counter embed shows (markdown escapes removed).
fn quoted<'p>(pack: &'p Pack, body: &Value) -> &'p Argument {
    let fields = body["embeds"][0]["fields"].as_array().expect("fields");
    let quote = fields
        .iter()
        .find(|f| f["name"] == "Quote")
        .and_then(|f| f["value"].as_str())
        .expect("a quote field");
    let verbatim = quote
        .lines()
        .next()
        .and_then(|line| line.strip_prefix('“')?.strip_suffix('”'))
        .expect("a quoted first line")
        .replace('\\', "");
    pack.arguments
        .iter()
        .find(|a| a.quote == verbatim)
        .unwrap_or_else(|| panic!("not a verbatim pack quote: {verbatim}"))
}

fn buttons(body: &Value) -> Vec<String> {
    body["components"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|row| row["components"].as_array().cloned().unwrap_or_default())
        .filter_map(|button| button["custom_id"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn next_counter_serves_another_opposing_counter_and_the_round_goes_on() {
    let pack = load_pack(&Path::new(env!("CARGO_MANIFEST_DIR")).join("positions/ukraine-nato"))
        .pack
        .unwrap();
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;
    fake.practise(PLACE, SIDE).await;

    let said = student_says(&fake, FIRST_POINT);
    let first = fake
        .wait_for("the turn's counter", counter_in_dm(said))
        .await;
    assert!(buttons(&first.body).contains(&"dd:next".to_string()));
    let first_counter = quoted(&pack, &first.body);

    let click_token = fake.click(PLACE, "dd:next", &first.body);
    let acknowledged = fake
        .wait_for("the click's acknowledgement", |r| {
            r.path.contains(&click_token) && r.path.ends_with("/callback")
        })
        .await;
    assert_eq!(acknowledged.body["type"], 6, "{}", acknowledged.body);
    let next = fake
        .wait_for("another counter", |r| {
            r.is("POST", "/webhooks/") && r.path.contains(&click_token)
        })
        .await;
    let shown_next = embed_text(&next.body);
    assert!(shown_next.contains("Counter from"), "{}", next.body);
    assert!(shown_next.contains("Your point"), "{}", next.body);
    assert!(!shown_next.contains("/100"), "no score: {}", next.body);
    assert_ne!(next.body["flags"], 64, "posted for good: {}", next.body);
    assert_eq!(
        buttons(&next.body).first().map(String::as_str),
        Some("dd:next"),
        "{}",
        next.body
    );
    let next_counter = quoted(&pack, &next.body);
    assert_ne!(next_counter.id, first_counter.id, "the same counter twice");
    assert!(
        pack.opposes(SIDE, &next_counter.side),
        "{}",
        next_counter.id
    );

    let said = student_says(
        &fake,
        "Neutrality worked for Finland and Austria for decades; a neutral Ukraine can be secure.",
    );
    fake.wait_for("the second turn's counter", counter_in_dm(said))
        .await;

    let apologies = fake.count(|r| r.body.to_string().contains("Sorry, something went wrong"));
    assert_eq!(apologies, 0, "internal errors; log:\n{}", bot.log());
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
    let store = Store::open(home.database_url()).await.unwrap();
    let round = store
        .rounds_of_user(&format!("discord:user:{STUDENT}"))
        .await
        .unwrap()
        .pop()
        .expect("the round is stored");
    assert_eq!(store.turns(round.id).await.unwrap().len(), 2);
    let clashes = store.clashes(round.id).await.unwrap();
    let origins: Vec<(&str, ClashOrigin)> = clashes
        .iter()
        .map(|c| (c.counter_argument.as_str(), c.origin))
        .collect();
    assert_eq!(origins.len(), 3, "{origins:?}");
    assert_eq!(
        &origins[..2],
        [
            (first_counter.id.as_str(), ClashOrigin::Turn),
            (next_counter.id.as_str(), ClashOrigin::Next)
        ]
    );
}

/// A round of one turn in the DM, ended with its counter left standing.
async fn play_a_round_and_drop_its_counter(fake: &FakeDiscord) {
    fake.practise(PLACE, SIDE).await;
    let said = student_says(fake, FIRST_POINT);
    fake.wait_for("a counter", counter_in_dm(said)).await;
    let end = slash_command(PLACE, "end", json!([]));
    let token = token_of(&end);
    fake.dispatch("INTERACTION_CREATE", end);
    fake.wait_for("the scorecard", |r| {
        r.path.contains(&token) && embed_text(&r.body).contains("Scorecard")
    })
    .await;
}

/// `/practice switch:true` after a round: the new round argues the side that countered the
/// student, and its card lists the points that beat them.
#[tokio::test]
async fn practice_with_switch_argues_the_side_that_countered_you() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = fake_discord::ready_bot(&fake).await;
    play_a_round_and_drop_its_counter(&fake).await;

    let switch = slash_command(
        PLACE,
        "practice",
        json!([fake_discord::bool_option("switch", true)]),
    );
    let token = token_of(&switch);
    fake.dispatch("INTERACTION_CREATE", switch);
    let started = fake.wait_for("the switched round", answers(&token)).await;

    let card = embed_text(&started.body);
    assert!(
        card.contains("Switched from Permanent nonalignment"),
        "{card}"
    );
    assert!(card.contains("the points that beat you"), "{card}");
    assert!(
        !card.contains("Your round: Permanent nonalignment"),
        "{card}"
    );
}

/// A counter dropped in a round comes back by `/review`: the card is shown privately, a
/// reminder arrives by DM once asked for, and an answer is graded and puts the card off.
#[tokio::test]
async fn a_dropped_counter_is_reviewed_with_a_reminder_and_rescheduled() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = fake_discord::ready_bot(&fake).await;
    play_a_round_and_drop_its_counter(&fake).await;

    let review = slash_command(PLACE, "review", json!([string_option("remind", "on")]));
    let token = token_of(&review);
    fake.dispatch("INTERACTION_CREATE", review);
    let card = fake
        .wait_for("the card due", |r| {
            r.path.contains(&token) && embed_text(&r.body).contains("Review: 1 card due")
        })
        .await;
    assert_eq!(card.body["flags"], 64, "private: {}", card.body);
    fake.wait_for("reminders on", |r| {
        r.path.contains(&token) && r.raw.contains("Review reminders are on")
    })
    .await;
    fake.wait_for("the DM reminder", |r| {
        r.method == "POST" && r.path.ends_with("/messages") && r.raw.contains("review card due")
    })
    .await;

    let answer = slash_command(
        PLACE,
        "review",
        json!([string_option(
            "answer",
            "That is wrong: Russia attacked Ukraine twice in ten years, in 2014 and 2022."
        )]),
    );
    let token = token_of(&answer);
    fake.dispatch("INTERACTION_CREATE", answer);
    fake.wait_for("the grade", |r| {
        r.path.contains(&token) && r.raw.contains("/100, graded ")
    })
    .await;
    fake.wait_for("nothing more due", |r| {
        r.path.contains(&token) && r.raw.contains("No review card is due now")
    })
    .await;
}

/// `/progress` after a round: a PNG chart arrives with the private answer, within Discord's
/// attachment limit.
#[tokio::test]
async fn progress_posts_a_chart_attachment() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = fake_discord::ready_bot(&fake).await;
    play_a_round_and_drop_its_counter(&fake).await;

    let progress = slash_command(PLACE, "progress", json!([]));
    let token = token_of(&progress);
    fake.dispatch("INTERACTION_CREATE", progress);
    let chart = fake
        .wait_for("the chart", |r| {
            r.path.contains(&token) && r.raw.contains("progress.png")
        })
        .await;

    assert!(chart.raw.contains("\u{FFFD}PNG"), "a PNG is attached");
    assert!(
        chart.raw.contains("Your progress over 1 round;"),
        "the text comes with it"
    );
    assert!(
        chart.raw.len() < 8 * 1024 * 1024,
        "within the attachment limit"
    );
}
