//! Beginning a drill: a side for everyone who joined and their private threads — one per
//! student (solo), or one per pair of students on opposing sides (versus) — each student with
//! their own round in it. Late joiners, and an odd student out in versus, are seated alone.

use std::collections::BTreeMap;

use poise::serenity_prelude as serenity;

use super::{Classroom, Mode, Student};
use crate::discord::errors::Notice;
use crate::discord::post::Post;
use crate::discord::render;
use crate::discord::rounds::{channel_of_key, place_key, user_key, user_of_key};
use crate::discord::state::Error;
use crate::discord::text::escape;
use crate::discord::threads;
use crate::drill::{Command, DrillError, DrillRound, balance, pair_opponents, split_pack_key};
use crate::store::DrillRecord;
use crate::store::now_ms;

impl Classroom {
    /// `/drill begin`: begins the channel's open drill; the announcement for the channel.
    pub async fn begin(
        &self,
        http: &serenity::Http,
        channel: serenity::ChannelId,
    ) -> Result<String, Error> {
        let drill = self.open_in(channel).await?;
        self.begin_drill(http, drill).await
    }

    /// Gives everyone who joined a side and a thread; the announcement for the channel.
    pub(super) async fn begin_drill(
        &self,
        http: &serenity::Http,
        drill: DrillRecord,
    ) -> Result<String, Error> {
        let store = self.engine.store();
        let channel = channel_of_key(&drill.channel_key)
            .ok_or_else(|| Notice::new(&self.catalogue, "drill.not_a_channel", &[]))?;
        let members = store.drill_members(drill.id).await?;
        if members.is_empty() {
            return Err(Notice::new(&self.catalogue, "drill.nobody_joined", &[]).into());
        }
        let deadline = drill.minutes.map(|m| now_ms() + i64::from(m) * 60_000);
        if !store.begin_drill(drill.id, deadline).await? {
            return Err(Notice::new(&self.catalogue, "drill.begun_already", &[]).into());
        }
        let drill = store.drill(drill.id).await?.unwrap_or(drill);
        let pack = self
            .engine
            .pack(&drill.pack_key)
            .ok_or_else(|| DrillError::PackGone(drill.pack_key.clone()))?;
        let sides: Vec<String> = pack.sides.iter().map(|s| s.id.clone()).collect();
        let students: Vec<Student> = members
            .iter()
            .enumerate()
            .filter_map(|(number, member)| {
                Some(Student {
                    user: user_of_key(&member.user_key)?,
                    name: member.display_name.clone().unwrap_or_else(|| {
                        self.catalogue
                            .render("drill.unnamed_student", &[("number", &(number + 1))])
                    }),
                })
            })
            .collect();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        let seating = match Mode::of(&drill) {
            Mode::Solo => {
                for (student, side) in balance(&students, &sides, drill.seed as u64) {
                    self.seat(http, &drill, channel, &student, &side, None)
                        .await?;
                    *counts.entry(side).or_default() += 1;
                }
                self.catalogue.render("drill.seating_solo", &[])
            }
            Mode::Versus => {
                let opposes = |a: &str, b: &str| pack.opposes(a, b);
                let pairing = pair_opponents(&students, &sides, opposes, drill.seed as u64);
                for pair in &pairing.pairs {
                    self.seat_pair(http, &drill, channel, pair).await?;
                    for (_, side) in pair {
                        *counts.entry(side.clone()).or_default() += 1;
                    }
                }
                for (student, side) in &pairing.alone {
                    let note = self.catalogue.render("drill.alone_note", &[]);
                    self.seat(http, &drill, channel, student, side, Some(&note))
                        .await?;
                    *counts.entry(side.clone()).or_default() += 1;
                }
                let alone = match pairing.alone.len() {
                    0 => String::new(),
                    n => self
                        .catalogue
                        .render("drill.seating_alone", &[("count", &n)]),
                };
                self.catalogue.render(
                    "drill.seating_versus",
                    &[("pairs", &pairing.pairs.len()), ("alone", &alone)],
                )
            }
        };
        let split: Vec<String> = counts
            .iter()
            .map(|(side, n)| format!("{} ({n})", escape(side)))
            .collect();
        let ends = drill.minutes.map_or(String::new(), |minutes| {
            self.catalogue
                .render("drill.ends_in", &[("minutes", &minutes)])
        });
        Ok(self.catalogue.render(
            "drill.begun",
            &[
                ("drill", &drill.id),
                ("students", &members.len()),
                ("seating", &seating),
                ("sides", &split.join(", ")),
                ("ends", &ends),
            ],
        ))
    }

