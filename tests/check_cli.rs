//! `debate-drill check` through the real binary: the bad-pack corpus under `tests/data/bad-packs/`,
//! each case with the exact lines it must print, and the cases that are made at test time
//! (a 5 MB file, a symbolic link out of a pack, too many arguments).

mod common;

use std::fs;
use std::path::Path;

use common::{root, run, stdout};

/// Runs `check` on `case` (relative to tests/data) and returns (exit code, problem lines).
fn check(dir: &Path, case: &str) -> (i32, Vec<String>) {
    let output = run(dir, &["check", case], "");
    let text = stdout(&output);
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let summary = lines.pop().expect("a summary line");
    assert!(
        summary.contains("error"),
        "last line is the summary: {summary}"
    );
    (output.status.code().expect("exit code"), lines)
}

fn data() -> std::path::PathBuf {
    root().join("tests/data")
}

/// A new folder `name` in `dir` holding copies of these files of `tests/data/`, each under
/// its own file name.
fn folder_of(dir: &Path, name: &str, files: &[&str]) -> std::path::PathBuf {
    let folder = dir.join(name);
    fs::create_dir(&folder).unwrap();
    for file in files {
        let source = data().join(file);
        fs::copy(&source, folder.join(source.file_name().unwrap())).unwrap();
    }
    folder
}

const CASES: &[(&str, &[&str])] = &[
    (
        "bad-packs/syntax-error.toml",
        &[
            "bad-packs/syntax-error.toml:4:59: TOML syntax error: invalid basic string, expected `\"`",
        ],
    ),
    (
        "bad-packs/unknown-key.toml",
        &[
            "bad-packs/unknown-key.toml:19:1: position `smith` is missing the required key `author`",
            "bad-packs/unknown-key.toml:21:1: unknown key `autor` in position `smith`; did you mean `author`?",
        ],
    ),
    (
        "bad-packs/empty-position",
        &[
            "bad-packs/empty-position/lee.toml:5:1: position `lee` has no arguments: add at least one `[[arguments]]` with its id, claim and quote",
        ],
    ),
    (
        "bad-packs/string-for-a-list.toml",
        &[
            "bad-packs/string-for-a-list.toml:30:12: `keywords` in argument `smith.cost` must be a list of strings, such as [\"a\", \"b\"], found a string",
        ],
    ),
    (
        "bad-packs/repeated-key.toml",
        &["bad-packs/repeated-key.toml:4:1: TOML syntax error: duplicate key `title`"],
    ),
    (
        "bad-packs/wrong-type.toml",
        &[
            "bad-packs/wrong-type.toml:28:9: `claim` in argument `smith.cost` must be a string, found an integer",
        ],
    ),
    (
        "bad-packs/duplicate-id.toml",
        &[
            "bad-packs/duplicate-id.toml:31:18: unknown argument `jones.expression`",
            "bad-packs/duplicate-id.toml:41:6: duplicate argument id `smith.cost` (first defined at bad-packs/duplicate-id.toml:27:6)",
            "bad-packs/duplicate-id.toml:45:18: argument `smith.cost` rebuts itself",
        ],
    ),
    (
        "bad-packs/duplicate-across-files",
        &[
            "bad-packs/duplicate-across-files/lee.toml:6:6: duplicate argument id `shared.point` (first defined at bad-packs/duplicate-across-files/kim.toml:6:6)",
            "bad-packs/duplicate-across-files/lee.toml:9:11: argument `shared.point` rebuts itself",
        ],
    ),
    (
        "bad-packs/dangling-rebuts.toml",
        &[
            "bad-packs/dangling-rebuts.toml:31:11: unknown argument `jones.expresion`; did you mean `jones.expression`?",
        ],
    ),
    (
        "bad-packs/empty-side.toml",
        &[
            "bad-packs/empty-side.toml:16:1: side `neutral` has no arguments: give it a position with at least one `[[arguments]]`",
        ],
    ),
    (
        "bad-packs/over-long-quote.toml",
        &[
            "bad-packs/over-long-quote.toml:29:9: `quote` in argument `smith.cost` is too long: 1249 characters, the limit is 1000",
        ],
    ),
    (
        "bad-packs/empty.toml",
        &["bad-packs/empty.toml: file is empty"],
    ),
    (
        "bad-packs/binary.toml",
        &["bad-packs/binary.toml: binary file (it contains NUL bytes), not TOML text"],
    ),
    (
        "bad-packs/not-utf8.toml",
        &["bad-packs/not-utf8.toml: not valid UTF-8 text (first invalid byte at offset 483)"],
    ),
    (
        "bad-packs/side-opposes-itself.toml",
        &["bad-packs/side-opposes-itself.toml:9:12: side `for-uniforms` opposes itself"],
    ),
    (
        "bad-packs/missing-quote.toml",
        &[
            "bad-packs/missing-quote.toml:40:1: argument `jones.expression` is missing the required key `quote`",
        ],
    ),
    (
        "bad-packs/missing-motion.toml",
        &["bad-packs/missing-motion.toml:1:1: pack is missing the required key `motion`"],
    ),
    (
        "bad-packs/invalid-id.toml",
        &[
            "bad-packs/invalid-id.toml:11:1: side `against-uniforms` has no arguments: give it a position with at least one `[[arguments]]`",
            "bad-packs/invalid-id.toml:34:6: `id` \"jones brown\" is not a valid id: use 1 to 64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit",
        ],
    ),
    (
        "bad-packs/control-character.toml",
        &[
            "bad-packs/control-character.toml:24:10: `thesis` in position `smith` contains the control character U+0007; only newline and tab are allowed",
        ],
    ),
    (
        "bad-packs/unknown-side.toml",
        &[
            "bad-packs/unknown-side.toml:11:1: side `against-uniforms` has no arguments: give it a position with at least one `[[arguments]]`",
            "bad-packs/unknown-side.toml:37:8: unknown side `against-uniform`; did you mean `against-uniforms`?",
        ],
    ),
    (
        "bad-packs/rebuts-own-side.toml",
        &[
            "bad-packs/rebuts-own-side.toml:51:18: `jones.comfort` rebuts `jones.expression`, an argument of its own side `against-uniforms`; rebuts name arguments of opposing sides",
        ],
    ),
    (
        "bad-packs/duplicate-side.toml",
        &[
            "bad-packs/duplicate-side.toml:6:1: side `for-uniforms` is the only side: a pack needs at least two sides that oppose each other",
            "bad-packs/duplicate-side.toml:9:12: unknown side `against-uniforms`",
            "bad-packs/duplicate-side.toml:12:6: duplicate side id `for-uniforms` (first defined at bad-packs/duplicate-side.toml:7:6)",
            "bad-packs/duplicate-side.toml:14:12: side `for-uniforms` opposes itself",
            "bad-packs/duplicate-side.toml:37:8: unknown side `against-uniforms`",
        ],
    ),
];

