//! The engine: one entry point, [`Engine::handle`], that runs a command for a user in a place
//! against the packs and the store.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use super::error::DrillError;
use super::io::{Brief, Command, Countered, MoveKind, Output, Started, Switched, Via};
use super::ledger::answered_counter;
use super::next::serve_next_counter;
use super::progress::Progress;
use super::refs::{ArgumentRef, SideRef};
use super::registry::{Registry, split_pack_key};
use super::review::{self, CardKey, Grade, ReviewCard, Reviewed, Reviews};
use super::round::RoundState;
use super::scale::Scale;
use super::scorecard::{Compared, EndReason, Scorecard};
use super::scoring::{Rubric, TurnContext};
use super::serial::RoundLocks;
use super::sides::{random_side, rng_from};
use super::stored_scorecard::StoredScorecard;
use super::switch::Faced;
use super::versus::{Opponent, counter_hint};
use crate::config::{Config, ScoringConfig};
use crate::matcher::{CounterChoice, Matcher, Move, choose_counter, read_move};
use crate::pack::{ArgumentIndex, Pack};
use crate::store::{
    ClashRecord, NewRound, NewTurn, ReviewCardRecord, RoundHistory, RoundRecord, Store, StoreError,
    TurnRecord,
};

pub struct Engine {
    packs: RwLock<Arc<Registry>>,
    weights: ScoringConfig,
    min_confidence: f64,
    store: Store,
    max_turns: Option<u32>,
    round_ms: Option<i64>,
    scale: Scale,
    rounds: RoundLocks,
    /// A counter answered with a turn scoring below this comes back for review.
    review_below: f64,
}

impl Engine {
    /// Builds each pack's matcher and rubric once; the config gives limits, weights and scale.
    pub fn new(packs: &[Arc<Pack>], store: Store, config: &Config) -> Engine {
        let packs = packs
            .iter()
            .map(|pack| {
                rubric_of(
                    Arc::clone(pack),
                    config.matcher.min_confidence,
                    &config.scoring,
                )
            })
            .collect();
        Engine {
            packs: RwLock::new(Arc::new(Registry::new(packs))),
            weights: config.scoring.clone(),
            min_confidence: config.matcher.min_confidence,
            store,
            max_turns: Some(config.drill.max_turns).filter(|&n| n > 0),
            round_ms: Some(i64::from(config.drill.round_minutes) * 60_000).filter(|&ms| ms > 0),
            scale: Scale::from_config(&config.drill.scale).unwrap_or(Scale::WorldSchools),
            rounds: RoundLocks::new(),
            review_below: config.drill.review_below,
        }
    }

    /// The engine and its store on a test's clock: rounds, turns and deadlines all read it.
    #[cfg(test)]
    pub fn with_clock(self, clock: crate::store::Clock) -> Engine {
        Engine {
            store: self.store.with_clock(clock),
            ..self
        }
    }

    /// The pack a round's key names (a bundled pack's id, or a scoped pack's key).
    pub fn pack(&self, key: &str) -> Option<Arc<Pack>> {
        self.rubric(key)
            .map(|rubric| rubric.matcher().shared_pack())
    }

    /// The packs served in `scope` (e.g. `"guild:1234"`): its own first, then the bundled ones.
    pub fn packs_in(&self, scope: Option<&str>) -> Vec<Arc<Pack>> {
        let registry = self.registry();
        registry
            .scoped(scope)
            .iter()
            .chain(registry.bundled())
            .map(|rubric| rubric.matcher().shared_pack())
            .collect()
    }

    /// Whether `id` is a bundled pack's id (served everywhere).
    pub fn is_bundled(&self, id: &str) -> bool {
        self.registry().bundled().iter().any(|r| r.pack().id == id)
    }

    /// Serves `packs` as the bundled packs from now on (a hot reload), swapped in whole.
    pub fn replace_bundled(&self, packs: Vec<Arc<Pack>>) {
        let rubrics = packs
            .into_iter()
            .map(|pack| rubric_of(pack, self.min_confidence, &self.weights))
            .collect();
        self.swap(|registry| registry.set_bundled(rubrics));
    }

    /// Serves `pack` in `scope` from now on, replacing its pack of the same id. The matcher is
    /// built before the swap: until then the previous set keeps serving.
    pub fn install(&self, scope: &str, pack: Arc<Pack>) {
        let rubric = rubric_of(pack, self.min_confidence, &self.weights);
        self.swap(|registry| registry.install(scope, rubric));
    }

