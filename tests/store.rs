//! The store on both back ends: real SQLite files in a temporary folder, and a real PostgreSQL
//! server these tests start themselves (`common::postgres`). Each test is written once, as a
//! function of the database it runs on, and run on each.

mod common;

use debate_drill::store::{
    ClashOrigin, NewDrill, NewRound, NewTurn, OpponentPoint, ReviewCardRecord, Store, StoreError,
};
use tempfile::TempDir;

/// Where a test's store lives: a new SQLite file, or a new database on the test cluster.
enum Database {
    Sqlite(TempDir),
    Postgres(String),
}

impl Database {
    fn sqlite() -> Database {
        Database::Sqlite(tempfile::tempdir().unwrap())
    }

    fn postgres() -> Option<Database> {
        common::postgres::database().map(Database::Postgres)
    }

    fn url(&self) -> String {
        match self {
            Database::Sqlite(dir) => format!("sqlite://{}", dir.path().join("drill.db").display()),
            Database::Postgres(url) => url.clone(),
        }
    }

    /// Opens the store: each call is a new handle on the same database.
    async fn open(&self) -> Store {
        Store::open(&self.url()).await.unwrap()
    }

    /// Row counts straight from the database, past the store's API.
    async fn count_rows(&self, table: &str) -> i64 {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&self.url()).await.unwrap();
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let count = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        count
    }
}

/// Runs each named test, an `async fn(Database)`, once on SQLite and once on PostgreSQL, as
/// `<name>::sqlite` and `<name>::postgres`.
macro_rules! on_both_back_ends {
    ($($test:ident),* $(,)?) => {$(
        mod $test {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$test(super::Database::sqlite()).await
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                if let Some(database) = super::Database::postgres() {
                    super::$test(database).await
                }
            }
        }
    )*};
}

fn round_for(user_key: &str, place_key: &str) -> NewRound {
    NewRound {
        user_key: user_key.to_owned(),
        place_key: place_key.to_owned(),
        pack_id: "ukraine-nato".to_owned(),
        side: "coalition-guarantee".to_owned(),
        seed: Some(7),
        drill_id: None,
        max_turns: Some(5),
        deadline_ms: None,
        switched_from: None,
    }
}

fn turn(message: &str) -> NewTurn {
    NewTurn {
        source_id: None,
        message: message.to_owned(),
        matched_argument: Some("menon.coalition".to_owned()),
        matched_score: Some(0.8),
        counter_argument: None,
        answers_counter: None,
        scores_json: r#"{"relevance":40}"#.to_owned(),
        total: 40.0,
        created_ms: 1_000,
    }
}

fn turn_from(source_id: &str, message: &str) -> NewTurn {
    NewTurn {
        source_id: Some(source_id.to_owned()),
        ..turn(message)
    }
}

fn turn_serving(counter: &str, answering: Option<&str>) -> NewTurn {
    NewTurn {
        counter_argument: Some(counter.to_owned()),
        answers_counter: answering.map(str::to_owned),
        ..turn("a point")
    }
}

async fn the_schema_is_created_on_first_open_and_reopening_keeps_the_data(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("terminal:local", "terminal"))
        .await
        .unwrap();
    store
        .set_setting("global", "retention-days", "30")
        .await
        .unwrap();
    store.close().await;

    let store = db.open().await;

    assert_eq!(store.round(round.id).await.unwrap(), Some(round));
    assert_eq!(
        store
            .setting("global", "retention-days")
            .await
            .unwrap()
            .as_deref(),
        Some("30")
    );
}

async fn a_user_has_at_most_one_active_round_per_place(db: Database) {
    let store = db.open().await;
    let first = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    let second = store.start_round(round_for("discord:1", "dm:1")).await;
    assert!(
        matches!(&second, Err(StoreError::ActiveRoundExists { user_key, place_key })
            if user_key == "discord:1" && place_key == "dm:1"),
        "{second:?}"
    );
    store
        .start_round(round_for("discord:1", "thread:9"))
        .await
        .unwrap();
    store
        .start_round(round_for("discord:2", "dm:1"))
        .await
        .unwrap();
    assert_eq!(
        store
            .active_round("discord:1", "dm:1")
            .await
            .unwrap()
            .map(|r| r.id),
        Some(first.id)
    );

    store.end_round(first.id, "command", "{}").await.unwrap();
    assert_eq!(store.active_round("discord:1", "dm:1").await.unwrap(), None);
    let again = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    assert_ne!(again.id, first.id);
}

