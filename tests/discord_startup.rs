//! The bot's life against the fake Discord: it connects, registers the contract's commands
//! globally, and stops cleanly on SIGTERM.

mod fake_discord;

use std::time::Duration;

use fake_discord::{APPLICATION_ID, Bot, FakeDiscord, Home, Sessions};
use serde_json::Value;

/// The commands of CONTRACT.md this bot serves, with their option names.
const COMMANDS: &[(&str, &[&str])] = &[
    ("practice", &["side", "pack", "switch"]),
    ("argue", &["text"]),
    ("hint", &[]),
    ("brief", &[]),
    ("end", &[]),
    ("forget-me", &[]),
    ("review", &["answer", "remind"]),
];

#[tokio::test]
async fn ready_registers_the_global_commands() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);

    let registration = fake
        .wait_for("global command registration", |r| {
            r.is("PUT", &format!("/applications/{APPLICATION_ID}/commands"))
        })
        .await;

    let commands = registration.body.as_array().expect("a list of commands");
    for (name, options) in COMMANDS {
        let command = commands
            .iter()
            .find(|c| c["name"] == *name)
            .unwrap_or_else(|| panic!("/{name} is not registered: {}", registration.body));
        let registered: Vec<&str> = command["options"]
            .as_array()
            .map(|o| o.iter().filter_map(|o| o["name"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(registered, *options, "options of /{name}");
        assert!(
            !command["description"]
                .as_str()
                .unwrap_or_default()
                .is_empty(),
            "/{name} has a description"
        );
    }
    let drill = commands
        .iter()
        .find(|c| c["name"] == "drill")
        .expect("/drill");
    let start = drill["options"]
        .as_array()
        .and_then(|subcommands| subcommands.iter().find(|s| s["name"] == "start"))
        .expect("/drill start");
    let mode = start["options"]
        .as_array()
        .and_then(|options| options.iter().find(|o| o["name"] == "mode"))
        .expect("/drill start mode");
    assert_eq!(mode["type"], 3, "mode is a string option: {mode}");
    let choices: Vec<&str> = mode["choices"]
        .as_array()
        .map(|c| c.iter().filter_map(|c| c["value"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(choices, ["solo", "versus"]);
    assert_eq!(
        fake.count(|r| r.path.contains("/guilds/") && r.path.ends_with("/commands")),
        0,
        "no guild commands"
    );
    assert_eq!(
        fake.count(|r| r.path.ends_with("/commands")),
        1,
        "registered from one place, once"
    );
    let (status, _) = bot.terminate(Duration::from_secs(10)).await;
    assert!(status.success());
}

#[tokio::test]
async fn sigterm_exits_zero_within_ten_seconds() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_sessions(Sessions {
        identified: 1,
        resumed: 0,
    })
    .await;
    fake.wait_for("global command registration", |r| {
        r.path.ends_with("/commands")
    })
    .await;

    let (status, took) = bot.terminate(Duration::from_secs(10)).await;

    assert!(status.success(), "exit status {status:?}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
fn a_missing_token_is_one_clear_line_and_exit_1() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[discord]\ntoken_env = \"NO_SUCH_TOKEN_VAR\"\n").unwrap();

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_debate-drill"))
        .args(["serve", "--config"])
        .arg(&config)
        .env_remove("NO_SUCH_TOKEN_VAR")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("NO_SUCH_TOKEN_VAR"), "{stderr}");
}

#[test]
fn a_shard_range_outside_the_total_is_refused_before_connecting() {
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[discord]\ntoken_env = \"SHARD_TEST_TOKEN\"\n").unwrap();

    let output = std::process::Command::new(env!("CARGO_BIN_EXE_debate-drill"))
        .args([
            "serve",
            "--shards",
            "1..2",
            "--shard-total",
            "2",
            "--config",
        ])
        .arg(&config)
        .env("SHARD_TEST_TOKEN", "a-token")
        .output()
        .unwrap();

    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "--shards: shards 1..2 must run from low to high and stay below the shard total 2"
        ),
        "{stderr}"
    );
}

#[tokio::test]
async fn every_request_is_to_a_known_route() {
    let fake = FakeDiscord::start().await;
    let home = Home::new(&fake);
    let bot = Bot::start(&home);
    fake.wait_for("global command registration", |r| {
        r.path.ends_with("/commands")
    })
    .await;

    let unknown: Vec<(String, String, Value)> = fake
        .requests()
        .into_iter()
        .filter(|r| !r.known)
        .map(|r| (r.method, r.path, r.body))
        .collect();
    assert!(
        unknown.is_empty(),
        "unknown routes: {unknown:?}\n{}",
        bot.log()
    );
    bot.terminate(Duration::from_secs(10)).await;
}
