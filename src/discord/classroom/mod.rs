//! Classroom drills on Discord: a drill per channel that students join, balanced sides, one
//! private thread per student with an ordinary engine round tagged with the drill, and the
//! results (leaderboard, CSV, the counters the class left unanswered). Everything lives in the
//! store, so a restart loses no drill; a ticker ends drills whose time is up.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::card::Card;
use super::errors::Notice;
use super::instructors::guild_scope;
use super::post::Post;
use super::render;
use super::rounds::{channel_of_key, place_key, user_key, user_of_key};
use super::text::escape;
use crate::drill::{Category, Command, DrillError, DrillRound, Engine, Scorecard, balance};
use crate::prompts::Catalogue;
use crate::store::{DrillRecord, NewDrill};

/// How often the ticker looks for drills whose time is up.
const TICK: Duration = Duration::from_secs(5);
/// Rows on the leaderboard embed.
const LEADERBOARD_ROWS: usize = 15;

/// What the drill code needs, shareable with the ticker.
#[derive(Clone)]
pub struct Classroom {
    pub engine: Arc<Engine>,
    pub catalogue: Catalogue,
}

/// The engine's key for a channel holding a drill.
fn pack_id_of(key: &str) -> &str {
    key.rsplit('/').next().unwrap_or(key)
}

pub struct Opening {
    pub guild: serenity::GuildId,
    pub channel: serenity::ChannelId,
    pub instructor: serenity::UserId,
    pub pack: String,
    pub rounds: Option<u32>,
    pub minutes: Option<u32>,
}

impl Classroom {
    /// Opens a drill in the channel and returns its public card with a Join button.
    pub async fn open(&self, opening: Opening) -> Result<Post, crate::discord::state::Error> {
        let scope = guild_scope(opening.guild);
        let (pack_key, pack) = self
            .engine
            .resolve_pack(Some(&scope), Some(&opening.pack))
            .map_err(|e| self.notice(e))?;
        let drill = self
            .engine
            .store()
            .open_drill(NewDrill {
                scope,
                channel_key: place_key(opening.channel),
                pack_key,
                mode: "solo".into(),
                max_turns: opening.rounds,
                minutes: opening.minutes,
                seed: rand::random::<i64>(),
                created_by: user_key(opening.instructor),
            })
            .await?
            .ok_or_else(|| {
                Notice("A drill is already open in this channel; `/drill end` it first.".into())
            })?;
        let sides: Vec<String> = pack.sides.iter().map(|s| escape(&s.name)).collect();
        let card = Card::new(
            format!("Class drill #{}: {}", drill.id, escape(&pack.title)),
            format!(
                "{}\n\nPress **Join** (or use `/drill join`) to take part. Sides are given when the drill begins.",
                escape(&pack.motion)
            ),
        )
        .field("Sides".into(), sides.join("\n"))
        .field(
            "Format".into(),
            format!(
                "{} · {}",
                opening
                    .rounds
                    .map_or("turns: the usual limit".to_string(), |n| format!("{n} turns each")),
                opening
                    .minutes
                    .map_or("ends with /drill end".to_string(), |m| format!("{m} minutes"))
            ),
        );
        let (embed, size) = card.build();
        Ok(Post::embed(embed, size)
            .with_buttons(vec![super::buttons::Button::JoinDrill(drill.id).create()]))
    }

    /// Adds `user` to the channel's drill; a late joiner is seated at once on the side with the
    /// fewest members. The answer the student reads.
    pub async fn join(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
        user: serenity::UserId,
        name: &str,
    ) -> Result<String, crate::discord::state::Error> {
        let store = self.engine.store();
        let drill = store
            .open_drill_in(&place_key(channel))
            .await?
            .ok_or_else(|| Notice("No drill is open in this channel.".into()))?;
        if !store.join_drill(drill.id, &user_key(user)).await? {
            return Ok("You have already joined this drill.".into());
        }
        if drill.begun_ms.is_none() {
            let count = store.drill_members(drill.id).await?.len();
            return Ok(format!(
                "You're in! {count} student(s) have joined; your side comes when the drill begins."
            ));
        }
        let side = self.fewest_side(&drill).await?;
        let thread = self.seat(http, &drill, channel, user, name, &side).await?;
        Ok(format!(
            "You joined a drill under way: you argue **{}** in <#{thread}>.",
            escape(&side)
        ))
    }

