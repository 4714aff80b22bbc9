//! `debate-drill practice` through the real binary, scripted on stdin: a whole round, another
//! counter asked for with `/next`, and a round that survives SIGKILL.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use common::{debate_drill, root, run, stdout};
use debate_drill::pack::load_pack;
use debate_drill::store::{ClashOrigin, Store};

const TURNS: &[&str] = &[
    "ukraine should get a coalition garantee from european countries w/o the us",
    "russia attacked ukraine twice already, in 2014 and 2022, so only a real promise to defend it deters a third time",
    "neutrality is just a consolation prize, nobody in kyiv wants it",
    "the us can keep sending weapons even if europe gives the guarantee",
    "putin might get tired of the war and a guarantee lets him save face",
];

fn practice_args(db: &std::path::Path) -> Vec<String> {
    [
        "practice",
        "--side",
        "coalition-guarantee",
        "--seed",
        "3",
        "--db",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([db.display().to_string()])
    .collect()
}

#[test]
fn a_scripted_round_of_five_turns() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let script = format!("{}\n/end\n", TURNS.join("\n"));
    let args = practice_args(&db);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&root(), &args, &script);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let text = stdout(&output);

    let pack = load_pack(&root().join("positions/ukraine-nato"))
        .pack
        .unwrap();
    // Every quoted line is an opposing author's verbatim quote.
    let quotes: Vec<&str> = text
        .lines()
        .filter_map(|line| line.strip_prefix('“').and_then(|l| l.strip_suffix('”')))
        .collect();
    assert!(quotes.len() >= 4, "most turns are countered:\n{text}");
    for quote in &quotes {
        let argument = pack
            .arguments
            .iter()
            .find(|a| a.quote == *quote)
            .unwrap_or_else(|| panic!("not a verbatim pack quote: {quote}"));
        assert!(
            pack.opposes("coalition-guarantee", &argument.side),
            "{} is not opposing",
            argument.id
        );
    }

    // The scorecard adds up: its total is the mean of the turn scores.
    let turn_scores: Vec<f64> = text
        .lines()
        .filter(|line| line.starts_with("Turn "))
        .map(|line| {
            line.rsplit(' ')
                .next()
                .unwrap()
                .trim_end_matches("/100")
                .parse()
                .unwrap()
        })
        .collect();
    let total_line = text
        .lines()
        .find(|l| l.starts_with("Total: "))
        .expect("a scorecard");
    let total: f64 = total_line["Total: ".len()..]
        .split('/')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let mean = turn_scores.iter().sum::<f64>() / turn_scores.len() as f64;
    assert!(
        (mean - total).abs() < 0.1,
        "total {total} vs mean of {turn_scores:?}"
    );
    let header = format!("{} turns (ended by command)", turn_scores.len());
    assert!(text.contains(&header), "{text}");

    // Every turn was stored; every counter served comes from an opposing side (a point no
    // author answers gets none, said honestly).
    let turns = latest_round(&db, async |store, round| store.turns(round).await.unwrap());
    assert_eq!(turns.len(), turn_scores.len());
    let countered: Vec<&str> = turns
        .iter()
        .filter_map(|turn| turn.counter_argument.as_deref())
        .collect();
    assert_eq!(countered.len(), quotes.len());
    for id in countered {
        let counter = pack.argument(id).unwrap();
        assert!(pack.opposes("coalition-guarantee", &counter.side));
    }
}

#[test]
fn next_asks_for_another_counter_to_the_latest_point() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let script = format!("/next\n{}\n/next\n/end\n", TURNS[0]);
    let args = practice_args(&db);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = run(&root(), &args, &script);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("Make your first point before asking for another counter"),
        "{text}"
    );
    let (turn, next) = text
        .split_once("Another counter to your point: ")
        .unwrap_or_else(|| panic!("another counter:\n{text}"));
    let quote_in = |block: &str| {
        block
            .lines()
            .find_map(|line| line.strip_prefix('“').and_then(|l| l.strip_suffix('”')))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("a quote in:\n{block}"))
    };
    let (first, second) = (quote_in(turn), quote_in(next));
    assert_ne!(first, second, "the same counter twice");

    let pack = load_pack(&root().join("positions/ukraine-nato"))
        .pack
        .unwrap();
    let by_quote = |quote: &str| {
        pack.arguments
            .iter()
            .find(|a| a.quote == quote)
            .unwrap_or_else(|| panic!("not a verbatim pack quote: {quote}"))
    };
    for quote in [&first, &second] {
        assert!(pack.opposes("coalition-guarantee", &by_quote(quote).side));
    }
    assert!(text.contains("1 turn (ended by command)"), "{text}");
    assert!(text.contains("Counters you dropped (2)"), "{text}");

    let clashes = latest_round(&db, async |store, round| {
        store.clashes(round).await.unwrap()
    });
    let stored: Vec<(&str, ClashOrigin)> = clashes
        .iter()
        .map(|c| (c.counter_argument.as_str(), c.origin))
        .collect();
    assert_eq!(
        stored,
        [
            (by_quote(&first).id.as_str(), ClashOrigin::Turn),
            (by_quote(&second).id.as_str(), ClashOrigin::Next)
        ]
    );
}