async fn ending_a_round_twice_changes_nothing_and_says_so(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    let first = store
        .end_round(round.id, "turn limit", r#"{"total":71}"#)
        .await
        .unwrap();
    let second = store.end_round(round.id, "command", "{}").await.unwrap();

    assert!(!first.already_ended);
    assert!(!first.round.is_active());
    assert_eq!(first.round.end_reason.as_deref(), Some("turn limit"));
    assert!(second.already_ended);
    assert_eq!(second.round, first.round);
    assert!(matches!(
        store.end_round(round.id + 1, "command", "{}").await,
        Err(StoreError::RoundNotFound(_))
    ));
}

async fn rounds_are_listed_by_user_by_drill_and_while_active(db: Database) {
    let store = db.open().await;
    let solo = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    let drilled = store
        .start_round(NewRound {
            drill_id: Some(3),
            ..round_for("discord:1", "thread:5")
        })
        .await
        .unwrap();
    let other = store
        .start_round(round_for("discord:2", "dm:2"))
        .await
        .unwrap();
    store.end_round(solo.id, "command", "{}").await.unwrap();

    let ids = |rounds: Vec<debate_drill::store::RoundRecord>| {
        rounds.into_iter().map(|r| r.id).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(store.rounds_of_user("discord:1").await.unwrap()),
        [solo.id, drilled.id]
    );
    assert_eq!(ids(store.rounds_of_drill(3).await.unwrap()), [drilled.id]);
    assert_eq!(
        ids(store.active_rounds().await.unwrap()),
        [drilled.id, other.id]
    );
}

async fn turns_are_numbered_from_one_within_each_round(db: Database) {
    let store = db.open().await;
    let a = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    let b = store
        .start_round(round_for("discord:2", "dm:2"))
        .await
        .unwrap();

    for message in ["a1", "a2"] {
        store.append_turn(a.id, turn(message)).await.unwrap();
    }
    store.append_turn(b.id, turn("b1")).await.unwrap();
    store.append_turn(a.id, turn("a3")).await.unwrap();

    let numbered = |turns: Vec<debate_drill::store::TurnRecord>| {
        turns
            .into_iter()
            .map(|t| (t.number, t.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        numbered(store.turns(a.id).await.unwrap()),
        [
            (1, "a1".to_owned()),
            (2, "a2".to_owned()),
            (3, "a3".to_owned())
        ]
    );
    assert_eq!(
        numbered(store.turns(b.id).await.unwrap()),
        [(1, "b1".to_owned())]
    );
}

async fn a_message_appended_twice_is_stored_once(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    let first = store
        .append_turn(round.id, turn_from("m-1", "first"))
        .await
        .unwrap();
    let again = store
        .append_turn(round.id, turn_from("m-1", "redelivered"))
        .await
        .unwrap();
    store
        .append_turn(round.id, turn("no source"))
        .await
        .unwrap();
    store
        .append_turn(round.id, turn("no source"))
        .await
        .unwrap();

    assert_eq!(again, first);
    let turns = store.history(round.id).await.unwrap().turns;
    assert_eq!(turns.len(), 3);
    assert_eq!(turns[0], first);
    let from_m1 = turns
        .iter()
        .filter(|t| t.source_id.as_deref() == Some("m-1"));
    assert_eq!(from_m1.count(), 1);

    store.end_round(round.id, "command", "{}").await.unwrap();
    let after_end = store
        .append_turn(round.id, turn_from("m-1", "late retry"))
        .await;
    assert_eq!(after_end.unwrap(), first);
}

async fn turns_go_only_to_rounds_that_exist_and_are_active(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    store.end_round(round.id, "command", "{}").await.unwrap();

    assert!(matches!(
        store.append_turn(round.id, turn("too late")).await,
        Err(StoreError::RoundEnded(id)) if id == round.id
    ));
    assert!(matches!(
        store.append_turn(round.id + 1, turn("nowhere")).await,
        Err(StoreError::RoundNotFound(_))
    ));
    assert!(store.turns(round.id).await.unwrap().is_empty());
}

async fn the_ledger_opens_a_clash_per_counter_and_closes_it_when_answered(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    store
        .append_turn(round.id, turn_serving("posen.fear", None))
        .await
        .unwrap();
    store
        .append_turn(
            round.id,
            turn_serving("unsigned.nonalign", Some("posen.fear")),
        )
        .await
        .unwrap();
    store
        .append_turn(
            round.id,
            turn_serving("posen.fear", Some("nobody.served.this")),
        )
        .await
        .unwrap();
    store
        .append_turn(round.id, turn("no counter"))
        .await
        .unwrap();

    let ledger: Vec<_> = store
        .clashes(round.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.counter_argument, c.served_turn, c.answered_turn))
        .collect();
    assert_eq!(
        ledger,
        [
            ("posen.fear".to_owned(), 1, Some(2)),
            ("unsigned.nonalign".to_owned(), 2, None),
            ("posen.fear".to_owned(), 3, None),
        ]
    );
    let history = store.history(round.id).await.unwrap();
    assert_eq!(history.clashes, store.clashes(round.id).await.unwrap());
    assert_eq!(history.turns, store.turns(round.id).await.unwrap());
}

async fn answering_a_counter_served_twice_closes_both_clashes_but_not_its_own(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    store
        .append_turn(round.id, turn_serving("posen.fear", None))
        .await
        .unwrap();
    store
        .append_turn(round.id, turn_serving("posen.fear", None))
        .await
        .unwrap();
    store
        .append_turn(round.id, turn_serving("posen.fear", Some("posen.fear")))
        .await
        .unwrap();

    let answered: Vec<_> = store
        .clashes(round.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.answered_turn)
        .collect();
    assert_eq!(answered, [Some(3), Some(3), None]);
}

async fn a_counter_served_outside_a_turn_is_answered_only_by_a_later_turn(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    let before_any_turn = store
        .serve_counter(round.id, "posen.fear", ClashOrigin::Opponent)
        .await
        .unwrap();
    assert_eq!(before_any_turn.served_turn, 0);
    store
        .append_turn(
            round.id,
            turn_serving("unsigned.nonalign", Some("posen.fear")),
        )
        .await
        .unwrap();
    store
        .serve_counter(round.id, "jones.costs", ClashOrigin::Next)
        .await
        .unwrap();
    store
        .append_turn(round.id, turn_serving("posen.fear", Some("jones.costs")))
        .await
        .unwrap();

    let ledger: Vec<_> = store
        .clashes(round.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.counter_argument, c.served_turn, c.answered_turn, c.origin))
        .collect();
    assert_eq!(
        ledger,
        [
            ("posen.fear".to_owned(), 0, Some(1), ClashOrigin::Opponent),
            ("unsigned.nonalign".to_owned(), 1, None, ClashOrigin::Turn),
            ("jones.costs".to_owned(), 1, Some(2), ClashOrigin::Next),
            ("posen.fear".to_owned(), 2, None, ClashOrigin::Turn),
        ]
    );

    store.end_round(round.id, "command", "{}").await.unwrap();
    assert!(matches!(
        store
            .serve_counter(round.id, "posen.fear", ClashOrigin::Next)
            .await,
        Err(StoreError::RoundEnded(id)) if id == round.id
    ));
    assert!(matches!(
        store
            .serve_counter(round.id + 1, "posen.fear", ClashOrigin::Next)
            .await,
        Err(StoreError::RoundNotFound(_))
    ));
}

fn drill_in(channel_key: &str, begin_at_ms: Option<i64>) -> NewDrill {
    NewDrill {
        scope: "guild:1".to_owned(),
        channel_key: channel_key.to_owned(),
        pack_key: "ukraine-nato".to_owned(),
        mode: "versus".to_owned(),
        max_turns: None,
        minutes: Some(10),
        begin_at_ms,
        seed: 3,
        created_by: "discord:teacher".to_owned(),
    }
}

async fn members_arguing_in_one_place_are_each_others_opponents(db: Database) {
    let store = db.open().await;
    let drill = store
        .open_drill(drill_in("channel:1", None))
        .await
        .unwrap()
        .unwrap();
    for (user, name, place) in [
        ("discord:a", "Ada", "thread:pair"),
        ("discord:b", "=Bob", "thread:pair"),
        ("discord:c", "Cy", "thread:alone"),
    ] {
        assert!(store.join_drill(drill.id, user, name).await.unwrap());
        store
            .assign_drill_member(drill.id, user, "coalition-guarantee", place)
            .await
            .unwrap();
    }
    assert!(
        !store
            .join_drill(drill.id, "discord:a", "Ada")
            .await
            .unwrap()
    );

    let opponent = |place: &'static str, user: &'static str| store.drill_opponent(place, user);
    assert_eq!(
        opponent("thread:pair", "discord:a")
            .await
            .unwrap()
            .as_deref(),
        Some("discord:b")
    );
    assert_eq!(
        opponent("thread:pair", "discord:b")
            .await
            .unwrap()
            .as_deref(),
        Some("discord:a")
    );
    assert_eq!(opponent("thread:alone", "discord:c").await.unwrap(), None);
    assert_eq!(opponent("thread:pair", "discord:c").await.unwrap(), None);
    let names: Vec<Option<String>> = store
        .drill_members(drill.id)
        .await
        .unwrap()
        .into_iter()
        .map(|member| member.display_name)
        .collect();
    assert_eq!(
        names,
        [Some("Ada".into()), Some("=Bob".into()), Some("Cy".into())]
    );
}

async fn a_turns_point_reaches_the_opponent_once_and_only_while_their_round_runs(db: Database) {
    let store = db.open().await;
    let speaker = store
        .start_round(round_for("discord:a", "thread:pair"))
        .await
        .unwrap();
    let opponent = store
        .start_round(round_for("discord:b", "thread:pair"))
        .await
        .unwrap();
    let point = || {
        Some(OpponentPoint {
            round_id: opponent.id,
            argument: "menon.coalition".to_owned(),
        })
    };

    let (first, put) = store
        .append_turn_with_point(speaker.id, turn_from("m1", "a point"), point())
        .await
        .unwrap();
    assert!(put);
    let (again, put_again) = store
        .append_turn_with_point(speaker.id, turn_from("m1", "a point"), point())
        .await
        .unwrap();
    assert_eq!((again.id, put_again), (first.id, false));
    let ledger: Vec<_> = store
        .clashes(opponent.id)
        .await
        .unwrap()
        .into_iter()
        .map(|c| (c.counter_argument, c.served_turn, c.origin))
        .collect();
    assert_eq!(
        ledger,
        [("menon.coalition".to_owned(), 0, ClashOrigin::Opponent)]
    );
    assert!(store.clashes(speaker.id).await.unwrap().is_empty());

    store.end_round(opponent.id, "command", "{}").await.unwrap();
    let (second, put) = store
        .append_turn_with_point(speaker.id, turn_from("m2", "another point"), point())
        .await
        .unwrap();
    assert_eq!((second.number, put), (2, false));
    assert_eq!(store.clashes(opponent.id).await.unwrap().len(), 1);
}

async fn scheduled_starts_and_reminders_are_kept_across_reopening(db: Database) {
    let store = db.open().await;
    let scheduled = store
        .open_drill(drill_in("channel:1", Some(5_000)))
        .await
        .unwrap()
        .unwrap();
    let timed = store
        .open_drill(drill_in("channel:2", None))
        .await
        .unwrap()
        .unwrap();
    assert!(store.begin_drill(timed.id, Some(i64::MAX)).await.unwrap());

    let ids = |drills: Vec<debate_drill::store::DrillRecord>| -> Vec<i64> {
        drills.into_iter().map(|drill| drill.id).collect()
    };
    assert!(store.drills_to_begin(4_999).await.unwrap().is_empty());
    assert_eq!(
        ids(store.drills_to_begin(5_000).await.unwrap()),
        [scheduled.id]
    );
    assert_eq!(
        ids(store.timed_drills_running(5_000).await.unwrap()),
        [timed.id]
    );
    assert!(store.claim_reminder(timed.id, "halfway").await.unwrap());
    assert!(!store.claim_reminder(timed.id, "halfway").await.unwrap());
    drop(store);

    let store = db.open().await;
    assert_eq!(
        store
            .drill(scheduled.id)
            .await
            .unwrap()
            .unwrap()
            .begin_at_ms,
        Some(5_000)
    );
    assert!(!store.claim_reminder(timed.id, "halfway").await.unwrap());
    assert!(store.claim_reminder(timed.id, "last-minute").await.unwrap());
    assert!(store.claim_reminder(scheduled.id, "halfway").await.unwrap());
    assert!(store.claim_scheduled_begin(scheduled.id).await.unwrap());
    assert!(!store.claim_scheduled_begin(scheduled.id).await.unwrap());
    assert!(
        !store.claim_scheduled_begin(timed.id).await.unwrap(),
        "begun already"
    );
    assert!(store.drills_to_begin(i64::MAX).await.unwrap().is_empty());
}

async fn forgetting_a_user_removes_everything_about_them_and_nothing_else(db: Database) {
    let store = db.open().await;
    for place in ["dm:1", "thread:7"] {
        let round = store
            .start_round(round_for("discord:1", place))
            .await
            .unwrap();
        store
            .append_turn(round.id, turn_serving("posen.fear", None))
            .await
            .unwrap();
        store
            .append_turn(round.id, turn_serving("menon.gap", Some("posen.fear")))
            .await
            .unwrap();
    }
    let kept = store
        .start_round(round_for("discord:2", "dm:2"))
        .await
        .unwrap();
    store
        .append_turn(kept.id, turn_serving("posen.fear", None))
        .await
        .unwrap();

    assert_eq!(store.forget_user("discord:1").await.unwrap(), 2);
    assert_eq!(store.forget_user("discord:1").await.unwrap(), 0);

    assert!(store.rounds_of_user("discord:1").await.unwrap().is_empty());
    assert_eq!(store.turns(kept.id).await.unwrap().len(), 1);
    assert_eq!(store.clashes(kept.id).await.unwrap().len(), 1);
    for (table, left) in [("users", 1), ("rounds", 1), ("turns", 1), ("clashes", 1)] {
        assert_eq!(db.count_rows(table).await, left, "{table}");
    }
}

async fn the_retention_purge_blanks_only_old_messages(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    for (message, created_ms) in [("old", 1_000), ("older", 500), ("new", 5_000)] {
        let old = NewTurn {
            created_ms,
            ..turn(message)
        };
        store.append_turn(round.id, old).await.unwrap();
    }

    assert_eq!(store.purge_messages_older_than(2_000).await.unwrap(), 2);
    assert_eq!(store.purge_messages_older_than(2_000).await.unwrap(), 0);

    let turns = store.turns(round.id).await.unwrap();
    let messages: Vec<_> = turns.iter().map(|t| t.message.as_str()).collect();
    assert_eq!(messages, ["", "", "new"]);
    assert!(turns.iter().all(|t| t.total == 40.0), "scores are kept");
}

async fn settings_are_kept_per_scope_and_can_be_replaced_or_removed(db: Database) {
    let store = db.open().await;

    store
        .set_setting("guild:1", "instructor-role", "Teachers")
        .await
        .unwrap();
    store
        .set_setting("guild:1", "instructor-role", "Coaches")
        .await
        .unwrap();
    store
        .set_setting("guild:2", "instructor-role", "Staff")
        .await
        .unwrap();

    let role = |scope| store.setting(scope, "instructor-role");
    assert_eq!(role("guild:1").await.unwrap().as_deref(), Some("Coaches"));
    assert_eq!(role("guild:2").await.unwrap().as_deref(), Some("Staff"));
    assert_eq!(role("guild:3").await.unwrap(), None);
    assert!(
        store
            .remove_setting("guild:1", "instructor-role")
            .await
            .unwrap()
    );
    assert!(
        !store
            .remove_setting("guild:1", "instructor-role")
            .await
            .unwrap()
    );
    assert_eq!(role("guild:1").await.unwrap(), None);
}

async fn concurrent_appends_to_different_rounds_lose_nothing(db: Database) {
    const ROUNDS: usize = 8;
    const TURNS: u32 = 20;
    let store = db.open().await;

    let mut tasks = Vec::new();
    for student in 0..ROUNDS {
        let store = store.clone();
        tasks.push(tokio::spawn(async move {
            let user = format!("discord:{student}");
            let round = store.start_round(round_for(&user, "dm")).await.unwrap();
            for n in 1..=TURNS {
                let message = format!("{user} turn {n}");
                store
                    .append_turn(round.id, turn_serving(&message, None))
                    .await
                    .unwrap();
            }
            round.id
        }));
    }
    let mut round_ids = Vec::new();
    for task in tasks {
        round_ids.push(task.await.unwrap());
    }

    for round_id in round_ids {
        let numbers: Vec<u32> = store
            .turns(round_id)
            .await
            .unwrap()
            .iter()
            .map(|t| t.number)
            .collect();
        assert_eq!(numbers, (1..=TURNS).collect::<Vec<_>>());
        assert_eq!(store.clashes(round_id).await.unwrap().len(), TURNS as usize);
    }
}

async fn a_committed_turn_survives_dropping_the_store_without_closing_it(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    let stored = store
        .append_turn(round.id, turn_from("m-1", "kept"))
        .await
        .unwrap();
    drop(store);

    let store = db.open().await;

    assert_eq!(store.turns(round.id).await.unwrap(), [stored]);
    assert_eq!(store.active_rounds().await.unwrap(), [round]);
}

async fn a_committed_turn_is_readable_while_the_old_connections_are_never_cleaned_up(db: Database) {
    let store = db.open().await;
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    let stored = store.append_turn(round.id, turn("kept")).await.unwrap();
    // Like a killed process: no close, no checkpoint, the WAL left as it is.
    std::mem::forget(store);

    let store = db.open().await;

    assert_eq!(store.turns(round.id).await.unwrap(), [stored]);
}

/// Names the database (a URL) for the child process of the SIGKILL test.
const CHILD_DATABASE: &str = "DEBATE_DRILL_STORE_CHILD_DATABASE";

/// The child half of the SIGKILL test: does nothing unless started by it.
#[tokio::test]
#[ignore = "run by a_committed_turn_survives_sigkill_of_its_process"]
async fn child_appends_a_turn_and_waits_to_be_killed() {
    let Ok(url) = std::env::var(CHILD_DATABASE) else {
        return;
    };
    let store = Store::open(&url).await.unwrap();
    let round = store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    store
        .append_turn(round.id, turn_from("m-1", "kept"))
        .await
        .unwrap();
    println!("committed round {}", round.id);
    std::thread::sleep(std::time::Duration::from_secs(60));
}

async fn a_committed_turn_survives_sigkill_of_its_process(db: Database) {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};

    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_appends_a_turn_and_waits_to_be_killed"])
        .args(["--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_DATABASE, db.url())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    // The test harness prints "test <name> ... " on the same line as the child's report.
    let round_id: i64 = BufReader::new(child.stdout.take().unwrap())
        .lines()
        .map_while(Result::ok)
        .find_map(|line| line.split_once("committed round ")?.1.parse().ok())
        .expect("the child reports its committed turn");
    child.kill().unwrap(); // SIGKILL on unix: no destructor, no close, no checkpoint
    child.wait().unwrap();

    let store = db.open().await;

    let turns = store.turns(round_id).await.unwrap();
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0].source_id.as_deref(), Some("m-1"));
    assert_eq!(turns[0].message, "kept");
}

