//! The instructor's side through the fake Discord: students are refused the teacher's
//! commands; uploaded packs (a single file, or a .zip of a pack folder such as the second bundled
//! pack) are validated like `check`, scoped to their server, size-capped.

mod fake_discord;

use std::path::Path;

use fake_discord::{Bot, FakeDiscord, GUILD_CHANNEL_ID, Home, Place, answer_with};
use fake_discord::{as_instructor, attachment_command, in_guild, slash_command, string_option};
use fake_discord::{subcommand, upload_pack};
use serde_json::{Value, json};

const STUDENT: u64 = 610_000_000_000_000_001;
const TEACHER: u64 = 610_000_000_000_000_002;
const OTHER_GUILD: u64 = 610_000_000_000_000_003;
const OTHER_CHANNEL: u64 = 610_000_000_000_000_004;

fn here(user_id: u64) -> Place {
    Place::Guild {
        channel_id: GUILD_CHANNEL_ID,
        user_id,
    }
}

fn good_pack() -> Vec<u8> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read(repo.join("tests/data/good-packs/uniforms.toml")).unwrap()
}

/// The bot, with its home (config and database), which must outlive it.
async fn started(fake: &FakeDiscord) -> (Bot, Home) {
    let home = Home::new(fake);
    let bot = Bot::start(&home);
    fake.wait_for("registration", |r| r.path.ends_with("/commands"))
        .await;
    (bot, home)
}

#[tokio::test]
async fn a_student_is_refused_every_instructor_command() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = started(&fake).await;
    let (file, attachment) = fake.host_attachment("pack.toml", good_pack(), 1_000);
    let commands = [
        attachment_command(here(STUDENT), "pack", "upload", attachment.clone()),
        attachment_command(here(STUDENT), "pack", "check", attachment),
        subcommand(here(STUDENT), "pack", "list", json!([])),
        subcommand(
            here(STUDENT),
            "pack",
            "remove",
            json!([string_option("pack", "school-uniforms")]),
        ),
        subcommand(
            here(STUDENT),
            "pack",
            "default",
            json!([string_option("pack", "ukraine-nato")]),
        ),
        subcommand(
            here(STUDENT),
            "drill",
            "start",
            json!([string_option("pack", "ukraine-nato")]),
        ),
        subcommand(here(STUDENT), "drill", "begin", json!([])),
        subcommand(here(STUDENT), "drill", "end", json!([])),
        subcommand(here(STUDENT), "drill", "export", json!([])),
    ];
    for command in commands {
        fake.dispatch("INTERACTION_CREATE", command.clone());
        let refused = fake
            .wait_for("a refusal", answer_with(&command, "Only instructors"))
            .await;
        assert!(
            refused.body.to_string().contains("64"),
            "refusals are private: {}",
            refused.body
        );
    }
    assert_eq!(
        fake.fetches(file),
        0,
        "a student's upload is never downloaded"
    );
}

#[tokio::test]
async fn an_upload_with_errors_reports_them_and_changes_nothing() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = started(&fake).await;
    let broken = String::from_utf8(good_pack())
        .unwrap()
        .replacen("motion =", "motoin =", 1);
    let (_, attachment) = fake.host_attachment("broken.toml", broken.into_bytes(), 1_000);

    let upload = as_instructor(attachment_command(
        here(TEACHER),
        "pack",
        "upload",
        attachment,
    ));
    fake.dispatch("INTERACTION_CREATE", upload.clone());
    let report = fake
        .wait_for("the problems", answer_with(&upload, "nothing was changed"))
        .await;
    let text = report.body["content"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let line = text
        .lines()
        .find(|l| l.starts_with("broken.toml:"))
        .unwrap_or_else(|| panic!("no PATH:LINE:COLUMN line in {text}"));
    let parts: Vec<&str> = line.splitn(4, ':').collect();
    assert!(
        parts[1].parse::<u32>().is_ok() && parts[2].parse::<u32>().is_ok(),
        "{line}"
    );

    let list = as_instructor(subcommand(here(TEACHER), "pack", "list", json!([])));
    fake.dispatch("INTERACTION_CREATE", list.clone());
    let listed = fake
        .wait_for("the list", answer_with(&list, "Packs in this server"))
        .await;
    assert!(
        !listed.body.to_string().contains("school"),
        "{}",
        listed.body
    );
}