    /// Assigns balanced sides to everyone who joined and opens each student's thread.
    pub async fn begin(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
    ) -> Result<String, crate::discord::state::Error> {
        let store = self.engine.store();
        let drill = store
            .open_drill_in(&place_key(channel))
            .await?
            .ok_or_else(|| Notice("No drill is open in this channel.".into()))?;
        let members = store.drill_members(drill.id).await?;
        if members.is_empty() {
            return Err(Notice("Nobody has joined yet.".into()).into());
        }
        let deadline = drill.minutes.map(|m| now_ms() + i64::from(m) * 60_000);
        if !store.begin_drill(drill.id, deadline).await? {
            return Err(Notice("This drill has begun already.".into()).into());
        }
        let drill = store.drill(drill.id).await?.unwrap_or(drill);
        let pack = self
            .engine
            .pack(&drill.pack_key)
            .ok_or_else(|| DrillError::PackGone(drill.pack_key.clone()))?;
        let sides: Vec<String> = pack.sides.iter().map(|s| s.id.clone()).collect();
        let keys: Vec<String> = members.iter().map(|m| m.user_key.clone()).collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (number, (key, side)) in balance(&keys, &sides, drill.seed as u64)
            .into_iter()
            .enumerate()
        {
            let Some(user) = user_of_key(&key) else {
                continue;
            };
            let name = format!("student {}", number + 1);
            self.seat(http, &drill, channel, user, &name, &side).await?;
            *counts.entry(side).or_default() += 1;
        }
        let split: Vec<String> = counts
            .iter()
            .map(|(side, n)| format!("{} ({n})", escape(side)))
            .collect();
        Ok(format!(
            "Drill #{} has begun: {} student(s), each in a private thread. Sides: {}.{}",
            drill.id,
            members.len(),
            split.join(", "),
            drill
                .minutes
                .map_or(String::new(), |m| format!(" It ends in {m} minute(s).")),
        ))
    }

    /// The side with the fewest members so far (the first such, in the pack's order).
    async fn fewest_side(
        &self,
        drill: &DrillRecord,
    ) -> Result<String, crate::discord::state::Error> {
        let pack = self
            .engine
            .pack(&drill.pack_key)
            .ok_or_else(|| DrillError::PackGone(drill.pack_key.clone()))?;
        let members = self.engine.store().drill_members(drill.id).await?;
        let count = |side: &str| {
            members
                .iter()
                .filter(|m| m.side.as_deref() == Some(side))
                .count()
        };
        pack.sides
            .iter()
            .min_by_key(|s| count(&s.id))
            .map(|s| s.id.clone())
            .ok_or_else(|| DrillError::PackGone(drill.pack_key.clone()).into())
    }

    /// Opens a student's private thread, adds them, and starts their round in it.
    async fn seat(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        channel: serenity::ChannelId,
        user: serenity::UserId,
        name: &str,
        side: &str,
    ) -> Result<serenity::ChannelId, crate::discord::state::Error> {
        let title = format!("drill {} · {}", drill.id, escape(name));
        let thread = channel
            .create_thread(
                http,
                serenity::CreateThread::new(title.chars().take(100).collect::<String>())
                    .kind(serenity::ChannelType::PrivateThread)
                    .invitable(false),
            )
            .await?;
        thread.id.add_thread_member(http, user).await?;
        let round = DrillRound {
            id: drill.id,
            max_turns: drill.max_turns,
            deadline_ms: drill.deadline_ms,
        };
        let outputs = self
            .engine
            .handle_drill(
                Some(&drill.scope),
                Some(round),
                &user_key(user),
                &place_key(thread.id),
                Command::Start {
                    pack: Some(pack_id_of(&drill.pack_key).to_string()),
                    side: Some(side.to_string()),
                    seed: None,
                },
            )
            .await
            .map_err(|e| self.notice(e))?;
        self.engine
            .store()
            .assign_drill_member(drill.id, &user_key(user), side, &place_key(thread.id))
            .await?;
        for output in &outputs {
            let post = render::output(output, &self.catalogue);
            thread.id.send_message(http, post.to_message()).await?;
        }
        Ok(thread.id)
    }