/// What `read` finds in the store in `db` about the terminal user's latest round (by its id).
fn latest_round<T>(db: &std::path::Path, read: impl AsyncFnOnce(&Store, i64) -> T) -> T {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let store = Store::open_in(db).await.unwrap();
        let round = store
            .rounds_of_user(&stored_user())
            .await
            .unwrap()
            .pop()
            .expect("a stored round");
        read(&store, round.id).await
    })
}

fn stored_user() -> String {
    std::env::var("USER").map_or_else(
        |_| "terminal:local".to_string(),
        |u| format!("terminal:{u}"),
    )
}

/// Reads the child's stdout until `count` turn headers have appeared.
fn wait_for_turns(reader: &mut impl BufRead, count: usize) -> String {
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut seen = String::new();
    let mut line = String::new();
    while seen.matches("\nTurn ").count() + usize::from(seen.starts_with("Turn ")) < count {
        assert!(Instant::now() < deadline, "no reply in time:\n{seen}");
        line.clear();
        if reader.read_line(&mut line).unwrap() == 0 {
            panic!("practice ended early:\n{seen}");
        }
        seen.push_str(&line);
    }
    seen
}

fn spawn(db: &std::path::Path) -> Child {
    debate_drill(&root())
        .args(practice_args(db))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn a_round_survives_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let mut child = spawn(&db);
    let mut stdin = child.stdin.take().unwrap();
    let mut reader = BufReader::new(child.stdout.take().unwrap());
    for turn in &TURNS[..3] {
        writeln!(stdin, "{turn}").unwrap();
    }
    stdin.flush().unwrap();
    // A turn and its counter are committed before the turn's reply is printed.
    wait_for_turns(&mut reader, 3);
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let mut child = spawn(&db);
    let mut stdin = child.stdin.take().unwrap();
    writeln!(stdin, "/end").unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    let text = stdout(&output);
    assert!(
        text.contains("3 turns so far"),
        "the round resumes:\n{text}"
    );
    assert!(
        text.contains("3 turns (ended by command)"),
        "no turn lost, none doubled:\n{text}"
    );
    assert!(
        text.contains("The counter waiting for your answer:"),
        "a resumed round shows the counter to answer, not the whole brief:\n{text}"
    );
}

#[test]
fn an_unknown_side_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    let output = run(&root(), &["practice", "--side", "nope", "--db", &db], "");
    assert_eq!(output.status.code(), Some(1));
    assert!(common::stderr(&output).contains("There is no side called nope"));
}

#[test]
fn odd_input_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db").display().to_string();
    let long = "nato ".repeat(800);
    let script =
        format!("/nonsense\n\n😂😂 @everyone **bold** שלום\n{long}\n/hint\n/brief\n/end\n");
    let output = run(
        &root(),
        &["practice", "--side", "not-about-nato", "--db", &db],
        &script,
    );
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("There is no command /nonsense"));
    assert!(text.contains("Hint — a point of your side"));
    assert!(text.contains("Scorecard — "));
}

/// `database.retention_days` is applied before a round opens: older messages are blanked,
/// their scores kept.
#[test]
fn practice_blanks_messages_older_than_the_retention_period() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("round.db");
    let config = dir.path().join("bot.toml");
    std::fs::write(&config, "[database]\nretention_days = 30\n").unwrap();
    let args = practice_args(&db);
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    let config_arg = config.display().to_string();
    args.extend(["--config", &config_arg]);
    let script = format!("{}\n/end\n", TURNS[1]);
    let output = run(&root(), &args, &script);
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));

    // The turn is made 31 days old, then practice starts again.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
            .await
            .unwrap();
        let month_ago = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as i64
            - 31 * 24 * 60 * 60 * 1000;
        sqlx::query("UPDATE turns SET created_ms = $1")
            .bind(month_ago)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
    let first_round = latest_round(&db, async |_, round| round);
    let output = run(&root(), &args, "/end\n");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));

    let turns = runtime.block_on(async {
        let store = Store::open_in(&db).await.unwrap();
        store.turns(first_round).await.unwrap()
    });
    assert_eq!(turns.len(), 1);
    assert_eq!(turns[0].message, "", "the old message is blanked");
    assert!(!turns[0].scores_json.is_empty(), "its score is kept");
}

