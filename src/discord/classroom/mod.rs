//! Classroom drills on Discord: a drill per channel that students join; when it begins (at
//! `/drill begin`, or by itself at its start time) balanced sides and private threads — one
//! per student in solo mode, one per pair of opposing students in versus mode — each student
//! with an ordinary engine round tagged with the drill; reminders while a timed drill runs;
//! and the results (leaderboard, CSV, the counters the class left unanswered). Everything
//! lives in the store, so a restart loses no drill.
//!
//! `seating` begins drills and opens threads (a message in a versus pair's thread is a turn
//! against the opponent: the engine knows it from the round's drill), `ticker` keeps time,
//! `finish` ends drills, `results` reports.

mod finish;
mod results;
mod reviews;
mod seating;
mod ticker;

use std::sync::Arc;
use std::time::Duration;

use poise::serenity_prelude as serenity;

use super::card::Card;
use super::errors::Notice;
use super::instructors::guild_scope;
use super::post::Post;
use super::rounds::{place_key, user_key};
use super::text::escape;
use crate::drill::{DrillError, Engine};
use crate::prompts::Catalogue;
use crate::store::{DrillRecord, NewDrill, now_ms};

/// What the drill code needs, shareable with the ticker.
#[derive(Clone)]
pub struct Classroom {
    pub engine: Arc<Engine>,
    pub catalogue: Catalogue,
    /// How often the ticker looks for drills to begin, remind or end.
    pub tick: Duration,
}

/// How students face each other in a drill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A thread per student, arguing against the bot's counters.
    Solo,
    /// A thread per pair of students on opposing sides; the bot moderates.
    Versus,
}

impl Mode {
    pub const ALL: [Mode; 2] = [Mode::Solo, Mode::Versus];

    /// The name the store keeps, and the option's value on Discord.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Solo => "solo",
            Mode::Versus => "versus",
        }
    }

    fn of(drill: &DrillRecord) -> Mode {
        if drill.mode == Mode::Versus.name() {
            Mode::Versus
        } else {
            Mode::Solo
        }
    }
}

pub struct Opening {
    pub guild: serenity::GuildId,
    pub channel: serenity::ChannelId,
    pub instructor: serenity::UserId,
    pub pack: String,
    pub rounds: Option<u32>,
    pub minutes: Option<u32>,
    pub mode: Mode,
    /// Minutes until the drill begins by itself.
    pub begin_in: Option<u32>,
}

/// Someone taking part, as the drill shows them.
#[derive(Debug, Clone)]
pub struct Student {
    pub user: serenity::UserId,
    /// Their display name in the server.
    pub name: String,
}

impl Classroom {
    pub fn new(engine: Arc<Engine>, catalogue: Catalogue, tick: Duration) -> Classroom {
        Classroom {
            engine,
            catalogue,
            tick,
        }
    }

    /// Opens a drill in the channel and returns its public card with a Join button.
    pub async fn open(&self, opening: Opening) -> Result<Post, crate::discord::state::Error> {
        let scope = guild_scope(opening.guild);
        let (pack_key, pack) = self
            .engine
            .resolve_pack(Some(&scope), Some(&opening.pack))
            .map_err(|e| self.notice(e))?;
        let begin_at_ms = opening
            .begin_in
            .map(|minutes| now_ms() + i64::from(minutes) * 60_000);
        let drill = self
            .engine
            .store()
            .open_drill(NewDrill {
                scope,
                channel_key: place_key(opening.channel),
                pack_key,
                mode: opening.mode.name().into(),
                max_turns: opening.rounds,
                minutes: opening.minutes,
                begin_at_ms,
                seed: rand::random::<i64>(),
                created_by: user_key(opening.instructor),
            })
            .await?
            .ok_or_else(|| Notice::new(&self.catalogue, "drill.already_open", &[]))?;
        let say = |key: &str, values: &[(&str, &dyn std::fmt::Display)]| {
            self.catalogue.render(key, values)
        };
        let sides: Vec<String> = pack.sides.iter().map(|s| escape(&s.name)).collect();
        let facing = match opening.mode {
            Mode::Solo => say("drill.mode_solo", &[]),
            Mode::Versus => say("drill.mode_versus", &[]),
        };
        let start = match begin_at_ms {
            Some(at) => say(
                "drill.begins_at",
                &[("when", &format!("<t:{}:R>", at / 1000))],
            ),
            None => say("drill.begins_on_command", &[]),
        };
        let turns = match opening.rounds {
            Some(turns) => say("drill.turns", &[("turns", &turns)]),
            None => say("drill.turns_default", &[]),
        };
        let length = match opening.minutes {
            Some(minutes) => say("drill.minutes", &[("minutes", &minutes)]),
            None => say("drill.minutes_none", &[]),
        };
        let card = Card::new(
            say(
                "drill.card_title",
                &[("drill", &drill.id), ("title", &escape(&pack.title))],
            ),
            say("drill.card_body", &[("motion", &escape(&pack.motion))]),
        )
        .field(say("drill.card_sides", &[]), sides.join("\n"))
        .field(
            say("drill.card_format", &[]),
            format!("{facing}\n{turns} · {length}\n{start}"),
        );
        let (embed, size) = card.build();
        Ok(Post::embed(embed, size).with_buttons(vec![
            super::buttons::Button::JoinDrill(drill.id).create(&self.catalogue),
        ]))
    }

    /// Adds the student to the channel's drill; a late joiner is seated at once, alone, on the
    /// side with the fewest members. The answer the student reads.
    pub async fn join(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
        student: Student,
    ) -> Result<String, crate::discord::state::Error> {
        let store = self.engine.store();
        let drill = self.open_in(channel).await?;
        if !store
            .join_drill(drill.id, &user_key(student.user), &student.name)
            .await?
        {
            return Ok(self.catalogue.render("drill.already_joined", &[]));
        }
        if drill.begun_ms.is_none() {
            let count = store.drill_members(drill.id).await?.len();
            return Ok(self.catalogue.render("drill.joined", &[("count", &count)]));
        }
        let side = self.fewest_side(&drill).await?;
        let note = (Mode::of(&drill) == Mode::Versus)
            .then(|| self.catalogue.render("drill.late_versus_note", &[]));
        let thread = self
            .seat(http, &drill, channel, &student, &side, note.as_deref())
            .await?;
        Ok(self.catalogue.render(
            "drill.joined_late",
            &[
                ("side", &escape(&side)),
                ("thread", &format!("<#{thread}>")),
            ],
        ))
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
        found.ok_or_else(|| Notice::new(&self.catalogue, "drill.no_such_drill", &[]).into())
    }

    /// The channel's open drill, or the notice that there is none.
    async fn open_in(
        &self,
        channel: serenity::ChannelId,
    ) -> Result<DrillRecord, crate::discord::state::Error> {
        self.engine
            .store()
            .open_drill_in(&place_key(channel))
            .await?
            .ok_or_else(|| Notice::new(&self.catalogue, "drill.none_open", &[]).into())
    }

    fn notice(&self, error: DrillError) -> crate::discord::state::Error {
        match error {
            DrillError::Store(_) | DrillError::PackGone(_) => error.into(),
            other => Notice(other.render(&self.catalogue)).into(),
        }
    }
}