    /// Stops serving `scope`'s pack `id`; whether it was served.
    pub fn uninstall(&self, scope: &str, id: &str) -> bool {
        let mut removed = false;
        self.swap(|registry| removed = registry.uninstall(scope, id));
        removed
    }

    /// Every pack served in a scope of its own, as (scope, id).
    pub fn scoped_pack_ids(&self) -> Vec<(String, String)> {
        self.registry().scoped_ids()
    }

    /// Brings the scoped packs and every scope's default up to date in one swap: a reader sees
    /// all of the changes or none. `installs` replace packs of the same id in their scope.
    pub fn update_scoped(
        &self,
        installs: Vec<(String, Arc<Pack>)>,
        removals: &[(String, String)],
        defaults: HashMap<String, String>,
    ) {
        let installs: Vec<(String, Arc<Rubric>)> = installs
            .into_iter()
            .map(|(scope, pack)| (scope, rubric_of(pack, self.min_confidence, &self.weights)))
            .collect();
        self.swap(|registry| {
            for (scope, id) in removals {
                registry.uninstall(scope, id);
            }
            for (scope, rubric) in installs {
                registry.install(&scope, rubric);
            }
            registry.replace_defaults(defaults);
        });
    }

    /// The pack `/practice` and drills use in `scope` when none is named.
    pub fn set_default(&self, scope: &str, id: Option<String>) {
        self.swap(|registry| registry.set_default(scope, id));
    }

    pub fn default_in(&self, scope: Option<&str>) -> Option<String> {
        self.registry().default_of(scope).map(str::to_string)
    }

    fn registry(&self) -> Arc<Registry> {
        Arc::clone(&self.packs.read().unwrap_or_else(|e| e.into_inner()))
    }

