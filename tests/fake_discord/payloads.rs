//! The JSON shapes Discord sends: users, members, messages, channels and interactions.

use serde_json::{Value, json};

use super::ids::{APPLICATION_ID, BOT_USER_ID, GUILD_CHANNEL_ID, GUILD_ID, next_id};

const TIMESTAMP: &str = "2026-01-01T00:00:00.000000+00:00";

pub fn user(id: u64, name: &str) -> Value {
    json!({
        "id": id.to_string(),
        "username": name,
        "global_name": name,
        "discriminator": "0",
        "avatar": null,
        "bot": id == BOT_USER_ID,
        "public_flags": 0
    })
}

pub fn bot_user() -> Value {
    user(BOT_USER_ID, "debate-drill")
}

pub fn member(user_id: u64, name: &str) -> Value {
    json!({
        "user": user(user_id, name),
        "roles": [],
        "joined_at": TIMESTAMP,
        "deaf": false,
        "mute": false,
        "flags": 0,
        "pending": false,
        "permissions": "2248473465835073"
    })
}

/// A message as Discord returns or dispatches it; `fields` (content, embeds, components, ...)
/// come from what the bot sent, or from the test.
pub fn message(channel_id: u64, author: Value, guild_id: Option<u64>, fields: &Value) -> Value {
    let mut message = json!({
        "id": next_id().to_string(),
        "channel_id": channel_id.to_string(),
        "author": author,
        "content": "",
        "timestamp": TIMESTAMP,
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "components": [],
        "pinned": false,
        "type": 0,
        "flags": 0
    });
    if let Some(guild_id) = guild_id {
        message["guild_id"] = json!(guild_id.to_string());
    }
    for key in ["content", "embeds", "components", "flags"] {
        if let Some(value) = fields.get(key) {
            message[key] = value.clone();
        }
    }
    message
}

/// A student's message in a DM (no guild) or a guild thread.
pub fn student_message(channel_id: u64, user_id: u64, guild: bool, content: &str) -> Value {
    let mut message = message(
        channel_id,
        user(user_id, &format!("student{user_id}")),
        guild.then_some(GUILD_ID),
        &json!({ "content": content }),
    );
    if guild {
        message["member"] = json!({
            "roles": [], "joined_at": TIMESTAMP, "deaf": false, "mute": false, "flags": 0
        });
    }
    message
}

/// The thread the fake creates when the bot asks for one.
pub fn thread(parent_id: u64, body: &Value) -> Value {
    json!({
        "id": next_id().to_string(),
        "type": body.get("type").cloned().unwrap_or(json!(12)),
        "guild_id": GUILD_ID.to_string(),
        "parent_id": parent_id.to_string(),
        "name": body.get("name").cloned().unwrap_or(json!("thread")),
        "owner_id": BOT_USER_ID.to_string(),
        "position": 0,
        "permission_overwrites": [],
        "nsfw": false,
        "rate_limit_per_user": 0,
        "thread_metadata": {
            "archived": false,
            "auto_archive_duration": 1440,
            "archive_timestamp": TIMESTAMP,
            "locked": false,
            "invitable": false
        },
        "member_count": 1,
        "message_count": 0
    })
}

pub fn dm_channel(channel_id: u64, user_id: u64) -> Value {
    json!({
        "id": channel_id.to_string(),
        "type": 1,
        "recipients": [user(user_id, &format!("student{user_id}"))],
        "last_message_id": null
    })
}

/// Where an interaction happens: a DM with a user, or a guild channel with a member.
#[derive(Debug, Clone, Copy)]
pub enum Place {
    Dm { channel_id: u64, user_id: u64 },
    Guild { channel_id: u64, user_id: u64 },
}

/// A slash command invocation; `options` as Discord sends them (`[{name, type, value}]`).
pub fn slash_command(place: Place, name: &str, options: Value) -> Value {
    interaction(
        place,
        2,
        json!({ "id": next_id().to_string(), "name": name, "type": 1, "options": options }),
    )
}