    /// Ends the channel's open drill (`/drill end`); the leaderboard post.
    pub async fn end_in(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
    ) -> Result<Post, crate::discord::state::Error> {
        let drill = self
            .engine
            .store()
            .open_drill_in(&place_key(channel))
            .await?
            .ok_or_else(|| Notice("No drill is open in this channel.".into()))?;
        self.finish(http, &drill).await?;
        let drill = self.engine.store().drill(drill.id).await?.unwrap_or(drill);
        self.leaderboard(&drill).await
    }

    /// Ends every round of the drill (scorecards in the threads) and posts the leaderboard in
    /// the drill's channel. Only the caller that marks the drill ended does this.
    async fn finish(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
    ) -> Result<bool, crate::discord::state::Error> {
        let store = self.engine.store();
        if !store.end_drill(drill.id).await? {
            return Ok(false);
        }
        for member in store.drill_members(drill.id).await? {
            let Some(place) = member.place_key.as_deref() else {
                continue;
            };
            let outputs = match self
                .engine
                .handle(&member.user_key, place, Command::End)
                .await
            {
                Ok(outputs) => outputs,
                Err(DrillError::NoRound) => continue,
                Err(error) => return Err(error.into()),
            };
            if let Some(thread) = channel_of_key(place) {
                for output in &outputs {
                    let post = render::output(output, &self.catalogue);
                    thread.send_message(http, post.to_message()).await?;
                }
            }
        }
        tracing::info!(drill = drill.id, "drill ended");
        Ok(true)
    }

    /// Ends drills whose time is up, posting their leaderboards; runs until the process ends.
    pub async fn tick(self, http: Arc<serenity::Http>) {
        loop {
            tokio::time::sleep(TICK).await;
            let due = match self.engine.store().drills_due(now_ms()).await {
                Ok(due) => due,
                Err(error) => {
                    tracing::error!("could not look for drills whose time is up: {error}");
                    continue;
                }
            };
            for drill in due {
                let ended = self.finish(&http, &drill).await;
                let posted = match (ended, channel_of_key(&drill.channel_key)) {
                    (Ok(true), Some(channel)) => match self.ended(drill.clone()).await {
                        Ok(post) => channel
                            .send_message(&http, post.to_message())
                            .await
                            .map(|_| ())
                            .map_err(anyhow::Error::from),
                        Err(error) => Err(error),
                    },
                    (Ok(_), _) => Ok(()),
                    (Err(error), _) => Err(error),
                };
                if let Err(error) = posted {
                    tracing::error!(drill = drill.id, "could not end a drill on time: {error:#}");
                }
            }
        }
    }

    /// The leaderboard of a drill just ended, as the store holds it now.
    async fn ended(&self, drill: DrillRecord) -> Result<Post, crate::discord::state::Error> {
        let drill = self.engine.store().drill(drill.id).await?.unwrap_or(drill);
        self.leaderboard(&drill).await
    }

    /// The drill `/leaderboard` and `/drill export` mean: the one asked for (in this server
    /// only), else this channel's latest, else the server's latest.
    pub async fn find(
        &self,
        guild: serenity::GuildId,
        channel: serenity::ChannelId,
        wanted: Option<i64>,
    ) -> Result<DrillRecord, crate::discord::state::Error> {
        let store = self.engine.store();
        let scope = guild_scope(guild);
        let found = match wanted {
            Some(id) => store.drill(id).await?.filter(|d| d.scope == scope),
            None => match store.latest_drill_in(&place_key(channel)).await? {
                Some(drill) => Some(drill),
                None => store.latest_drill_of(&scope).await?,
            },
        };
        found.ok_or_else(|| Notice("There is no such drill in this server.".into()).into())
    }

    /// One result per round of the drill, in the order the rounds started.
    pub async fn results(
        &self,
        drill: &DrillRecord,
    ) -> Result<Vec<(String, Box<Scorecard>)>, crate::discord::state::Error> {
        let mut results = Vec::new();
        for round in self.engine.store().rounds_of_drill(drill.id).await? {
            let user = round.user_key.clone();
            match self.engine.scorecard_of(round).await {
                Ok(scorecard) => results.push((user, scorecard)),
                Err(DrillError::PackGone(pack)) => {
                    tracing::warn!(drill = drill.id, %pack, "a drill round's pack is gone");
                }
                Err(error) => return Err(error.into()),
            }
        }
        Ok(results)
    }

