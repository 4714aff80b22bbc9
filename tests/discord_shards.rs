//! Two `serve` processes sharing one PostgreSQL store (the tests' own cluster), each running
//! one of the fake Discord's two shards, as a deployment past one machine would: a DM round
//! (shard 0), a classroom drill in a server on each shard, an upload in one process served at
//! once by the other, a scheduled drill begun exactly once although both clocks tick, and a
//! process killed with SIGKILL mid-round whose round goes on after its restart with no turn lost
//! or stored twice.

mod common;
mod fake_discord;

use std::time::{Duration, Instant};

use fake_discord::{
    Bot, FakeDiscord, GUILD_CHANNEL_ID, GUILD_ID, Home, Place, Sessions, answer_with,
    as_instructor, in_guild, integer_option, posted_in, string_option, student_message, subcommand,
    threads_of, upload_pack,
};
use serde_json::{Value, json};

const DM_CHANNEL: u64 = 660_000_000_000_000_001;
const DM_STUDENT: u64 = 660_000_000_000_000_002;
const TEACHER: u64 = 660_000_000_000_000_003;
const STUDENTS: [u64; 2] = [660_000_000_000_000_100, 660_000_000_000_000_101];
/// A second server, on the other shard from the fake's own, with a channel of its own.
const SECOND_GUILD: u64 = GUILD_ID + (1 << 22);
const SECOND_CHANNEL: u64 = 660_000_000_000_000_005;

fn dm() -> Place {
    Place::Dm {
        channel_id: DM_CHANNEL,
        user_id: DM_STUDENT,
    }
}

/// A member in the channel of the fake's own server, or (`second`) of the second one.
fn place(second: bool, user_id: u64) -> Place {
    Place::Guild {
        channel_id: if second {
            SECOND_CHANNEL
        } else {
            GUILD_CHANNEL_ID
        },
        user_id,
    }
}

/// `/name sub options` by `user_id` in the fake's own server, or (`second`) in the second one.
fn command(second: bool, user_id: u64, name: &str, sub: &str, options: Value) -> Value {
    let interaction = subcommand(place(second, user_id), name, sub, options);
    if second {
        in_guild(interaction, SECOND_GUILD)
    } else {
        interaction
    }
}

/// The DM student says `text`; returns once the bot has posted its counter.
async fn dm_turn(fake: &FakeDiscord, text: &str) {
    let sent = Instant::now();
    fake.dispatch(
        "MESSAGE_CREATE",
        student_message(DM_CHANNEL, DM_STUDENT, false, text),
    );
    fake.wait_for("the turn's counter", |r| {
        r.at > sent
            && r.is("POST", &format!("/channels/{DM_CHANNEL}/messages"))
            && r.body["embeds"].to_string().contains("Counter from")
    })
    .await;
}