/// A click on a message's button.
pub fn button_click(place: Place, custom_id: &str, message: Value) -> Value {
    let mut click = interaction(
        place,
        3,
        json!({ "custom_id": custom_id, "component_type": 2 }),
    );
    click["message"] = message;
    click
}

/// A string option of a slash command.
pub fn string_option(name: &str, value: &str) -> Value {
    json!({ "name": name, "type": 3, "value": value })
}

/// A boolean option.
pub fn bool_option(name: &str, value: bool) -> Value {
    json!({ "name": name, "type": 5, "value": value })
}

fn interaction(place: Place, kind: u8, data: Value) -> Value {
    let id = next_id();
    let mut interaction = json!({
        "id": id.to_string(),
        "application_id": APPLICATION_ID.to_string(),
        "type": kind,
        "data": data,
        "token": format!("token-{id}"),
        "version": 1,
        "locale": "en-US",
        "entitlements": [],
        "attachment_size_limit": 26_214_400,
        "app_permissions": "2248473465835073",
        "authorizing_integration_owners": {}
    });
    match place {
        Place::Dm {
            channel_id,
            user_id,
        } => {
            interaction["channel_id"] = json!(channel_id.to_string());
            interaction["channel"] = json!({ "id": channel_id.to_string(), "type": 1 });
            interaction["user"] = user(user_id, &format!("student{user_id}"));
            interaction["context"] = json!(1);
        }
        Place::Guild {
            channel_id,
            user_id,
        } => {
            interaction["channel_id"] = json!(channel_id.to_string());
            interaction["channel"] = json!({ "id": channel_id.to_string(), "type": 0 });
            interaction["guild_id"] = json!(GUILD_ID.to_string());
            interaction["guild_locale"] = json!("en-US");
            interaction["member"] = member(user_id, &format!("student{user_id}"));
            interaction["context"] = json!(0);
        }
    }
    interaction
}

/// The interaction token of an interaction payload, to find the bot's answers to it.
pub fn token_of(interaction: &Value) -> String {
    interaction["token"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The bot's answer to `interaction` (its callback or a follow-up) whose body holds `text`.
pub fn answer_with(interaction: &Value, text: &str) -> impl Fn(&super::Request) -> bool {
    let token = token_of(interaction);
    let text = text.to_string();
    move |r| r.path.contains(&token) && r.raw.contains(&text)
}

/// A member of the fake guild, in its channel.
pub fn in_guild_channel(user_id: u64) -> Place {
    Place::Guild {
        channel_id: GUILD_CHANNEL_ID,
        user_id,
    }
}

/// Manage Server, in an interaction member's permission bits.
pub const MANAGE_GUILD: u64 = 1 << 5;

/// The interaction as an instructor sends it: the member has Manage Server.
pub fn as_instructor(mut interaction: Value) -> Value {
    let bits: u64 = interaction["member"]["permissions"]
        .as_str()
        .and_then(|p| p.parse().ok())
        .unwrap_or(0);
    interaction["member"]["permissions"] = json!((bits | MANAGE_GUILD).to_string());
    interaction
}

/// The interaction as if sent in another server.
pub fn in_guild(mut interaction: Value, guild_id: u64) -> Value {
    interaction["guild_id"] = json!(guild_id.to_string());
    interaction
}

/// `/name sub options...`.
pub fn subcommand(place: Place, name: &str, sub: &str, options: Value) -> Value {
    slash_command(
        place,
        name,
        json!([{ "name": sub, "type": 1, "options": options }]),
    )
}

/// `/name sub file:<attachment>`, the attachment resolved as Discord sends it.
pub fn attachment_command(place: Place, name: &str, sub: &str, attachment: Value) -> Value {
    let id = attachment["id"].clone();
    let mut interaction = subcommand(
        place,
        name,
        sub,
        json!([{ "name": "file", "type": 11, "value": id }]),
    );
    interaction["data"]["resolved"] =
        json!({ "attachments": { id.as_str().unwrap(): attachment } });
    interaction
}

/// An integer option.
pub fn integer_option(name: &str, value: i64) -> Value {
    json!({ "name": name, "type": 4, "value": value })
}
