//! A versus drill through the fake Discord: two students are paired on opposing sides in one
//! private thread; the bot answers no turn with a counter but moderates each one, puts the
//! point made to the opponent, and serves a private counter hint to the opponent only; the
//! opponent's answer closes that point in their ledger; both are scored and exported.

mod fake_discord;

use std::path::Path;

use debate_drill::pack::{Pack, load_library};
use fake_discord::{FakeDiscord, GUILD_CHANNEL_ID, Place, Request, answer_with, as_instructor};
use fake_discord::{bot_user, button_click, in_guild_channel as here, message};
use fake_discord::{join_drill, open_drill, posted_in, ready_bot, slash_command, string_option};
use fake_discord::{student_message, subcommand, threads_of};
use serde_json::json;

const TEACHER: u64 = 630_000_000_000_000_001;
const ANNA: u64 = 630_000_000_000_000_100;
const BORIS: u64 = 630_000_000_000_000_101;
const ONLOOKER: u64 = 630_000_000_000_000_102;

fn bundled_pack() -> Pack {
    let positions = Path::new(env!("CARGO_MANIFEST_DIR")).join("positions");
    let (packs, _) = load_library(&positions);
    packs
        .into_iter()
        .find(|pack| pack.id == "ukraine-nato")
        .expect("the bundled pack loads")
}

/// A point of side `from`, and its curated rebuttal from side `to`: (point id, point claim,
/// answer claim).
fn point_and_answer(pack: &Pack, from: &str, to: &str) -> (String, String, String) {
    pack.arguments_of_side(from)
        .find_map(|point| {
            let answer = pack
                .rebutted_by(point)
                .iter()
                .find(|&&answer| pack.arguments[answer].side == to)?;
            let point = &pack.arguments[point];
            Some((
                point.id.clone(),
                point.claim.clone(),
                pack.arguments[*answer].claim.clone(),
            ))
        })
        .unwrap_or_else(|| panic!("no curated rebuttal of {from} by {to}"))
}

/// The `custom_id`s of the buttons in a request's body that start with `prefix`.
fn buttons(request: &Request, prefix: &str) -> Vec<String> {
    request
        .raw
        .split("\"custom_id\":\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| id.starts_with(prefix))
        .map(str::to_string)
        .collect()
}

/// `student` says `text` in the pair's `thread`; the moderator's post announcing the turn.
async fn argue(fake: &FakeDiscord, thread: u64, student: u64, text: &str) -> Request {
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(thread, student, true, text),
    );
    fake.wait_for(
        "the turn announced",
        posted_in(thread, &format!("<@{student}> argued")),
    )
    .await
}