/// Opens a drill in one server and has both students join it.
async fn drill_with_students(fake: &FakeDiscord, second: bool, options: Value, card_says: &str) {
    let start = as_instructor(command(second, TEACHER, "drill", "start", options));
    fake.dispatch("INTERACTION_CREATE", start.clone());
    fake.wait_for("the drill card", answer_with(&start, card_says))
        .await;
    for student in STUDENTS {
        let join = command(second, student, "drill", "join", json!([]));
        fake.dispatch("INTERACTION_CREATE", join.clone());
        fake.wait_for("a welcome", answer_with(&join, "You're in!"))
            .await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_share_the_shards_and_the_store_and_lose_or_double_nothing() {
    let Some(database) = common::postgres::database() else {
        return;
    };
    let fake = FakeDiscord::start_sharded(2).await;
    assert_eq!(
        fake.shard_of(&json!({ "guild_id": GUILD_ID.to_string() })),
        1
    );
    assert_eq!(
        fake.shard_of(&json!({ "guild_id": SECOND_GUILD.to_string() })),
        0
    );
    let (home_zero, home_one) = (
        Home::sharing(&fake, &database, "0..0"),
        Home::sharing(&fake, &database, "1..1"),
    );
    let bot_zero = Bot::start(&home_zero);
    let _bot_one = Bot::start(&home_one);
    fake.wait_sessions(Sessions {
        identified: 2,
        resumed: 0,
    })
    .await;
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;

    // A DM round: DMs reach shard 0 only.
    fake.practise(dm(), "permanent-nonalignment").await;
    dm_turn(
        &fake,
        "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.",
    )
    .await;

    // An upload through shard 1's process, then served at once by shard 0's, as after a
    // resharding: it asks its store, not its memory of the start.
    let (_, attachment) = fake.host_attachment(
        "pack.toml",
        std::fs::read(common::root().join("tests/data/good-packs/uniforms.toml")).unwrap(),
        1_000,
    );
    upload_pack(&fake, TEACHER, attachment).await;
    let listed_elsewhere = Instant::now();
    loop {
        let list = as_instructor(command(false, TEACHER, "pack", "list", json!([])));
        fake.dispatch_to(0, "INTERACTION_CREATE", list.clone());
        let answer = fake
            .wait_for("the list", answer_with(&list, "Packs in this server"))
            .await;
        if answer.raw.contains("School uniforms (uploaded)") {
            break;
        }
        assert!(
            listed_elsewhere.elapsed() < Duration::from_secs(30),
            "the other process never served the upload: {}",
            answer.raw
        );
        tokio::time::sleep(Duration::from_millis(250)).await;
    }

    // A drill in each server, each on its own shard: the second begun by its instructor, the
    // first scheduled, begun by the clock of exactly one of the two processes.
    drill_with_students(
        &fake,
        true,
        json!([string_option("pack", "ukraine-nato")]),
        "Class drill #",
    )
    .await;
    let begin = as_instructor(command(true, TEACHER, "drill", "begin", json!([])));
    fake.dispatch("INTERACTION_CREATE", begin.clone());
    fake.wait_for(
        "the second server's drill begun",
        answer_with(&begin, "has begun"),
    )
    .await;

    let scheduled = json!([
        string_option("pack", "ukraine-nato"),
        integer_option("begin_in", 5)
    ]);
    drill_with_students(&fake, false, scheduled, "begins by itself <t:").await;
    home_zero.pass_time(5).await;
    fake.wait_for(
        "the scheduled drill begun by itself",
        posted_in(GUILD_CHANNEL_ID, "has begun: 2 students"),
    )
    .await;
    threads_of(&fake, &STUDENTS).await;
    // Both clocks tick every second: give the slower a few ticks to post twice, if it would.
    tokio::time::sleep(Duration::from_secs(3)).await;
    assert_eq!(
        fake.count(posted_in(GUILD_CHANNEL_ID, "has begun: 2 students")),
        1,
        "begun exactly once"
    );
    assert_eq!(
        fake.count(posted_in(GUILD_CHANNEL_ID, "was due to begin")),
        0
    );

    // Every event went to the shard Discord would send it to, and only one process registered
    // the commands.
    let delivered = fake.delivered();
    assert!(delivered.iter().any(|(shard, _)| *shard == 0));
    assert!(delivered.iter().any(|(shard, _)| *shard == 1));
    assert_eq!(fake.count(|r| r.path.ends_with("/commands")), 1);

    // Shard 0's process dies mid-round and comes back: the round goes on from its store.
    bot_zero.kill().await;
    let restarted = Instant::now();
    let _bot_zero = Bot::start(&home_zero);
    fake.wait_for("shard 0 back", |r| {
        r.at > restarted && r.path.ends_with("/commands")
    })
    .await;
    dm_turn(
        &fake,
        "Neutrality worked for Finland for decades, so it can keep Ukraine out of war too.",
    )
    .await;

    let pool = home_zero.database_pool().await;
    let turns: Vec<(i64, String)> = sqlx::query_as(
        "SELECT turns.number, turns.source_id FROM turns
         JOIN rounds ON rounds.id = turns.round_id
         WHERE rounds.place_key LIKE '%' || $1 ORDER BY turns.number",
    )
    .bind(DM_CHANNEL.to_string())
    .fetch_all(&pool)
    .await
    .unwrap();
    let numbers: Vec<i64> = turns.iter().map(|(number, _)| *number).collect();
    assert_eq!(numbers, [1, 2], "no turn lost or stored twice: {turns:?}");
}