#[test]
fn every_bad_pack_reports_its_exact_lines() {
    for (case, expected) in CASES {
        let (code, lines) = check(&data(), case);
        assert_eq!(code, 1, "{case} exits 1");
        assert_eq!(lines, *expected, "{case}");
    }
}

#[test]
fn the_corpus_has_no_untested_case() {
    let cases: Vec<String> = fs::read_dir(data().join("bad-packs"))
        .unwrap()
        .map(|e| format!("bad-packs/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    for case in &cases {
        assert!(
            CASES.iter().any(|(c, _)| c == case),
            "{case} has no expected lines"
        );
    }
    assert!(cases.len() >= 15);
}

#[test]
fn good_packs_pass() {
    let output = run(
        &root(),
        &["check", "tests/data/good-packs/uniforms.toml", "prompts/"],
        "",
    );
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(
        stdout(&output).starts_with("0 errors, 0 warnings"),
        "{}",
        stdout(&output)
    );
}

/// The default pack links only genuine contests, each with its reason. An argument no
/// opposing author answers is left unlinked on purpose, so "is rebutted by no argument"
/// warnings are expected; any other warning is a curation slip.
#[test]
fn the_default_pack_passes_with_every_link_reasoned() {
    let output = run(&root(), &["check", "positions/ukraine-nato"], "");
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{report}");
    assert!(
        report
            .lines()
            .last()
            .is_some_and(|summary| summary.starts_with("0 errors")),
        "{report}"
    );
    let slips: Vec<&str> = report
        .lines()
        .filter(|line| line.starts_with("warning:") && !line.contains("is rebutted by no argument"))
        .collect();
    assert!(slips.is_empty(), "{slips:#?}");
}

#[test]
fn crlf_multi_line_strings_and_byte_order_mark_are_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = fs::read_to_string(data().join("good-packs/uniforms.toml")).unwrap();
    // With a multi-line quote: its line break is a CRLF too, and must not read as a control
    // character.
    let text = text.replace(
        "quote = \"A uniform costs less than a wardrobe of brands.\"",
        "quote = \"\"\"A uniform costs less\nthan a wardrobe of brands.\"\"\"",
    );
    assert!(text.contains("\"\"\"A uniform"));
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    fs::write(dir.path().join("windows.toml"), windows).unwrap();
    let (code, lines) = check(dir.path(), "windows.toml");
    assert_eq!((code, lines), (0, vec![]));
}

#[test]
fn a_five_megabyte_file_is_refused_whole() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("huge.toml"), "# padding\n".repeat(500_000)).unwrap();
    let (code, lines) = check(dir.path(), "huge.toml");
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        ["huge.toml: file is too large: 5000000 bytes, the limit is 1048576 bytes"]
    );
}