    fn swap(&self, change: impl FnOnce(&mut Registry)) {
        let mut current = self.packs.write().unwrap_or_else(|e| e.into_inner());
        let mut next = Registry::clone(&current);
        change(&mut next);
        *current = Arc::new(next);
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs `command` for `user` in `place`. A round whose time is up ends first (its
    /// scorecard leads the outputs).
    pub async fn handle(
        &self,
        user: &str,
        place: &str,
        command: Command,
    ) -> Result<Vec<Output>, DrillError> {
        self.handle_in(None, user, place, command).await
    }

    /// [`Engine::handle`] in `scope` (e.g. `"guild:1234"`): a round started here may use the
    /// scope's own packs besides the bundled ones.
    pub async fn handle_in(
        &self,
        scope: Option<&str>,
        user: &str,
        place: &str,
        command: Command,
    ) -> Result<Vec<Output>, DrillError> {
        self.handle_drill(scope, None, user, place, command).await
    }

    /// [`Engine::handle_in`] for a round that belongs to a classroom drill (a round started
    /// here is tagged with it, and takes its turn limit and deadline).
    pub async fn handle_drill(
        &self,
        scope: Option<&str>,
        drill: Option<DrillRound>,
        user: &str,
        place: &str,
        command: Command,
    ) -> Result<Vec<Output>, DrillError> {
        let _one_at_a_time = self.rounds.lock(user, place).await;
        let _in_any_process = self.store.lock_place(user, place).await?;
        let mut outputs = Vec::new();
        let active = match self.store.active_round(user, place).await? {
            Some(round) if self.is_out_of_time(&round) => {
                outputs.push(Output::Scorecard(
                    self.end(round, EndReason::TimeLimit).await?,
                ));
                None
            }
            other => other,
        };
        match (command, active) {
            (Command::Start { pack, side, seed }, None) => {
                let start = Start {
                    scope,
                    drill,
                    pack,
                    side,
                    seed,
                    switched_from: None,
                };
                outputs.push(self.start(user, place, start).await?);
            }
            (Command::Switch { seed }, None) => {
                outputs.push(self.switch(user, place, seed).await?);
            }
            (Command::Start { .. } | Command::Switch { .. }, Some(round)) => {
                return Err(DrillError::RoundRunning { side: round.side });
            }
            // The round just ran out of time: its scorecard is the answer.
            (_, None) if !outputs.is_empty() => {}
            (_, None) => return Err(DrillError::NoRound),
            (Command::Say { text, source_id }, Some(round)) => {
                let opponent_key = self.versus_opponent(&round).await?;
                let opponent = match &opponent_key {
                    Some(key) => Some(Opponent {
                        round: self.store.active_round(key, &round.place_key).await?,
                        key,
                    }),
                    None => None,
                };
                outputs.extend(self.say(round, text, source_id, opponent).await?);
            }
            (Command::CounterHint { argument }, Some(round)) => {
                let rubric = self
                    .rubric(&round.pack_id)
                    .ok_or_else(|| DrillError::PackGone(round.pack_id.clone()))?;
                outputs.push(Output::Hint {
                    argument: counter_hint(&rubric, &round.side, &argument),
                });
            }
            (Command::Hint, Some(round)) => outputs.push(self.hint(round).await?),
            (Command::NextCounter, Some(round)) => {
                let (rubric, state) = self.state(round).await?;
                let next = serve_next_counter(&self.store, &rubric, &state).await?;
                outputs.push(Output::NextCounter(Box::new(next)));
            }
            (Command::Brief, Some(round)) => {
                let (rubric, state) = self.state(round).await?;
                outputs.push(Output::Brief(brief(&rubric, &state)));
            }
            (Command::End, Some(round)) => {
                outputs.push(Output::Scorecard(
                    self.end(round, EndReason::Command).await?,
                ));
            }
        }
        Ok(outputs)
    }

    async fn start(&self, user: &str, place: &str, start: Start<'_>) -> Result<Output, DrillError> {
        let Start {
            scope,
            drill,
            pack,
            side,
            seed,
            switched_from,
        } = start;
        let (key, rubric) = self.registry().choose(scope, pack.as_deref())?;
        let rubric = &*rubric;
        let pack = rubric.pack();
        let sides: Vec<String> = pack.sides.iter().map(|s| s.id.clone()).collect();
        let side = match side {
            Some(side) if sides.contains(&side) => side,
            Some(side) => return Err(DrillError::UnknownSide { side, sides }),
            None => random_side(&sides, &mut rng_from(seed))
                .expect("a loaded pack has sides")
                .to_string(),
        };
        let now = self.store.now();
        let started = self
            .store
            .start_round(NewRound {
                user_key: user.to_string(),
                place_key: place.to_string(),
                pack_id: key,
                side,
                // Stored bit for bit: a u64 seed round-trips through i64.
                seed: seed.map(|seed| seed as i64),
                drill_id: drill.map(|d| d.id),
                max_turns: match drill {
                    Some(drill) => drill.max_turns.or(self.max_turns),
                    None => self.max_turns,
                },
                deadline_ms: match drill.and_then(|d| d.deadline_ms) {
                    Some(deadline) => Some(deadline),
                    None => self.round_ms.map(|ms| now + ms),
                },
                switched_from,
            })
            .await;
        let record = match started {
            Ok(record) => record,
            // Another start for the same user and place won the race.
            Err(StoreError::ActiveRoundExists { .. }) => {
                let running = self.store.active_round(user, place).await?;
                return Err(DrillError::RoundRunning {
                    side: running.map(|round| round.side).unwrap_or_default(),
                });
            }
            Err(other) => return Err(other.into()),
        };
        let state = RoundState::rebuild(rubric, record, &[], &[]);
        Ok(Output::Started(Started {
            round_id: state.record.id,
            pack: pack.id.clone(),
            title: pack.title.clone(),
            motion: pack.motion.clone(),
            side: side_ref(rubric, &state.record.side),
            brief: brief(rubric, &state),
            switched: None,
        }))
    }

    /// A round on the side whose counters the student faced in their latest round (in any
    /// place), in the same pack, opening with the points of it that beat them.
    async fn switch(
        &self,
        user: &str,
        place: &str,
        seed: Option<u64>,
    ) -> Result<Output, DrillError> {
        let previous = self
            .store
            .latest_round_of_user(user)
            .await?
            .ok_or(DrillError::NoRoundToSwitchFrom)?;
        let rubric = self
            .rubric(&previous.pack_id)
            .ok_or_else(|| DrillError::PackGone(previous.pack_id.clone()))?;
        let clashes = self.store.clashes(previous.id).await?;
        let faced = Faced::of(rubric.pack(), &previous.side, &clashes)
            .ok_or(DrillError::NoCountersFaced)?;
        let (scope, id) = split_pack_key(&previous.pack_id);
        let start = Start {
            scope,
            drill: None,
            pack: Some(id.to_string()),
            side: Some(faced.side),
            seed,
            switched_from: Some(previous.id),
        };
        let mut output = self.start(user, place, start).await?;
        if let Output::Started(started) = &mut output {
            let pack = rubric.pack();
            started.switched = Some(Switched {
                from: side_ref(&rubric, &previous.side),
                beat_you: faced
                    .beat_them
                    .iter()
                    .map(|&argument| ArgumentRef::new(pack, argument))
                    .collect(),
            });
        }
        Ok(output)
    }

    /// One turn. Alone, the bot answers it with a counter; against an `opponent`, the bot
    /// does not answer, and the point made is put to the opponent instead (in the same
    /// transaction as the turn).
    async fn say(
        &self,
        round: RoundRecord,
        text: String,
        source_id: Option<String>,
        opponent: Option<Opponent<'_>>,
    ) -> Result<Vec<Output>, DrillError> {
        if text.trim().is_empty() {
            return Err(DrillError::EmptyMessage);
        }
        let (rubric, state, history) = self.state_and_history(round).await?;
        let rubric = &*rubric;
        let delivered_before = source_id.as_deref().and_then(|source_id| {
            history
                .turns
                .iter()
                .find(|turn| turn.source_id.as_deref() == Some(source_id))
        });
        if let Some(turn) = delivered_before {
            let countered = replayed(rubric, &state.record.side, turn);
            return Ok(vec![match opponent {
                None => Output::Countered(Box::new(countered)),
                Some(opponent) => Output::Moderated(Box::new(opponent.replayed(
                    rubric.pack(),
                    &state.record.user_key,
                    countered,
                ))),
            }]);
        }
        let side = state.record.side.clone();
        let facing = state.counter_under_reply();
        let matcher = rubric.matcher();
        let choice = match opponent {
            None => choose_counter(matcher, &side, &text, facing, &state.served, &state.open),
            Some(_) => {
                let read = read_move(matcher, &side, &text, facing);
                CounterChoice {
                    matched: read.matched(),
                    read,
                    counter: None,
                    via: None,
                    answers: None,
                }
            }
        };
        let Some(kind) = MoveKind::of(&choice.read) else {
            return Ok(vec![Output::Unsure]);
        };
        let score = rubric.score_read(
            TurnContext {
                side: &side,
                counter: facing,
                earlier: &state.earlier_terms,
            },
            &text,
            choice.read,
        );
        let answered = match choice.read {
            Move::Concession(_) => None,
            Move::Attack { target, .. } if state.open.contains(&target.argument) => {
                Some(target.argument)
            }
            _ => answered_counter(rubric, &side, &text, &state.open),
        };
        let pack = rubric.pack();
        let id_of = |index: ArgumentIndex| pack.arguments[index].id.clone();
        let made = match choice.read {
            Move::Point(hit) => Some(hit.argument),
            Move::Attack { reason, .. } => reason.map(|hit| hit.argument),
            Move::Concession(_) | Move::Unsure => None,
        };
        let point = opponent
            .as_ref()
            .zip(made)
            .and_then(|(opponent, made)| opponent.point(pack, made));
        let matched = choice.matched;
        let (turn, put) = self
            .store
            .append_turn_with_point(
                state.record.id,
                NewTurn {
                    source_id,
                    message: text,
                    matched_argument: matched.map(|hit| id_of(hit.argument)),
                    matched_score: matched.map(|hit| hit.score),
                    counter_argument: choice.counter.map(id_of),
                    answers_counter: answered.map(id_of),
                    scores_json: serde_json::to_string(&score).expect("a score serialises"),
                    total: score.total,
                    created_ms: self.store.now(),
                },
                point,
            )
            .await?;
        let countered = Countered {
            round_id: state.record.id,
            turn: turn.number,
            read: kind,
            matched: matched.map(|hit| (ArgumentRef::new(pack, hit.argument), hit.score)),
            counter: choice.counter.map(|c| ArgumentRef::new(pack, c)),
            via: choice.via.map(Via::from),
            reason: choice
                .counter
                .zip(choice.answers)
                .and_then(|(counter, answers)| pack.clash_reason(counter, answers))
                .map(str::to_string),
            answered: answered.map(|a| ArgumentRef::new(pack, a)),
            score,
        };
        let mut outputs = vec![match opponent {
            None => Output::Countered(Box::new(countered)),
            Some(opponent) => Output::Moderated(Box::new(
                opponent.moderated(
                    &state.record.user_key,
                    countered,
                    facing.map(|point| ArgumentRef::new(pack, point)),
                    made.filter(|_| put)
                        .map(|made| ArgumentRef::new(pack, made)),
                ),
            )),
        }];
        if state.record.max_turns.is_some_and(|max| turn.number >= max) {
            outputs.push(Output::Scorecard(
                self.end(state.record, EndReason::TurnLimit).await?,
            ));
        }
        Ok(outputs)
    }

    /// The unused argument of the student's side that best answers the open counter, else the
    /// first unused one.
    async fn hint(&self, round: RoundRecord) -> Result<Output, DrillError> {
        let (rubric, state) = self.state(round).await?;
        let rubric = &*rubric;
        let unused: Vec<ArgumentIndex> = state.unused_arguments(rubric).collect();
        let answering = state.counter_under_reply().and_then(|counter| {
            let pack = rubric.pack();
            let answers = pack.rebutted_by(counter);
            unused
                .iter()
                .copied()
                .find(|argument| answers.contains(argument))
        });
        let argument = answering.or(unused.first().copied());
        Ok(Output::Hint {
            argument: argument.map(|a| ArgumentRef::new(rubric.pack(), a)),
        })
    }

    async fn end(
        &self,
        round: RoundRecord,
        reason: EndReason,
    ) -> Result<Box<Scorecard>, DrillError> {
        let (rubric, state, history) = self.state_and_history(round).await?;
        let mut scorecard = Scorecard::new(&rubric, &state, reason, self.scale);
        if let Some(previous) = state.record.switched_from {
            scorecard.compared = self.compared(&rubric, previous).await?;
        }
        let summary = serde_json::to_string(&scorecard).expect("a scorecard serialises");
        let ended = self
            .store
            .end_round(state.record.id, reason.name(), &summary)
            .await?;
        if !ended.already_ended {
            self.file_reviews(&rubric, &state, &history.clashes).await?;
        }
        Ok(Box::new(scorecard))
    }

    /// Makes a review card of every counter the round left standing or saw answered by a turn
    /// scoring below `review_below`. A counter with a card already is due again at once: it was
    /// missed again.
    async fn file_reviews(
        &self,
        rubric: &Rubric,
        state: &RoundState,
        ledger: &[ClashRecord],
    ) -> Result<(), DrillError> {
        let round = &state.record;
        let now = self.store.now();
        for clash in ledger {
            let weak = clash.answered_turn.is_none_or(|turn| {
                let answer = state.scores.get((turn as usize).saturating_sub(1));
                answer.is_none_or(|score| score.total < self.review_below)
            });
            if !weak
                || rubric
                    .pack()
                    .argument_index(&clash.counter_argument)
                    .is_none()
            {
                continue;
            }
            let key = CardKey {
                user: &round.user_key,
                pack: &round.pack_id,
                side: &round.side,
                counter: &clash.counter_argument,
            };
            let existing = self
                .store
                .review_card(key.user, key.pack, key.side, key.counter)
                .await?;
            let card = match existing {
                Some(card) if card.due_ms > now => review::reschedule(&card, Grade::Again, now),
                Some(_) => continue,
                None => review::new_card(&key, now),
            };
            self.store.save_review_card(&card).await?;
        }
        Ok(())
    }

    /// The student's review cards due now (soonest first), and when the next falls due if none
    /// is. Cards whose pack is gone or whose counter it no longer holds are left out.
    pub async fn due_reviews(&self, user: &str) -> Result<Reviews, DrillError> {
        let now = self.store.now();
        let cards = self.store.review_cards(user).await?;
        let mut due = Vec::new();
        let mut next_due_ms = None;
        for card in &cards {
            let Some(shown) = self.shown(card) else {
                continue;
            };
            if card.due_ms <= now {
                due.push(shown);
            } else if next_due_ms.is_none() {
                next_due_ms = Some(card.due_ms);
            }
        }
        Ok(Reviews { due, next_due_ms })
    }

    /// Answers the student's first due card with `reply`: scored against its counter by the
    /// same rubric as a turn, graded by the score, and rescheduled.
    pub async fn review(&self, user: &str, reply: &str) -> Result<Reviewed, DrillError> {
        if reply.trim().is_empty() {
            return Err(DrillError::EmptyMessage);
        }
        let _one_at_a_time = self.rounds.lock(user, "review").await;
        let now = self.store.now();
        let cards = self.store.review_cards(user).await?;
        let mut due = cards
            .iter()
            .filter(|card| card.due_ms <= now)
            .filter_map(|card| Some((card, self.shown(card)?)));
        let (record, card) = due.next().ok_or(DrillError::NoReviewDue)?;
        let remaining = due.count();
        let rubric = self
            .rubric(&record.pack_id)
            .ok_or_else(|| DrillError::PackGone(record.pack_id.clone()))?;
        let context = TurnContext {
            side: &record.side,
            counter: Some(card.counter.index),
            earlier: &[],
        };
        let score = rubric.score(context, reply);
        let grade = Grade::of_score(score.total);
        let next = review::reschedule(record, grade, now);
        self.store.save_review_card(&next).await?;
        Ok(Reviewed {
            card,
            score,
            grade,
            next_due_ms: next.due_ms,
            remaining,
        })
    }

    /// The student's progress over their ended rounds.
    pub async fn progress(&self, user: &str) -> Result<Progress, DrillError> {
        let rounds = self.store.rounds_of_user(user).await?;
        let cards = self.store.review_cards(user).await?;
        Ok(Progress::of(&rounds, &cards))
    }

    /// A class's progress in one drill: every member's round, as one history.
    pub async fn drill_progress(&self, drill_id: i64) -> Result<Progress, DrillError> {
        let rounds = self.store.rounds_of_drill(drill_id).await?;
        Ok(Progress::of(&rounds, &[]))
    }

    /// A stored card as the student sees it, while its pack still holds its counter.
    fn shown(&self, card: &ReviewCardRecord) -> Option<ReviewCard> {
        let rubric = self.rubric(&card.pack_id)?;
        let pack = rubric.pack();
        let counter = pack.argument_index(&card.counter_argument)?;
        Some(ReviewCard {
            pack: pack.id.clone(),
            side: side_ref(&rubric, &card.side),
            counter: ArgumentRef::new(pack, counter),
            due_ms: card.due_ms,
        })
    }

    /// The round a student switched sides from, as the new round's scorecard compares it: its
    /// side and total (`None` when it is gone, forgotten or never ended).
    async fn compared(
        &self,
        rubric: &Rubric,
        previous: i64,
    ) -> Result<Option<Compared>, DrillError> {
        let Some(round) = self.store.round(previous).await? else {
            return Ok(None);
        };
        let total = StoredScorecard::of(&round).and_then(|card| card.total);
        Ok(total.map(|total| Compared {
            side: side_ref(rubric, &round.side),
            total,
        }))
    }

    /// The student's versus opponent: the other member of the round's drill who argues in the
    /// same place. Only a drill's round can have one, so no other round asks the store.
    async fn versus_opponent(&self, round: &RoundRecord) -> Result<Option<String>, DrillError> {
        if round.drill_id.is_none() {
            return Ok(None);
        }
        Ok(self
            .store
            .drill_opponent(&round.place_key, &round.user_key)
            .await?)
    }

    /// The round's state as the store holds it, with its pack's rubric.
    async fn state(&self, round: RoundRecord) -> Result<(Arc<Rubric>, RoundState), DrillError> {
        let (rubric, state, _) = self.state_and_history(round).await?;
        Ok((rubric, state))
    }

    /// [`Engine::state`], with the turns and clash ledger it was rebuilt from.
    async fn state_and_history(
        &self,
        round: RoundRecord,
    ) -> Result<(Arc<Rubric>, RoundState, RoundHistory), DrillError> {
        let rubric = self
            .rubric(&round.pack_id)
            .ok_or_else(|| DrillError::PackGone(round.pack_id.clone()))?;
        let history = self.store.history(round.id).await?;
        let state = RoundState::rebuild(&rubric, round, &history.turns, &history.clashes);
        Ok((rubric, state, history))
    }

    fn is_out_of_time(&self, round: &RoundRecord) -> bool {
        round
            .deadline_ms
            .is_some_and(|deadline| self.store.now() >= deadline)
    }

    /// The pack `wanted` (or the default) as served in `scope`, with the key rounds store.
    pub fn resolve_pack(
        &self,
        scope: Option<&str>,
        wanted: Option<&str>,
    ) -> Result<(String, Arc<Pack>), DrillError> {
        let (key, rubric) = self.registry().choose(scope, wanted)?;
        Ok((key, rubric.matcher().shared_pack()))
    }

    /// A round's scorecard as the store holds it now (ended or not).
    pub async fn scorecard_of(&self, round: RoundRecord) -> Result<Box<Scorecard>, DrillError> {
        let reason = match round.end_reason.as_deref() {
            Some("turn limit") => EndReason::TurnLimit,
            Some("time limit") => EndReason::TimeLimit,
            _ => EndReason::Command,
        };
        let (rubric, state) = self.state(round).await?;
        Ok(Box::new(Scorecard::new(
            &rubric, &state, reason, self.scale,
        )))
    }

    fn rubric(&self, key: &str) -> Option<Arc<Rubric>> {
        self.registry().by_key(key)
    }
}

/// A classroom drill's say over a round started in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrillRound {
    pub id: i64,
    /// Turns per round (default: the configured limit).
    pub max_turns: Option<u32>,
    /// When the drill ends (default: the configured round length).
    pub deadline_ms: Option<i64>,
}

/// What a round starts with.
struct Start<'a> {
    scope: Option<&'a str>,
    drill: Option<DrillRound>,
    pack: Option<String>,
    side: Option<String>,
    seed: Option<u64>,
    switched_from: Option<i64>,
}