#[tokio::test]
async fn a_valid_upload_is_usable_at_once_there_and_absent_elsewhere() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = started(&fake).await;
    let (_, attachment) = fake.host_attachment("uniforms.toml", good_pack(), 1_000);

    let check = as_instructor(attachment_command(
        here(TEACHER),
        "pack",
        "check",
        attachment.clone(),
    ));
    fake.dispatch("INTERACTION_CREATE", check.clone());
    fake.wait_for("the check", answer_with(&check, "is a valid pack"))
        .await;

    upload_pack(&fake, TEACHER, attachment).await;

    let practice = slash_command(
        here(STUDENT),
        "practice",
        json!([string_option("pack", "school-uniforms")]),
    );
    fake.dispatch("INTERACTION_CREATE", practice);
    fake.wait_for("a round on the uploaded pack", |r| {
        r.method == "POST"
            && r.path.ends_with("/messages")
            && r.body["embeds"].to_string().contains("School uniforms")
    })
    .await;

    let elsewhere = in_guild(
        slash_command(
            Place::Guild {
                channel_id: OTHER_CHANNEL,
                user_id: STUDENT,
            },
            "practice",
            json!([string_option("pack", "school-uniforms")]),
        ),
        OTHER_GUILD,
    );
    fake.dispatch("INTERACTION_CREATE", elsewhere.clone());
    fake.wait_for(
        "an unknown pack in the other server",
        answer_with(&elsewhere, "There is no pack called school-uniforms"),
    )
    .await;
    drop(bot);
}

/// The bundled second pack, `positions/russia-war-cause/`, zipped as an instructor would zip its
/// folder, under another id (a bundled pack's id is taken).
fn second_pack_zip(id: &str) -> Vec<u8> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("positions/russia-war-cause");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let files = files.into_iter().map(|file| {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let mut text = std::fs::read_to_string(&file).unwrap();
        if name == "pack.toml" {
            text = text.replace("id = \"russia-war-cause\"", &format!("id = \"{id}\""));
        }
        (name, text)
    });
    zip_folder("russia-war-cause", files)
}