    /// Opens a student's private thread, adds them, and starts their round in it; `note`
    /// (what this thread is, when it is not the usual) is posted first.
    pub(super) async fn seat(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        channel: serenity::ChannelId,
        student: &Student,
        side: &str,
        note: Option<&str>,
    ) -> Result<serenity::ChannelId, Error> {
        let title = self.catalogue.render(
            "drill.thread_title",
            &[("drill", &drill.id), ("student", &escape(&student.name))],
        );
        let intro = note.map(str::to_string);
        self.open_seats(http, drill, channel, &title, &[(student, side)], intro)
            .await
    }

    /// Opens one private thread for two opponents, with both in it, and says how versus goes.
    async fn seat_pair(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        channel: serenity::ChannelId,
        pair: &[(Student, String); 2],
    ) -> Result<serenity::ChannelId, Error> {
        let [(first, first_side), (second, second_side)] = pair;
        let title = self.catalogue.render(
            "drill.pair_thread_title",
            &[
                ("drill", &drill.id),
                ("first", &escape(&first.name)),
                ("second", &escape(&second.name)),
            ],
        );
        let pack = self.engine.pack(&drill.pack_key);
        let side_name = |id: &str| {
            pack.as_ref()
                .and_then(|pack| pack.side(id))
                .map_or_else(|| escape(id), |side| escape(&side.name))
        };
        let rules = self.catalogue.render(
            "drill.versus_rules",
            &[
                ("first", &format!("<@{}>", first.user)),
                ("first_side", &side_name(first_side)),
                ("second", &format!("<@{}>", second.user)),
                ("second_side", &side_name(second_side)),
            ],
        );
        let seats = [(first, first_side.as_str()), (second, second_side.as_str())];
        self.open_seats(http, drill, channel, &title, &seats, Some(rules))
            .await
    }

    /// Opens a private thread named `title`, posts `intro` there if any, starts each seated
    /// student's round on their side, and only then adds the students.
    async fn open_seats(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        channel: serenity::ChannelId,
        title: &str,
        seats: &[(&Student, &str)],
        intro: Option<String>,
    ) -> Result<serenity::ChannelId, Error> {
        let thread = threads::open_private(http, channel, title).await?;
        if let Some(intro) = intro {
            thread
                .send_message(http, Post::text(intro).to_message())
                .await?;
        }
        for (student, side) in seats {
            self.start_round(http, drill, thread, student.user, side)
                .await?;
        }
        let users: Vec<serenity::UserId> = seats.iter().map(|(student, _)| student.user).collect();
        threads::admit(http, thread, &users).await?;
        Ok(thread)
    }

    /// Starts `user`'s round of the drill in `thread`, records where they argue, and posts
    /// the round's opening card there.
    async fn start_round(
        &self,
        http: &serenity::Http,
        drill: &DrillRecord,
        thread: serenity::ChannelId,
        user: serenity::UserId,
        side: &str,
    ) -> Result<(), Error> {
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
                &place_key(thread),
                Command::Start {
                    pack: Some(split_pack_key(&drill.pack_key).1.to_string()),
                    side: Some(side.to_string()),
                    seed: None,
                },
            )
            .await
            .map_err(|e| self.notice(e))?;
        self.engine
            .store()
            .assign_drill_member(drill.id, &user_key(user), side, &place_key(thread))
            .await?;
        for output in &outputs {
            for post in render::posts(output, &self.catalogue) {
                thread.send_message(http, post.to_message()).await?;
            }
        }
        Ok(())
    }

    /// The side with the fewest members so far (the first such, in the pack's order).
    pub(super) async fn fewest_side(&self, drill: &DrillRecord) -> Result<String, Error> {
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
}