/// `--db` takes a file or the sqlite: URL form `database.url` uses, never a folder named
/// `sqlite:`; a database URL of a kind the store does not speak is refused, not made into a
/// folder, and a PostgreSQL URL that names no server is refused before any connection.
#[test]
fn a_database_url_is_read_as_a_url_and_another_scheme_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("round.db");
    let url = format!("sqlite://{}", file.display());
    let output = run(&root(), &["practice", "--db", &url], "/end\n");
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(file.is_file());
    assert!(!root().join("sqlite:").exists());

    let packs = root().join("positions").display().to_string();
    let output = debate_drill(dir.path())
        .args(["--packs", &packs, "practice"])
        .env("DEBATE_DRILL_DATABASE_URL", "mysql://x")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(
        common::stderr(&output)
            .contains("DEBATE_DRILL_DATABASE_URL must be a sqlite: URL such as sqlite://debate-drill.db, or a postgres:// URL, found \"mysql://x\""),
        "{}",
        common::stderr(&output)
    );
    assert!(!dir.path().join("mysql:").exists());

    let output = run(
        &root(),
        &["practice", "--db", "postgres:///drill"],
        "/end\n",
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        common::stderr(&output).contains("--db names no server"),
        "{}",
        common::stderr(&output)
    );
}

/// A round on a PostgreSQL server (the tests' own cluster): played through the binary, and its
/// turn and ended round stored there.
#[tokio::test]
async fn a_round_is_played_and_stored_on_a_postgres_server() {
    let Some(url) = common::postgres::database() else {
        return;
    };
    let output = run(
        &root(),
        &["practice", "--db", &url, "--seed", "3"],
        "neutrality for ukraine would calm russia\n/end\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("1 turn"));

    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(&url).await.unwrap();
    let stored: (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM turns), (SELECT COUNT(*) FROM rounds WHERE ended_ms IS NOT NULL)",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(stored, (1, 1));
}

#[test]
fn a_mistyped_db_path_is_refused_rather_than_a_chain_of_folders_made() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("no").join("such").join("round.db");
    let output = run(
        &root(),
        &["practice", "--db", &file.display().to_string()],
        "/end\n",
    );
    assert_eq!(output.status.code(), Some(1));
    let message = common::stderr(&output);
    assert!(
        message.contains(&format!(
            "the folder {} does not exist",
            dir.path().join("no").display()
        )),
        "{message}"
    );
    assert!(!dir.path().join("no").exists());
}

/// `practice --config` reads its packs from the config's `packs.dir`, as `serve` does, unless
/// `--packs` is given.
#[test]
fn practice_with_a_config_reads_the_configured_packs() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("lib");
    std::fs::create_dir(&library).unwrap();
    std::fs::copy(
        root().join("tests/data/good-packs/uniforms.toml"),
        library.join("uniforms.toml"),
    )
    .unwrap();
    let config = dir.path().join("bot.toml");
    std::fs::write(
        &config,
        format!("[packs]\ndir = {:?}\n", library.display().to_string()),
    )
    .unwrap();
    let db = dir.path().join("round.db").display().to_string();
    let config = config.display().to_string();
    let output = run(
        &root(),
        &["practice", "--config", &config, "--db", &db],
        "/end\n",
    );
    assert_eq!(output.status.code(), Some(0), "{}", common::stderr(&output));
    assert!(
        stdout(&output).starts_with("School uniforms\n"),
        "{}",
        stdout(&output)
    );
}