/// Two handles on one database, as two processes would hold, append to the same round at once:
/// every turn gets its own number and its own clash, none is lost.
async fn concurrent_appends_to_one_round_from_two_handles_number_every_turn_once(db: Database) {
    const TURNS: usize = 40;
    let (first, second) = (db.open().await, db.open().await);
    let round = first
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();

    let mut tasks = Vec::new();
    for n in 0..TURNS {
        let store = if n % 2 == 0 {
            first.clone()
        } else {
            second.clone()
        };
        tasks.push(tokio::spawn(async move {
            let message = format!("turn {n}");
            let turn = NewTurn {
                source_id: Some(format!("m-{n}")),
                ..turn_serving(&message, None)
            };
            store.append_turn(round.id, turn).await.unwrap()
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }

    let numbers: Vec<u32> = first
        .turns(round.id)
        .await
        .unwrap()
        .iter()
        .map(|turn| turn.number)
        .collect();
    assert_eq!(numbers, (1..=TURNS as u32).collect::<Vec<_>>());
    let served: Vec<u32> = first
        .clashes(round.id)
        .await
        .unwrap()
        .iter()
        .map(|clash| clash.served_turn)
        .collect();
    let mut sorted = served.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, (1..=TURNS as u32).collect::<Vec<_>>());
}

/// Review cards are kept per student and counter, read back soonest due first, replaced in
/// place, and forgotten with the student; a periodic claim holds for its period.
async fn review_cards_are_kept_soonest_first_and_a_periodic_claim_holds(db: Database) {
    let store = db.open().await;
    store
        .start_round(round_for("discord:1", "dm:1"))
        .await
        .unwrap();
    let card = |counter: &str, due_ms: i64| ReviewCardRecord {
        user_key: "discord:1".into(),
        pack_id: "ukraine-nato".into(),
        side: "coalition-guarantee".into(),
        counter_argument: counter.into(),
        due_ms,
        stability: 2.5,
        difficulty: 5.0,
        elapsed_days: 0,
        scheduled_days: 2,
        reps: 1,
        lapses: 0,
        state: 2,
        last_review_ms: 1_000,
        last_grade: Some(2),
    };
    store.save_review_card(&card("b", 9_000)).await.unwrap();
    store.save_review_card(&card("a", 5_000)).await.unwrap();
    store.save_review_card(&card("b", 3_000)).await.unwrap();

    let cards = store.review_cards("discord:1").await.unwrap();
    let order: Vec<(&str, i64)> = cards
        .iter()
        .map(|c| (c.counter_argument.as_str(), c.due_ms))
        .collect();
    assert_eq!(order, [("b", 3_000), ("a", 5_000)]);
    assert_eq!(cards[0], card("b", 3_000));

    assert!(
        store
            .claim_periodic("user:discord:1", "reminded", 60_000)
            .await
            .unwrap()
    );
    assert!(
        !store
            .claim_periodic("user:discord:1", "reminded", 60_000)
            .await
            .unwrap()
    );
    assert!(
        store
            .claim_periodic("user:discord:1", "reminded", 0)
            .await
            .unwrap()
    );

    store.forget_user("discord:1").await.unwrap();
    assert!(store.review_cards("discord:1").await.unwrap().is_empty());
}

on_both_back_ends!(
    review_cards_are_kept_soonest_first_and_a_periodic_claim_holds,
    the_schema_is_created_on_first_open_and_reopening_keeps_the_data,
    a_user_has_at_most_one_active_round_per_place,
    ending_a_round_twice_changes_nothing_and_says_so,
    rounds_are_listed_by_user_by_drill_and_while_active,
    turns_are_numbered_from_one_within_each_round,
    a_message_appended_twice_is_stored_once,
    turns_go_only_to_rounds_that_exist_and_are_active,
    the_ledger_opens_a_clash_per_counter_and_closes_it_when_answered,
    answering_a_counter_served_twice_closes_both_clashes_but_not_its_own,
    a_counter_served_outside_a_turn_is_answered_only_by_a_later_turn,
    members_arguing_in_one_place_are_each_others_opponents,
    a_turns_point_reaches_the_opponent_once_and_only_while_their_round_runs,
    scheduled_starts_and_reminders_are_kept_across_reopening,
    forgetting_a_user_removes_everything_about_them_and_nothing_else,
    the_retention_purge_blanks_only_old_messages,
    settings_are_kept_per_scope_and_can_be_replaced_or_removed,
    concurrent_appends_to_different_rounds_lose_nothing,
    concurrent_appends_to_one_round_from_two_handles_number_every_turn_once,
    a_committed_turn_survives_dropping_the_store_without_closing_it,
    a_committed_turn_is_readable_while_the_old_connections_are_never_cleaned_up,
    a_committed_turn_survives_sigkill_of_its_process,
);

/// On PostgreSQL a command's place lock holds across handles, as across processes: a second
/// handle waits for the same student in the same place, and not for another place.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_place_lock_on_postgres_keeps_another_handle_waiting_for_that_place_only() {
    let Some(db) = Database::postgres() else {
        return;
    };
    let (first, second) = (db.open().await, db.open().await);
    let held = first.lock_place("discord:1", "dm:1").await.unwrap();

    let elsewhere = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        second.lock_place("discord:1", "dm:2"),
    )
    .await;
    assert!(elsewhere.is_ok(), "another place is not held up");

    let (taken, mut taken_rx) = tokio::sync::oneshot::channel();
    let waiter = tokio::spawn(async move {
        let lock = second.lock_place("discord:1", "dm:1").await.unwrap();
        taken.send(()).unwrap();
        drop(lock);
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        taken_rx.try_recv().is_err(),
        "the same place waits while the lock is held"
    );

    drop(held);
    waiter.await.unwrap();
}