fn rubric_of(pack: Arc<Pack>, min_confidence: f64, weights: &ScoringConfig) -> Arc<Rubric> {
    let matcher = Matcher::new(pack).with_min_confidence(min_confidence);
    Arc::new(Rubric::new(Arc::new(matcher), weights.clone()))
}

/// The output of a turn the store already holds (a redelivered message): the move is read
/// again from the stored message, and the counter's reason from the pack's clashes.
fn replayed(rubric: &Rubric, side: &str, turn: &TurnRecord) -> Countered {
    let pack = rubric.pack();
    let find = |id: &Option<String>| id.as_deref().and_then(|id| pack.argument_index(id));
    let matched = find(&turn.matched_argument);
    let counter = find(&turn.counter_argument);
    let read = read_move(rubric.matcher(), side, &turn.message, None);
    let via = counter.map(|counter| match (matched, &read) {
        (Some(m), _) if pack.rebutted_by(m).contains(&counter) => Via::Rebuttal,
        (_, Move::Attack { .. }) => Via::Defence,
        _ => Via::Related,
    });
    Countered {
        round_id: turn.round_id,
        turn: turn.number,
        read: MoveKind::of(&read).unwrap_or(MoveKind::Point),
        matched: matched.map(|m| (ArgumentRef::new(pack, m), turn.matched_score.unwrap_or(0.0))),
        counter: counter.map(|c| ArgumentRef::new(pack, c)),
        via,
        reason: counter.and_then(|counter| {
            let answers = matched.filter(|&m| pack.rebutted_by(m).contains(&counter));
            answers
                .and_then(|m| pack.clash_reason(counter, m).map(str::to_string))
                .or_else(|| first_reason_against_side(pack, counter, side))
        }),
        answered: find(&turn.answers_counter).map(|a| ArgumentRef::new(pack, a)),
        score: serde_json::from_str(&turn.scores_json).unwrap_or_else(|_| empty_score(turn.total)),
    }
}

/// The first line of clash `counter` gives against an argument of `side`.
fn first_reason_against_side(pack: &Pack, counter: ArgumentIndex, side: &str) -> Option<String> {
    pack.arguments[counter]
        .rebuts
        .iter()
        .filter(|r| pack.argument(&r.target).is_some_and(|a| a.side == side))
        .find_map(|r| r.reason.clone())
}

fn empty_score(total: f64) -> super::scoring::TurnScore {
    super::scoring::TurnScore {
        total,
        categories: Vec::new(),
        flags: Vec::new(),
        feedback: Vec::new(),
    }
}

fn brief(rubric: &Rubric, state: &RoundState) -> Brief {
    Brief {
        side: side_ref(rubric, &state.record.side),
        arguments: state
            .unused_arguments(rubric)
            .map(|argument| ArgumentRef::new(rubric.pack(), argument))
            .collect(),
    }
}

fn side_ref(rubric: &Rubric, side: &str) -> SideRef {
    SideRef::of_round(rubric.pack(), side)
}