#[tokio::test]
async fn two_students_argue_against_each_other_in_one_moderated_thread() {
    let fake = FakeDiscord::start().await;
    let (bot, home) = ready_bot(&fake).await;
    // The mode is a string option with the choices solo and versus, as the contract writes it.
    let options = json!([
        string_option("pack", "ukraine-nato"),
        string_option("mode", "versus")
    ]);
    open_drill(&fake, TEACHER, options, "versus: a private thread per pair").await;
    join_drill(&fake, &[ANNA, BORIS]).await;
    let begin = as_instructor(subcommand(here(TEACHER), "drill", "begin", json!([])));
    fake.dispatch("INTERACTION_CREATE", begin.clone());
    fake.wait_for(
        "the drill begun",
        answer_with(&begin, "has begun: 2 students, in 1 versus pair,"),
    )
    .await;

    // One private thread, with both students added to it.
    let threads = threads_of(&fake, &[ANNA, BORIS]).await;
    assert_eq!(threads[0], threads[1], "one thread for the pair");
    let thread = threads[0];
    assert_eq!(
        fake.count(|r| r.is("POST", &format!("/channels/{GUILD_CHANNEL_ID}/threads"))),
        1
    );
    fake.wait_for("the rules of versus", posted_in(thread, "**Versus:**"))
        .await;

    let database = home.database_pool().await;
    let side_of = |user: u64| {
        let database = database.clone();
        async move {
            sqlx::query_scalar::<_, String>("SELECT side FROM drill_members WHERE user_key = $1")
                .bind(format!("discord:user:{user}"))
                .fetch_one(&database)
                .await
                .unwrap()
        }
    };
    let (anna_side, boris_side) = (side_of(ANNA).await, side_of(BORIS).await);
    let pack = bundled_pack();
    assert!(
        pack.opposes(&anna_side, &boris_side),
        "{anna_side} vs {boris_side}"
    );
    let (point, anna_says, boris_answers) = point_and_answer(&pack, &anna_side, &boris_side);

    // Someone else's message in the pair's thread is no turn.
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(thread, ONLOOKER, true, &anna_says),
    );
    // Anna's turn: moderated, with no counter from the bot; her point goes to Boris.
    let announced = argue(&fake, thread, ANNA, &anna_says).await;
    assert!(
        announced.raw.contains("Versus, turn 1"),
        "{}",
        announced.raw
    );
    assert!(
        announced
            .raw
            .contains(&format!("<@{BORIS}>, answer this point")),
        "{}",
        announced.raw
    );
    assert_eq!(announced.body["allowed_mentions"]["parse"], json!([]));
    let hint = buttons(&announced, "dd:answer:");
    assert_eq!(
        hint,
        [format!("dd:answer:{BORIS}:{point}")],
        "{}",
        announced.raw
    );

    // The counter hint is Boris's alone, and private.
    let moderation_post = message(thread, bot_user(), None, &json!({}));
    let in_thread = |user_id| Place::Guild {
        channel_id: thread,
        user_id,
    };
    let anna_clicks = button_click(in_thread(ANNA), &hint[0], moderation_post.clone());
    fake.dispatch("INTERACTION_CREATE", anna_clicks.clone());
    let refused = fake
        .wait_for(
            "a refusal for Anna",
            answer_with(&anna_clicks, "That hint is for the opponent"),
        )
        .await;
    assert_eq!(
        refused.body["flags"],
        json!(64),
        "ephemeral: {}",
        refused.raw
    );
    let boris_clicks = button_click(in_thread(BORIS), &hint[0], moderation_post);
    fake.dispatch("INTERACTION_CREATE", boris_clicks.clone());
    let served = fake
        .wait_for("Boris's hint", answer_with(&boris_clicks, "Hint: "))
        .await;
    assert_eq!(served.body["flags"], json!(64), "ephemeral: {}", served.raw);

    // Boris answers Anna's point: his turn is moderated too, and says so.
    let answered = argue(&fake, thread, BORIS, &boris_answers).await;
    assert!(
        answered
            .raw
            .contains(&format!("<@{BORIS}> answered <@{ANNA}>'s point")),
        "{}",
        answered.raw
    );
    let ledger: Vec<(String, String, Option<i64>)> = sqlx::query_as(
        "SELECT counter_argument, origin, answered_turn FROM clashes
         JOIN rounds ON rounds.id = clashes.round_id WHERE rounds.user_key = $1",
    )
    .bind(format!("discord:user:{BORIS}"))
    .fetch_all(&database)
    .await
    .unwrap();
    assert_eq!(ledger, [(point.clone(), "opponent".to_string(), Some(1))]);

    // `/argue` in the pair's thread is a turn against the opponent too.
    let another_point = pack
        .arguments_of_side(&anna_side)
        .map(|argument| pack.arguments[argument].claim.clone())
        .find(|claim| *claim != anna_says)
        .expect("a second point of Anna's side");
    let argue_command = slash_command(
        in_thread(ANNA),
        "argue",
        json!([string_option("text", &another_point)]),
    );
    fake.dispatch("INTERACTION_CREATE", argue_command.clone());
    let second = fake
        .wait_for(
            "Anna's /argue announced",
            answer_with(&argue_command, "Versus, turn 2"),
        )
        .await;
    assert!(!second.raw.contains("Counter from"), "{}", second.raw);

    let end = as_instructor(subcommand(here(TEACHER), "drill", "end", json!([])));
    fake.dispatch("INTERACTION_CREATE", end.clone());
    let board = fake
        .wait_for("the leaderboard", answer_with(&end, "leaderboard (final)"))
        .await;
    for student in [ANNA, BORIS] {
        assert!(
            board.raw.contains(&format!("<@{student}>")),
            "{}",
            board.raw
        );
    }
    let export = as_instructor(subcommand(here(TEACHER), "drill", "export", json!([])));
    fake.dispatch("INTERACTION_CREATE", export.clone());
    let file = fake
        .wait_for("the CSV", answer_with(&export, "drill,student,name,round"))
        .await;
    for (student, turns) in [(ANNA, "2"), (BORIS, "1")] {
        let row = file
            .raw
            .lines()
            .find(|l| l.contains(&format!(",{student},student{student},")))
            .unwrap_or_else(|| panic!("no row for {student}: {}", file.raw));
        assert_eq!(row.split(',').nth(5), Some(turns), "turns: {row}");
    }
    assert!(!file.raw.contains(&ONLOOKER.to_string()), "{}", file.raw);
    assert_eq!(
        fake.count(posted_in(thread, "Counter from")),
        0,
        "the bot countered nobody"
    );
    database.close().await;

    let (status, _) = bot.terminate(std::time::Duration::from_secs(10)).await;
    assert!(status.success());
}