#[test]
fn a_pack_folder_without_its_pack_toml_is_one_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    folder_of(
        dir.path(),
        "mypack",
        &[
            "bad-packs/duplicate-across-files/kim.toml",
            "bad-packs/duplicate-across-files/lee.toml",
        ],
    );
    let (code, lines) = check(dir.path(), "mypack");
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "mypack: no pack.toml here: this folder holds position files (kim.toml, lee.toml); add a pack.toml with the pack's id, title, motion and sides"
        ]
    );
}

#[test]
fn the_summary_counts_what_was_read_even_when_the_pack_is_invalid() {
    let output = run(&data(), &["check", "bad-packs/string-for-a-list.toml"], "");
    let report = stdout(&output);
    assert_eq!(
        report.lines().last(),
        Some("1 error, 0 warnings (checked 1 pack, 2 positions, 2 arguments)"),
        "{report}"
    );
}

#[test]
fn a_missing_path_is_an_error() {
    let (code, lines) = check(&data(), "no-such-pack");
    assert_eq!(code, 1);
    assert_eq!(lines, ["no-such-pack: no such file or folder"]);
}

/// A FIFO given as a pack file, a position file or a config would block a plain open forever.
#[cfg(unix)]
#[test]
fn a_fifo_is_refused_at_once_wherever_a_file_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = |path: &Path| {
        let status = std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap();
        assert!(status.success());
    };
    fifo(&dir.path().join("pipe.toml"));
    let (code, lines) = check(dir.path(), "pipe.toml");
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        ["pipe.toml: not a regular file (a folder, FIFO, socket or device); give a .toml file"]
    );

    let pack = folder_of(
        dir.path(),
        "pack",
        &["bad-packs/duplicate-across-files/pack.toml"],
    );
    fifo(&pack.join("kim.toml"));
    let (code, lines) = check(dir.path(), "pack");
    assert_eq!(code, 1);
    assert!(
        lines.contains(
            &"pack/kim.toml: not a regular file (a folder, FIFO, socket or device); give a .toml file"
                .to_string()
        ),
        "{lines:?}"
    );

    let config = dir.path().join("bot.toml");
    fifo(&config);
    let output = run(
        &root(),
        &["practice", "--config", &config.display().to_string()],
        "",
    );
    assert_ne!(output.status.code(), Some(0));
    assert!(
        common::stderr(&output).contains("not a regular file"),
        "{}",
        common::stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_a_folder_of_packs_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let library = folder_of(dir.path(), "lib", &["good-packs/uniforms.toml"]);
    let outside = dir.path().join("secret.toml");
    fs::write(&outside, "id = \"secret\"\n").unwrap();
    std::os::unix::fs::symlink(&outside, library.join("passwd.toml")).unwrap();
    let (code, lines) = check(dir.path(), "lib");
    assert_eq!(code, 1);
    assert_eq!(
        lines,
        [
            "lib/passwd.toml: symbolic link leads out of the packs folder (or nowhere); it is not followed"
        ]
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_out_of_a_pack_are_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let pack = folder_of(
        dir.path(),
        "pack",
        &[
            "bad-packs/duplicate-across-files/pack.toml",
            "bad-packs/duplicate-across-files/kim.toml",
        ],
    );
    let outside = dir.path().join("secret.toml");
    fs::write(&outside, "id = \"lee\"\nauthor = \"L\"\nside = \"ban\"\n[[arguments]]\nid = \"a\"\nclaim = \"c\"\nquote = \"q\"\n").unwrap();
    std::os::unix::fs::symlink(&outside, pack.join("lee.toml")).unwrap();
    let (code, lines) = check(dir.path(), "pack");
    assert_eq!(code, 1);
    assert!(
        lines.contains(&"pack/lee.toml: symbolic link leads out of the pack's folder (or nowhere); it is not followed".to_string()),
        "{lines:?}"
    );
}

#[test]
fn too_many_arguments_is_an_error_at_the_first_one_over() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = fs::read_to_string(data().join("good-packs/uniforms.toml")).unwrap();
    for i in 0..10_000 {
        text.push_str(&format!(
            "\n[[positions.arguments]]\nid = \"j{i}\"\nclaim = \"c\"\nquote = \"q\"\n"
        ));
    }
    fs::write(dir.path().join("big.toml"), text).unwrap();
    let (code, lines) = check(dir.path(), "big.toml");
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].ends_with("too many arguments: the pack has 10002, the limit is 10000"),
        "{lines:?}"
    );
}

#[test]
fn a_config_and_a_catalogue_are_checked_too() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("bot.toml"),
        "[discord]\ntoken_env = \"DISCORD_TOKEN\"\napi_bse = \"x\"\n",
    )
    .unwrap();
    let (code, lines) = check(dir.path(), "bot.toml");
    assert_eq!(code, 1);
    assert_eq!(lines.len(), 1);
    assert!(
        lines[0].starts_with("bot.toml:3:1: unknown field `api_bse`"),
        "{lines:?}"
    );

    let output = run(&root(), &["check", "config.example.toml"], "");
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}
