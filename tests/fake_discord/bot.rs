//! The real `debate-drill serve` binary, pointed at the fake with a config in a temporary
//! folder (which also holds its database and its log, so a restart finds the same rounds).
//! Its classroom clock ticks every second, and a test can make time pass in its database.

use std::path::{Path, PathBuf};
use std::process::{ExitStatus, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use tokio::process::{Child, Command};

use super::FakeDiscord;

/// The environment variable the test config names for the token.
const TOKEN_ENV: &str = "FAKE_DISCORD_TOKEN";

/// A bot's home: config, database and log, kept across restarts.
pub struct Home {
    dir: TempDir,
    database_url: String,
}

impl Home {
    /// A home serving the bundled packs.
    pub fn new(fake: &FakeDiscord) -> Home {
        Home::with_packs(fake, &bundled_packs())
    }

    /// A home serving the packs in `packs` (a folder or a single-file pack).
    pub fn with_packs(fake: &FakeDiscord, packs: &Path) -> Home {
        let dir = tempfile::tempdir().unwrap();
        let database_url = format!("sqlite://{}", dir.path().join("bot.db").display());
        Home::configured(fake, packs, dir, database_url, "")
    }

    /// A home serving the bundled packs from the database at `database_url`, every shard.
    pub fn on(fake: &FakeDiscord, database_url: &str) -> Home {
        Home::on_shared(fake, database_url, "")
    }

    /// A home on a database that other bots share (`postgres://…`), running `shards` (`A..B`)
    /// of the fake's shards.
    pub fn sharing(fake: &FakeDiscord, database_url: &str, shards: &str) -> Home {
        let discord = format!(
            "shards = {shards:?}\nshard_total = {}\n",
            fake.shared.gateway.shard_total
        );
        Home::on_shared(fake, database_url, &discord)
    }

    /// The bundled packs on the database at `database_url`, with `discord` keys added.
    fn on_shared(fake: &FakeDiscord, database_url: &str, discord: &str) -> Home {
        let dir = tempfile::tempdir().unwrap();
        Home::configured(
            fake,
            &bundled_packs(),
            dir,
            database_url.to_owned(),
            discord,
        )
    }

    /// `discord`: more keys for the `[discord]` table.
    fn configured(
        fake: &FakeDiscord,
        packs: &Path,
        dir: TempDir,
        database_url: String,
        discord: &str,
    ) -> Home {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let config = format!(
            "[packs]\ndir = {packs:?}\nhot_reload = false\n\n\
             [prompts]\ndir = {prompts:?}\n\n\
             [database]\nurl = {database:?}\n\n\
             [discord]\ntoken_env = {TOKEN_ENV:?}\napi_base = {api_base:?}\n{discord}\n\
             [drill]\ntick_seconds = 1\n",
            packs = packs,
            prompts = repo.join("prompts"),
            database = database_url,
            api_base = fake.api_base(),
        );
        std::fs::write(dir.path().join("config.toml"), config).unwrap();
        Home { dir, database_url }
    }

    /// A home serving the packs in `packs` that picks up changes there without a restart.
    pub fn hot_reloading(fake: &FakeDiscord, packs: &Path) -> Home {
        let home = Home::with_packs(fake, packs);
        let config = std::fs::read_to_string(home.config()).unwrap();
        std::fs::write(
            home.config(),
            config.replace("hot_reload = false", "hot_reload = true"),
        )
        .unwrap();
        home
    }

    pub fn config(&self) -> PathBuf {
        self.dir.path().join("config.toml")
    }

    /// The bot's database, to check what it stored.
    pub fn database_url(&self) -> &str {
        &self.database_url
    }

    fn log(&self) -> PathBuf {
        self.dir.path().join("bot.log")
    }

    /// The bot's database, opened beside the bot (for a test to read, or to move time).
    pub async fn database_pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.database_url).await.unwrap()
    }

    /// Makes `minutes` pass for the drills in the database: every start time, begin time and
    /// deadline moves that far into the past, so the bot's clock finds them due.
    pub async fn pass_time(&self, minutes: i64) {
        let database = self.database_pool().await;
        let shift = minutes * 60_000;
        for statement in [
            "UPDATE drills SET begin_at_ms = begin_at_ms - $1, begun_ms = begun_ms - $1,
                               deadline_ms = deadline_ms - $1",
            "UPDATE rounds SET started_ms = started_ms - $1, deadline_ms = deadline_ms - $1",
        ] {
            sqlx::query(statement)
                .bind(shift)
                .execute(&database)
                .await
                .unwrap();
        }
        database.close().await;
    }
}

/// The bundled packs' folder.
fn bundled_packs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("positions")
}

pub struct Bot {
    child: Child,
    log: PathBuf,
}

impl Bot {
    /// Starts `debate-drill serve` with the home's config and a token in the environment.
    pub fn start(home: &Home) -> Bot {
        let log = home.log();
        let log_file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_debate-drill"))
            .arg("serve")
            .arg("--config")
            .arg(home.config())
            .env(TOKEN_ENV, "fake-token")
            // Serenity's INFO spans format every request's body, byte by byte: a cost no
            // deployment pays by default, so the tests (and their load figures) do not either.
            .env(
                "DEBATE_DRILL_LOG",
                "debate_drill=debug,serenity=warn,poise=warn",
            )
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log_file)
            .kill_on_drop(true)
            .spawn()
            .unwrap();
        Bot { child, log }
    }

    /// The process's peak resident memory so far, in KiB (Linux's `VmHWM`).
    pub fn peak_rss_kib(&self) -> Option<u64> {
        let pid = self.child.id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }

    /// CPU time the process has used so far, user and system (Linux).
    pub fn cpu_time(&self) -> Option<Duration> {
        cpu_time_of(&self.child.id()?.to_string())
    }

    /// What the bot logged so far (for assertion messages).
    pub fn log(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Kills the process with SIGKILL, as a crash or the OOM killer would: nothing is finished.
    pub async fn kill(mut self) {
        self.child.kill().await.expect("the bot is killed");
    }

    /// Sends SIGTERM and waits up to `patience` for the exit; the status and how long it took.
    pub async fn terminate(mut self, patience: Duration) -> (ExitStatus, Duration) {
        let pid = self.child.id().expect("the bot is running").to_string();
        let started = Instant::now();
        let sent = std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap();
        assert!(sent.success(), "could not signal the bot");
        match tokio::time::timeout(patience, self.child.wait()).await {
            Ok(status) => (status.unwrap(), started.elapsed()),
            Err(_) => panic!(
                "the bot did not exit within {patience:?} of SIGTERM; log:\n{}",
                self.log()
            ),
        }
    }
}

/// CPU time used so far, user and system, by the process `/proc/{pid}` names (`"self"` for
/// this one), on Linux.
pub fn cpu_time_of(pid: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces: utime and
    // stime are the 12th and 13th, in clock ticks (USER_HZ, 100 on Linux).
    let after_name = &stat[stat.rfind(')')? + 2..];
    let ticks: u64 = after_name
        .split_whitespace()
        .skip(11)
        .take(2)
        .map(|field| field.parse::<u64>().ok())
        .sum::<Option<u64>>()?;
    Some(Duration::from_millis(ticks * 10))
}