    /// The class leaderboard and the counters the class most often left unanswered.
    pub async fn leaderboard(
        &self,
        drill: &DrillRecord,
    ) -> Result<Post, crate::discord::state::Error> {
        let results = self.results(drill).await?;
        let mut best: BTreeMap<&str, &Scorecard> = BTreeMap::new();
        for (user, card) in &results {
            let entry = best.entry(user.as_str()).or_insert(card);
            if card.total > entry.total {
                *entry = card;
            }
        }
        let mut ranked: Vec<(&str, &Scorecard)> = best.into_iter().collect();
        ranked.sort_by(|a, b| b.1.total.total_cmp(&a.1.total));
        let rows: Vec<String> = ranked
            .iter()
            .take(LEADERBOARD_ROWS)
            .enumerate()
            .map(|(i, (user, card))| {
                let who = user_of_key(user).map_or("someone".to_string(), |u| format!("<@{u}>"));
                format!(
                    "{}. {who} — {:.1} ({} {:.1}) · {} · {} turn(s)",
                    i + 1,
                    card.total,
                    card.scale.name(),
                    card.scaled,
                    escape(&card.side.name),
                    card.turns
                )
            })
            .collect();
        let status = if drill.ended_ms.is_some() {
            "final"
        } else {
            "so far"
        };
        let mut card = Card::new(
            format!("Drill #{} leaderboard ({status})", drill.id),
            if rows.is_empty() {
                "Nobody has played a round yet.".into()
            } else {
                rows.join("\n")
            },
        );
        let unanswered = unanswered(&results);
        if !unanswered.is_empty() {
            card = card.field(
                "Counters the class most often left unanswered".into(),
                unanswered,
            );
        }
        let (embed, size) = card.build();
        Ok(Post::embed(embed, size))
    }

    /// One CSV row per student per round, for grading.
    pub async fn csv(&self, drill: &DrillRecord) -> Result<Vec<u8>, crate::discord::state::Error> {
        let results = self.results(drill).await?;
        let mut writer = csv::Writer::from_writer(Vec::new());
        let mut header: Vec<String> = ["drill", "student", "round", "side", "turns"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        header.extend(Category::ALL.iter().map(|c| c.name().to_string()));
        header.extend(
            [
                "penalties",
                "total",
                "scale",
                "scale_score",
                "counters_answered",
                "counters_dropped",
            ]
            .iter()
            .map(|s| s.to_string()),
        );
        writer.write_record(&header)?;
        for (user, card) in &results {
            let mut row = vec![
                drill.id.to_string(),
                user_of_key(user).map_or(user.clone(), |u| u.to_string()),
                card.round_id.to_string(),
                card.side.id.clone(),
                card.turns.to_string(),
            ];
            for category in Category::ALL {
                let points = card
                    .categories
                    .iter()
                    .find(|c| c.category == category)
                    .map_or(0.0, |c| c.points);
                row.push(format!("{points:.1}"));
            }
            row.extend([
                format!("{:.1}", card.penalties),
                format!("{:.1}", card.total),
                card.scale.name().to_string(),
                format!("{:.1}", card.scaled),
                card.answered.len().to_string(),
                card.dropped.len().to_string(),
            ]);
            writer.write_record(&row)?;
        }
        Ok(writer.into_inner().map_err(|e| e.into_error())?)
    }

    fn notice(&self, error: DrillError) -> crate::discord::state::Error {
        match error {
            DrillError::Store(_) | DrillError::PackGone(_) => error.into(),
            other => Notice(other.render(&self.catalogue)).into(),
        }
    }
}

/// The counters most often left unanswered across the drill's rounds, most often first.
fn unanswered(results: &[(String, Box<Scorecard>)]) -> String {
    let mut counts: BTreeMap<&str, (usize, String)> = BTreeMap::new();
    for (_, card) in results {
        for dropped in &card.dropped {
            let entry = counts.entry(dropped.counter.id.as_str()).or_insert((
                0,
                format!(
                    "{} — {}",
                    escape(&dropped.counter.claim),
                    escape(&dropped.counter.speaker)
                ),
            ));
            entry.0 += 1;
        }
    }
    let mut counts: Vec<(usize, String)> = counts.into_values().collect();
    counts.sort_by_key(|c| std::cmp::Reverse(c.0));
    counts
        .into_iter()
        .take(5)
        .map(|(n, text)| format!("• {text} ({n}×)"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_millis() as i64)
}