/// `practice --switch` after a round: the side whose counters the student faced, the points
/// that beat them listed first, and a scorecard that compares the two rounds.
#[test]
fn switching_sides_opens_with_the_points_that_beat_you_and_compares_the_rounds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    let db = db.to_str().unwrap();
    let first = run(
        &root(),
        &["practice", "--db", db, "--side", "permanent-nonalignment"],
        "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.\n/end\n",
    );
    assert_eq!(first.status.code(), Some(0), "{}", common::stderr(&first));

    let second = run(
        &root(),
        &["practice", "--db", db, "--switch"],
        "Russia's word is worthless, so neutrality would only invite the next invasion.\n/end\n",
    );

    assert_eq!(second.status.code(), Some(0), "{}", common::stderr(&second));
    let shown = String::from_utf8_lossy(&second.stdout);
    assert!(
        shown.contains(
            "You switched sides: last round you argued Permanent nonalignment for Ukraine"
        ),
        "{shown}"
    );
    assert!(
        shown.contains("The points that beat you last time"),
        "{shown}"
    );
    assert!(
        !shown.contains("You argue: Permanent nonalignment"),
        "{shown}"
    );
    assert!(
        shown.contains("Compared with your last round, as Permanent nonalignment for Ukraine"),
        "{shown}"
    );

    let refused = run(
        &root(),
        &["practice", "--db", db, "--switch", "--side", "x"],
        "",
    );
    assert_eq!(
        refused.status.code(),
        Some(2),
        "clap refuses --switch with --side"
    );
}

/// `practice --review` after a round: the counter left standing comes back as a review card,
/// the answer is scored and graded, and the card is not served again before it is due.
#[test]
fn a_dropped_counter_is_reviewed_then_put_off_until_it_is_due() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    let db = db.to_str().unwrap();
    let nothing_yet = run(&root(), &["practice", "--db", db, "--review"], "");
    assert!(
        String::from_utf8_lossy(&nothing_yet.stdout).contains("You have no review cards yet"),
        "{}",
        String::from_utf8_lossy(&nothing_yet.stdout)
    );
    run(
        &root(),
        &["practice", "--db", db, "--side", "permanent-nonalignment"],
        "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.\n/end\n",
    );

    let reviewed = run(
        &root(),
        &["practice", "--db", db, "--review"],
        "That is wrong: Russia attacked Ukraine twice in ten years, in 2014 and 2022.\n",
    );

    assert_eq!(
        reviewed.status.code(),
        Some(0),
        "{}",
        common::stderr(&reviewed)
    );
    let shown = String::from_utf8_lossy(&reviewed.stdout);
    assert!(shown.contains("1 review card due"), "{shown}");
    assert!(shown.contains("answer this counter again"), "{shown}");
    assert!(shown.contains("/100, graded "), "{shown}");
    assert!(shown.contains("Review done: 1 card answered."), "{shown}");

    let again = run(&root(), &["practice", "--db", db, "--review"], "");
    let shown = String::from_utf8_lossy(&again.stdout);
    assert!(
        shown.contains("No review card is due now; the next one is due in"),
        "{shown}"
    );
}

/// `progress --out`: a PNG of the terminal student's rounds; a counter dropped in a round is on
/// the "most dropped" list until it is answered well in review.
#[test]
fn progress_charts_the_rounds_and_a_counter_answered_well_leaves_the_most_dropped_list() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("rounds.db");
    let db = db.to_str().unwrap();
    let chart = dir.path().join("progress.png");
    let chart_arg = chart.to_str().unwrap();
    run(
        &root(),
        &["practice", "--db", db, "--side", "permanent-nonalignment"],
        "Letting Ukraine into NATO would be a strategic error that leaves Europe less secure.\n/end\n",
    );

    let before = run(&root(), &["progress", "--db", db, "--out", chart_arg], "");
    assert_eq!(before.status.code(), Some(0), "{}", common::stderr(&before));
    assert!(
        String::from_utf8_lossy(&before.stdout).contains("1 round, 1 counter you drop most"),
        "{}",
        String::from_utf8_lossy(&before.stdout)
    );
    let bytes = std::fs::read(&chart).unwrap();
    let reader = png::Decoder::new(bytes.as_slice()).read_info().unwrap();
    assert_eq!((reader.info().width, reader.info().height), (1000, 640));

    let reviewed = run(
        &root(),
        &["practice", "--db", db, "--review"],
        "That is wrong: Russia attacked Ukraine twice in ten years, in 2014 and 2022, so armed \
         neutrality without a guarantee invites a third war.\n",
    );
    assert!(
        String::from_utf8_lossy(&reviewed.stdout).contains("graded good")
            || String::from_utf8_lossy(&reviewed.stdout).contains("graded easy"),
        "{}",
        String::from_utf8_lossy(&reviewed.stdout)
    );

    let after = run(&root(), &["progress", "--db", db, "--out", chart_arg], "");
    assert!(
        String::from_utf8_lossy(&after.stdout).contains("1 round, 0 counters you drop most"),
        "{}",
        String::from_utf8_lossy(&after.stdout)
    );
}