/// `files` (name, text) zipped in one folder, as an instructor would zip a pack folder.
fn zip_folder(folder: &str, files: impl IntoIterator<Item = (String, String)>) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in files {
        zip.start_file(
            format!("{folder}/{name}"),
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[tokio::test]
async fn the_second_pack_uploads_as_a_zip_of_its_folder_and_serves_its_motion() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = started(&fake).await;
    let zip = second_pack_zip("war-cause-class");
    let size = zip.len() as u64;
    let (_, attachment) = fake.host_attachment("russia-war-cause.zip", zip, size);
    upload_pack(&fake, TEACHER, attachment).await;

    let practice = slash_command(
        here(STUDENT),
        "practice",
        json!([
            string_option("pack", "war-cause-class"),
            string_option("side", "not-about-nato")
        ]),
    );
    fake.dispatch("INTERACTION_CREATE", practice);
    fake.wait_for("a round on the uploaded second pack", |r| {
        r.method == "POST"
            && r.path.ends_with("/messages")
            && r.body["embeds"]
                .to_string()
                .contains("This house believes Russia's war on Ukraine is about NATO")
    })
    .await;
    drop(bot);
}

#[tokio::test]
async fn oversized_attachments_are_refused_or_cut_off() {
    let fake = FakeDiscord::start().await;
    let (bot, _home) = started(&fake).await;

    let (declared_big, attachment) = fake.host_attachment("big.toml", good_pack(), 300 * 1024);
    let upload = as_instructor(attachment_command(
        here(TEACHER),
        "pack",
        "upload",
        attachment,
    ));
    fake.dispatch("INTERACTION_CREATE", upload.clone());
    fake.wait_for("a refusal by size", answer_with(&upload, "too large"))
        .await;
    assert_eq!(fake.fetches(declared_big), 0, "refused before any download");

    let liar = vec![b'#'; 10 * 1024 * 1024];
    let (_, attachment) = fake.host_attachment("liar.toml", liar, 100 * 1024);
    let upload = as_instructor(attachment_command(
        here(TEACHER),
        "pack",
        "upload",
        attachment,
    ));
    let started = std::time::Instant::now();
    fake.dispatch("INTERACTION_CREATE", upload.clone());
    fake.wait_for(
        "the download cut off",
        answer_with(&upload, "larger than it claimed"),
    )
    .await;
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(bot.log().contains("cut off"), "{}", bot.log());
}

#[tokio::test]
async fn the_servers_instructor_role_makes_a_member_an_instructor() {
    let fake = FakeDiscord::start().await;
    let (_bot, _home) = started(&fake).await;
    let role_id = "610000000000000099";
    let role = json!({
        "id": role_id, "name": "Teaching assistants", "color": 0, "hoist": false,
        "colors": { "primary_color": 0, "secondary_color": null, "tertiary_color": null },
        "icon": null, "unicode_emoji": null, "position": 1, "permissions": "0",
        "managed": false, "mentionable": false, "flags": 0
    });
    let setting = |interaction: Value| {
        let mut interaction = interaction;
        interaction["data"]["resolved"] = json!({ "roles": { role_id: role.clone() } });
        interaction
    };
    let options = json!([{ "name": "role", "type": 8, "value": role_id }]);

    let refused = setting(subcommand(
        here(STUDENT),
        "settings",
        "instructor-role",
        options.clone(),
    ));
    fake.dispatch("INTERACTION_CREATE", refused.clone());
    fake.wait_for("a refusal", answer_with(&refused, "Manage Server"))
        .await;

    let set = setting(as_instructor(subcommand(
        here(TEACHER),
        "settings",
        "instructor-role",
        options,
    )));
    fake.dispatch("INTERACTION_CREATE", set.clone());
    fake.wait_for(
        "the role set",
        answer_with(&set, "are now instructors here"),
    )
    .await;

    let mut list = subcommand(here(STUDENT), "pack", "list", json!([]));
    list["member"]["roles"] = json!([role_id]);
    fake.dispatch("INTERACTION_CREATE", list.clone());
    fake.wait_for(
        "an assistant's list",
        answer_with(&list, "Packs in this server"),
    )
    .await;
}

/// A generated pack of `arguments` arguments, every `rebuts` naming an argument that does not
/// exist (the case that once made checking quadratic), zipped as an instructor would.
fn big_pack_zip(arguments: usize) -> Vec<u8> {
    let (pack, positions) = debate_drill::pack::synthetic::generate("big", arguments);
    let files = std::iter::once(&pack).chain(&positions).map(|file| {
        let name = file
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        (
            name,
            file.text.replace("rebuts = [\"", "rebuts = [\"missing-"),
        )
    });
    zip_folder("big", files)
}

/// Validating a big upload runs off the bot's async workers: with more big uploads being validated
/// than the bot has workers, a small `/pack check` sent then is answered first, and the big ones
/// are answered too.
#[tokio::test]
async fn an_unrelated_pack_check_is_answered_while_big_uploads_are_validated() {
    const BIG_UPLOADS: usize = 8;
    let fake = FakeDiscord::start().await;
    let (bot, _home) = started(&fake).await;
    let big = big_pack_zip(2_100);
    let size = big.len() as u64;
    assert!(
        size < 256 * 1024,
        "the big pack fits the upload cap: {size}"
    );
    let (big_files, big_uploads): (Vec<u64>, Vec<Value>) = (0..BIG_UPLOADS)
        .map(|_| {
            let (file, attachment) = fake.host_attachment("big.zip", big.clone(), size);
            let upload = attachment_command(here(TEACHER), "pack", "upload", attachment);
            (file, as_instructor(upload))
        })
        .unzip();
    let (_, small_attachment) = fake.host_attachment("pack.toml", good_pack(), 1_000);
    let small_check = as_instructor(attachment_command(
        here(TEACHER),
        "pack",
        "check",
        small_attachment,
    ));
    for upload in &big_uploads {
        fake.dispatch("INTERACTION_CREATE", upload.clone());
    }
    // Once every big pack is downloaded, validating them is all that is left to do.
    while big_files.iter().any(|&file| fake.fetches(file) == 0) {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    fake.dispatch("INTERACTION_CREATE", small_check.clone());

    fake.wait_for(
        "the small check's answer",
        answer_with(&small_check, "is a valid pack"),
    )
    .await;
    for upload in &big_uploads {
        assert_eq!(
            fake.count(answer_with(upload, "nothing was changed")),
            0,
            "the small check was answered before any big upload's report"
        );
    }
    for upload in &big_uploads {
        let report = fake
            .wait_for(
                "a big upload's report",
                answer_with(upload, "nothing was changed"),
            )
            .await;
        assert!(
            report.body.to_string().contains("unknown argument"),
            "{}",
            report.body
        );
    }
    drop(bot);
}
