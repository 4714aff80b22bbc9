//! A real PostgreSQL server for the tests: one throwaway cluster per test process (initdb, then
//! `postgres` in a temporary folder, listening on a free port of 127.0.0.1), and a fresh
//! database for each test that asks.
//!
//! The server runs under a watchdog shell that holds a pipe from this process: when the test
//! process exits, however it exits, the pipe closes and the watchdog stops the server and
//! deletes its folder. initdb refuses to run as root, so as root the cluster runs as the
//! `postgres` user (made by Debian's package) or `nobody`.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// A running cluster; the child is the watchdog, its stdin the pipe that keeps it waiting.
struct Cluster {
    port: u16,
    _watchdog: Mutex<Child>,
}

/// The cluster for tests, which skips syncing to disk (`fsync = off`: a killed process still
/// loses nothing, only a crash of the machine would), and one that syncs as a deployment does.
static FAST: OnceLock<Option<Cluster>> = OnceLock::new();
static DURABLE: OnceLock<Option<Cluster>> = OnceLock::new();
static DATABASES: AtomicU32 = AtomicU32::new(0);

/// A URL for a new, empty database on this process's cluster, or `None` (having said why) when
/// PostgreSQL is not installed and `DEBATE_DRILL_WITHOUT_POSTGRES` is set. Without PostgreSQL and
/// without that variable (and always under `CI`), it fails the test.
pub fn database() -> Option<String> {
    create_database(FAST.get_or_init(|| start(false)).as_ref()?)
}

/// [`database`] on a cluster that syncs every commit to disk, for figures that compare with
/// SQLite's.
pub fn durable_database() -> Option<String> {
    create_database(DURABLE.get_or_init(|| start(true)).as_ref()?)
}

fn create_database(cluster: &Cluster) -> Option<String> {
    let name = format!("test_{}", DATABASES.fetch_add(1, Ordering::SeqCst));
    let status = Command::new(binary("psql").unwrap())
        .args([
            "-h",
            "127.0.0.1",
            "-U",
            "drill",
            "-d",
            "postgres",
            "-q",
            "-c",
        ])
        .arg(format!("CREATE DATABASE {name}"))
        .arg("-p")
        .arg(cluster.port.to_string())
        .status()
        .expect("psql runs");
    assert!(status.success(), "could not create the database {name}");
    Some(format!(
        "postgres://drill@127.0.0.1:{}/{name}",
        cluster.port
    ))
}

fn start(durable: bool) -> Option<Cluster> {
    let Some(initdb) = binary("initdb") else {
        let in_ci = std::env::var_os("CI").is_some();
        let allowed = std::env::var_os("DEBATE_DRILL_WITHOUT_POSTGRES").is_some();
        assert!(
            allowed && !in_ci,
            "PostgreSQL's server is not installed (no initdb on PATH or in /usr/lib/postgresql/*/bin): \
             install it (Debian: apt-get install postgresql; .ci/run does) or set \
             DEBATE_DRILL_WITHOUT_POSTGRES=1 to skip the tests that need it (never under CI)"
        );
        println!("skipped (DEBATE_DRILL_WITHOUT_POSTGRES): PostgreSQL is not installed");
        return None;
    };
    let folder = tempfile::Builder::new()
        .prefix("debate-drill-pg-")
        .tempdir()
        .expect("a temporary folder")
        .keep();
    let data = folder.join("data");
    let runner = Runner::for_this_process(&folder);
    let initialised = runner
        .command(&initdb)
        .args([
            "-U",
            "drill",
            "--auth=trust",
            "--no-sync",
            "-E",
            "UTF8",
            "-D",
        ])
        .arg(&data)
        .stdout(Stdio::null())
        .output()
        .expect("initdb runs");
    assert!(
        initialised.status.success(),
        "initdb failed: {}",
        String::from_utf8_lossy(&initialised.stderr)
    );

    let postgres = binary("postgres").expect("postgres beside initdb");
    let port = free_port();
    let script = format!(
        "'{postgres}' -D '{data}' -p {port} -k '{folder}' -c listen_addresses=127.0.0.1 \
         -c fsync={fsync} -c max_connections=200 >'{folder}/log' 2>&1 & server=$!; \
         read ignored; kill -INT $server; wait $server; rm -rf '{folder}'",
        fsync = if durable { "on" } else { "off" },
        postgres = postgres.display(),
        data = data.display(),
        folder = folder.display(),
    );
    let mut watchdog = runner
        .command(Path::new("sh"))
        .args(["-c", &script])
        .stdin(Stdio::piped())
        .spawn()
        .expect("the watchdog starts");
    wait_until_ready(port, &folder, &mut watchdog);
    // The pipe must stay open for the life of the process: leak the writing end on purpose.
    std::mem::forget(watchdog.stdin.take());
    Some(Cluster {
        port,
        _watchdog: Mutex::new(watchdog),
    })
}

fn wait_until_ready(port: u16, folder: &Path, watchdog: &mut Child) {
    let isready = binary("pg_isready").expect("pg_isready beside initdb");
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let ready = Command::new(&isready)
            .args(["-q", "-h", "127.0.0.1", "-p", &port.to_string()])
            .status()
            .is_ok_and(|status| status.success());
        if ready {
            return;
        }
        if let Ok(Some(status)) = watchdog.try_wait() {
            panic!("the PostgreSQL server stopped at once ({status})");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let log = std::fs::read_to_string(folder.join("log")).unwrap_or_default();
    panic!("the PostgreSQL server did not start within 60 s:\n{log}");
}

/// Runs the cluster's programs as this process's user, or, as root, as an unprivileged one.
struct Runner {
    user: Option<String>,
}

impl Runner {
    fn for_this_process(folder: &Path) -> Runner {
        if !is_root() {
            return Runner { user: None };
        }
        let user = ["postgres", "nobody"]
            .into_iter()
            .find(|user| id(user, "-u").is_some())
            .expect("a postgres or nobody user to run PostgreSQL as");
        let (uid, gid) = (id(user, "-u").unwrap(), id(user, "-g").unwrap());
        std::os::unix::fs::chown(folder, Some(uid), Some(gid)).expect("chown the cluster's folder");
        Runner {
            user: Some(user.to_owned()),
        }
    }

    fn command(&self, program: &Path) -> Command {
        match &self.user {
            None => Command::new(program),
            Some(user) => {
                let mut command = Command::new("runuser");
                command.args(["-u", user, "--"]).arg(program);
                command
            }
        }
    }
}

fn is_root() -> bool {
    id_of_this_process() == Some(0)
}

fn id_of_this_process() -> Option<u32> {
    let output = Command::new("id").arg("-u").output().ok()?;
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}

fn id(user: &str, which: &str) -> Option<u32> {
    let output = Command::new("id").args([which, user]).output().ok()?;
    if !output.status.success() {
        return None;
    }
    String::from_utf8(output.stdout).ok()?.trim().parse().ok()
}

/// A PostgreSQL program: on PATH, or in the newest `/usr/lib/postgresql/*/bin` (Debian keeps
/// the server's programs there).
fn binary(name: &str) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH").and_then(|path| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    });
    on_path.or_else(|| {
        let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
            .ok()?
            .filter_map(|entry| {
                let entry = entry.ok()?;
                let version = entry.file_name().to_str()?.parse().ok()?;
                Some((version, entry.path().join("bin").join(name)))
            })
            .filter(|(_, candidate)| candidate.is_file())
            .collect();
        versions.sort();
        versions.pop().map(|(_, path)| path)
    })
}

fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a free port");
    listener.local_addr().unwrap().port()
}
