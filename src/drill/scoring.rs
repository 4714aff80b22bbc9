//! Scoring one turn: a deterministic rubric with its weights in the config. Each category gives
//! 0..1, scaled to its share of 100; flags (arguing the other side, conceding) cost fixed points
//! and are named; feedback says what would have scored better.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::clash::{Clash, best_answer, disputes, shared_key_terms};
use super::evidence::{concrete_facts, evidence_terms_used};
use super::feedback::{Feedback, Named};
use super::novelty::novelty;
use crate::config::ScoringConfig;
use crate::matcher::{Cues, Hit, Matcher, Move, TextRanking, plain, read_move};
use crate::pack::{ArgumentIndex, Pack};

/// What arguing an opposing side's case costs.
const ARGUES_OPPOSING_SIDE_PENALTY: f64 = 25.0;
/// What conceding the point costs.
const CONCEDES_PENALTY: f64 = 20.0;
/// An opposing argument must match this much better than the best own-side one to flag a turn.
const OPPOSING_MARGIN: f64 = 1.25;
/// Relevance at which a reply argues its own case fully, so its facts bear on it.
const CASE_ARGUED: f64 = 0.5;
/// Own-side confidence that earns full relevance.
const FULL_RELEVANCE: f64 = 0.5;
/// Confidence below which a hit is chance overlap (a stray shared word), worth nothing.
const CHANCE_CONFIDENCE: f64 = 0.1;
/// A reply needs this many analysed terms to argue a case at all (and so to be flagged for
/// arguing the other side's).
const MIN_CASE_TERMS: usize = 4;
/// A reply makes an opposing argument only when it uses this many of that argument's key
/// terms, besides the motion's own words: one shared word ("support") is a coincidence.
const MIN_OPPOSING_KEY_TERMS: usize = 3;
/// A reply may sit this much closer to an opposing side's case than to its own before its
/// score shrinks: answering a counter borrows its words, and that alone is no change of side.
const LEANING_ALLOWED: f64 = 2.0;
/// The share of its points a reply keeps when it echoes the counter without disputing it.
const ECHO_SHARE: f64 = 0.5;
/// Analysed terms at which a reply has room to develop its point fully.
const DEVELOPED_TERMS: f64 = 30.0;

/// How many of a reply's sentences are read one by one (a bound: a 4,000-character message
/// costs a few searches, not one per sentence).
const MAX_SENTENCES_READ: usize = 8;

/// Below this share of a category, feedback says how to improve it.
const NEEDS_WORK: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Relevance,
    Clash,
    Evidence,
    Novelty,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Relevance,
        Category::Clash,
        Category::Evidence,
        Category::Novelty,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Category::Relevance => "relevance",
            Category::Clash => "clash",
            Category::Evidence => "evidence",
            Category::Novelty => "novelty",
        }
    }

    fn weight(self, weights: &ScoringConfig) -> f64 {
        match self {
            Category::Relevance => weights.relevance,
            Category::Clash => weights.clash,
            Category::Evidence => weights.evidence,
            Category::Novelty => weights.novelty,
        }
        .max(0.0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    ArguesOpposingSide,
    Concedes,
}

impl Flag {
    pub fn name(self) -> &'static str {
        match self {
            Flag::ArguesOpposingSide => "argues_opposing_side",
            Flag::Concedes => "concedes",
        }
    }

    /// What the flag costs, as a negative number of points.
    pub fn points(self) -> f64 {
        match self {
            Flag::ArguesOpposingSide => -ARGUES_OPPOSING_SIDE_PENALTY,
            Flag::Concedes => -CONCEDES_PENALTY,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryPoints {
    pub category: Category,
    pub points: f64,
    /// The most this category could give in this turn.
    pub max: f64,
}

/// A scored turn: 0–100, how it was reached, and what to do better.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnScore {
    pub total: f64,
    pub categories: Vec<CategoryPoints>,
    pub flags: Vec<Flag>,
    pub feedback: Vec<Feedback>,
}

impl TurnScore {
    /// Category and flag names with their points (flags negative), in a fixed order.
    pub fn breakdown(&self) -> Vec<(&'static str, f64)> {
        self.categories
            .iter()
            .map(|c| (c.category.name(), c.points))
            .chain(self.flags.iter().map(|f| (f.name(), f.points())))
            .collect()
    }
}

/// What the rubric knows about a turn besides the reply itself.
#[derive(Debug, Clone, Copy)]
pub struct TurnContext<'a> {
    /// The side the student argues.
    pub side: &'a str,
    /// The counter the reply answers; `None` for an opening turn (clash then does not count).
    pub counter: Option<ArgumentIndex>,
    /// The analysed terms of the student's earlier turns in the round.
    pub earlier: &'a [Vec<String>],
}

/// What the rubric read in a reply, beyond its category points, that feedback speaks to.
#[derive(Debug, Clone, Copy)]
struct Reading {
    /// The opposing argument the reply makes in earnest, if any.
    opposing: Option<ArgumentIndex>,
    /// Otherwise, the opposing argument the reply reads as, when its score shrank for it.
    leans_to: Option<ArgumentIndex>,
    /// The student's own argument closest to the reply.
    own_closest: Option<ArgumentIndex>,
    attacks_counter: bool,
    /// The reply mostly says what the student's earlier turns said.
    repeats: bool,
}

/// How a reply sits towards the other sides: the opposing argument closest to it, and its
/// confidence over the best own-side argument's.
#[derive(Clone, Copy)]
struct Leaning {
    argument: ArgumentIndex,
    ratio: f64,
}

/// The scoring rubric of one pack, built once per pack load.
pub struct Rubric {
    matcher: Arc<Matcher>,
    weights: ScoringConfig,
    /// The analysed terms of each side's evidence fields, less the words of the motion and
    /// the sides.
    evidence_terms: HashMap<String, HashSet<String>>,
    /// The analysed words of the motion and the sides: what the debate is about, neither
    /// evidence nor new content.
    topic_terms: HashSet<String>,
}

impl Rubric {
    pub fn new(matcher: Arc<Matcher>, weights: ScoringConfig) -> Rubric {
        let pack = matcher.pack();
        // The words of the motion and the sides name what the debate is about, not evidence
        // for either side ("nato", "ukraine", "neutrality").
        let topic = std::iter::once(format!("{} {}", pack.title, pack.motion))
            .chain(
                pack.sides
                    .iter()
                    .map(|side| format!("{} {}", side.name, side.summary)),
            )
            .flat_map(|text| matcher.terms(&text))
            .collect::<HashSet<String>>();
        let mut evidence_terms: HashMap<String, HashSet<String>> = HashMap::new();
        for argument in &pack.arguments {
            let terms = matcher.terms(&argument.evidence.join(" "));
            evidence_terms
                .entry(argument.side.clone())
                .or_default()
                .extend(terms.into_iter().filter(|term| !topic.contains(term)));
        }
        Rubric {
            matcher,
            weights,
            evidence_terms,
            topic_terms: topic,
        }
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn pack(&self) -> &Pack {
        self.matcher.pack()
    }

    /// The analysed terms of a text, as [`TurnContext::earlier`] holds them.
    pub fn terms(&self, text: &str) -> Vec<String> {
        self.matcher.terms(text)
    }

    /// Whether `reply` answers a counter, for the clash ledger: the reply is ranked and read
    /// once, then asked of each counter the ledger holds open.
    pub fn answers<'a>(
        &'a self,
        side: &'a str,
        reply: &str,
    ) -> impl Fn(ArgumentIndex) -> bool + 'a {
        let ranking = self.matcher.rank(reply);
        let terms = self.terms(reply);
        let disputes = disputes(&Cues::of(&plain(reply)));
        move |counter| {
            Clash::measure(&self.matcher, side, &ranking, &terms, counter).answers(disputes)
        }
    }

    /// The argument a counter given as text stands for: the closest argument of a side opposing
    /// `side`, else the closest of any side; `None` when the text shares nothing with the pack.
    pub fn nearest_counter(&self, side: &str, text: &str) -> Option<ArgumentIndex> {
        let pack = self.pack();
        let hits = self.matcher.search_all(text, usize::MAX);
        hits.iter()
            .find(|hit| pack.opposes(side, &pack.arguments[hit.argument].side))
            .or(hits.first())
            .map(|hit| hit.argument)
    }

    pub fn score(&self, context: TurnContext<'_>, reply: &str) -> TurnScore {
        let read = read_move(&self.matcher, context.side, reply, context.counter);
        self.score_read(context, reply, read)
    }

    /// [`Rubric::score`] for a reply whose move the caller has read already, for the same side
    /// and counter (the engine reads each turn's move to choose the counter it answers with).
    pub fn score_read(&self, context: TurnContext<'_>, reply: &str, read: Move) -> TurnScore {
        let terms = self.terms(reply);
        let readings = self.readings(reply);
        let pack = self.pack();
        let own = best_reading(&readings, |argument| {
            pack.arguments[argument].side == context.side
        });
        let own_best = own.map_or(0.0, |hit| hit.score);
        let leaning = self.leaning(context.side, &readings, own_best);
        let whole_reply = &readings[0];
        let clash = context.counter.map(|counter| {
            Clash::measure(&self.matcher, context.side, whole_reply, &terms, counter)
        });

        // Attacking an opposing point names it; only making it in earnest argues the other side.
        let conceded = matches!(read, Move::Concession(_));
        // An attack on the counter under reply disputes it by its shape, whatever words it uses.
        let attacks_counter = matches!(read, Move::Attack { target, .. }
            if Some(target.argument) == context.counter);
        // A developed reply (reasons given, room to give them) earns the full share of what it
        // argues; a slogan earns half, a concession nothing.
        let cues = Cues::of(&plain(reply));
        let reasoned = cues.reasons;
        let disputes = disputes(&cues);
        let development = if conceded {
            0.0
        } else {
            0.5 + 0.5 * development(reasoned, &terms)
        };
        let relevance = confidence_share(own_best) * development;
        // Facts and new words count only when they are about the motion, and not at all in a
        // concession.
        let standing = if conceded { 0.0 } else { topicality(&readings) };
        let engagement = clash.as_ref().map(|c| {
            if attacks_counter {
                1.0
            } else {
                c.value(disputes)
            }
        });
        // How much of the reply is new against the student's earlier turns; a slogan, however
        // new, earns only part of it (as it does of relevance and clash).
        let fresh = novelty(&terms, context.earlier, &self.topic_terms);
        // Facts bear on the point when they answer the counter the reply faces for the student's
        // own case (or, opening a round, when the reply argues its case with them): figures
        // listed beside the counter without engaging it earn a quarter at most, and trivia about
        // the counter's names that argues nothing of the student's case little more.
        let argues_its_case = (relevance / CASE_ARGUED).min(1.0);
        let bearing = 0.25 + 0.75 * engagement.map_or(relevance, |e| e * argues_its_case);
        // A reply that reads as an opposing case more than as its own keeps a shrinking share of
        // what it earns, however fluent: agreeing in other words is still agreeing. An attack,
        // or a denial of the counter, borrows the words it disputes and keeps its share.
        let disputes_leaning = |l: &Leaning| {
            attacks_counter
                || (matches!(read, Move::Attack { .. })
                    && (cues.dismisses() || cues.asks || cues.contrast.is_some()))
                || ((cues.denies || cues.refutes) && Some(l.argument) == context.counter)
        };
        // Taking up the counter's point without disputing it (or giving the answer the pack
        // links to it) grants it: the reply keeps half of what it earns otherwise.
        let echoes =
            !conceded && !attacks_counter && clash.as_ref().is_some_and(|c| c.echoes(disputes));
        let stance = leaning
            .filter(|l| l.ratio > LEANING_ALLOWED && !conceded && !disputes_leaning(l))
            .map_or(1.0, |l| LEANING_ALLOWED / l.ratio)
            * if echoes { ECHO_SHARE } else { 1.0 };
        // Engaging the counter's words without making one's own case is half a clash.
        let shares = [
            (Category::Relevance, Some(relevance)),
            (
                Category::Clash,
                engagement.map(|e| e * (0.5 + 0.5 * relevance) * development),
            ),
            (
                Category::Evidence,
                Some(self.evidence(context.side, reply, &terms) * standing * bearing),
            ),
            (Category::Novelty, Some(fresh * standing * development)),
        ];
        let applicable: f64 = shares
            .iter()
            .filter(|(_, share)| share.is_some())
            .map(|(category, _)| category.weight(&self.weights))
            .sum();
        let categories: Vec<CategoryPoints> = shares
            .iter()
            .filter_map(|&(category, share)| {
                let max = 100.0 * category.weight(&self.weights) / applicable.max(f64::EPSILON);
                share.map(|share| CategoryPoints {
                    category,
                    points: round1(share * stance * max),
                    max: round1(max),
                })
            })
            .collect();

        let opposing = (terms.len() >= MIN_CASE_TERMS && matches!(read, Move::Point(_)))
            .then(|| self.opposing_argument(context, whole_reply, &terms, own_best))
            .flatten();
        let mut flags = Vec::new();
        if opposing.is_some() {
            flags.push(Flag::ArguesOpposingSide);
        }
        if conceded {
            flags.push(Flag::Concedes);
        }
        let earned: f64 = categories.iter().map(|c| c.points).sum::<f64>()
            + flags.iter().map(|f| f.points()).sum::<f64>();
        let leans_to = (opposing.is_none() && stance < 1.0)
            .then(|| leaning.map(|l| l.argument))
            .flatten();
        let reading = Reading {
            opposing,
            leans_to,
            own_closest: own.map(|h| h.argument),
            attacks_counter,
            repeats: fresh < NEEDS_WORK,
        };
        let mut feedback = self.feedback(context, &categories, &flags, reading);
        // A reply that echoes the counter is told what it lacks: the reason the point fails.
        if echoes && let Some(counter) = context.counter {
            let echoes = Feedback::EchoesCounter {
                counter: named(self.pack(), counter),
            };
            match feedback.iter_mut().find(|f| {
                matches!(
                    f,
                    Feedback::UseRebuttal { .. } | Feedback::EngageCounter { .. }
                )
            }) {
                Some(entry) => *entry = echoes,
                None => feedback.insert(0, echoes),
            }
            feedback.retain(|f| *f != Feedback::Strong);
        }
        if !conceded && !reasoned {
            feedback.retain(|f| *f != Feedback::Strong);
            feedback.insert(0, Feedback::GiveReason);
        }
        TurnScore {
            total: round1(earned.clamp(0.0, 100.0)),
            categories,
            flags,
            feedback,
        }
    }

    /// The whole reply (first) and each of its first sentences, each ranked once: a developed
    /// reply makes its point in one sentence and supports it in the next, and the words of the
    /// support must not dilute the point.
    fn readings(&self, reply: &str) -> Vec<TextRanking> {
        std::iter::once(reply)
            .chain(sentences(reply).take(MAX_SENTENCES_READ))
            .map(|text| self.matcher.rank(text))
            .collect()
    }

    fn evidence(&self, side: &str, reply: &str, terms: &[String]) -> f64 {
        let facts = concrete_facts(reply) as f64;
        let cited = self
            .evidence_terms
            .get(side)
            .map_or(0, |evidence| evidence_terms_used(terms, evidence)) as f64;
        (0.5 * facts + 0.25 * cited).min(1.0)
    }

    /// The opposing argument the reply sits closest to (the counter included), and how much
    /// closer than to the student's own side; `None` when it is near no opposing argument.
    fn leaning(&self, side: &str, readings: &[TextRanking], own_best: f64) -> Option<Leaning> {
        let pack = self.pack();
        let closest = best_reading(readings, |argument| {
            let argument = &pack.arguments[argument];
            argument.is_servable() && pack.opposes(side, &argument.side)
        })?;
        Some(Leaning {
            argument: closest.argument,
            ratio: closest.score / own_best.max(CHANCE_CONFIDENCE),
        })
    }

    /// An opposing argument (other than the counter under reply) that the reply makes more
    /// clearly than any argument of its own side. Never a context entry: an essay's report of
    /// another camp's view belongs to no one's case, so saying it is not arguing the other side.
    fn opposing_argument(
        &self,
        context: TurnContext<'_>,
        whole_reply: &TextRanking,
        terms: &[String],
        own_best: f64,
    ) -> Option<ArgumentIndex> {
        let pack = self.pack();
        let best = whole_reply
            .closest(|_| true)
            .filter(|hit| self.matcher.is_recognised(hit.score))?;
        let side = &pack.arguments[best.argument].side;
        let about_the_motion: Vec<String> = terms
            .iter()
            .filter(|term| !self.topic_terms.contains(*term))
            .cloned()
            .collect();
        (Some(best.argument) != context.counter
            && pack.arguments[best.argument].is_servable()
            && pack.opposes(context.side, side)
            && best.score > own_best * OPPOSING_MARGIN
            && shared_key_terms(&self.matcher, &about_the_motion, best.argument)
                >= MIN_OPPOSING_KEY_TERMS)
            .then_some(best.argument)
    }

    fn feedback(
        &self,
        context: TurnContext<'_>,
        categories: &[CategoryPoints],
        flags: &[Flag],
        reading: Reading,
    ) -> Vec<Feedback> {
        let Reading {
            opposing,
            leans_to,
            own_closest,
            attacks_counter,
            repeats,
        } = reading;
        let pack = self.pack();
        let weak = |category: Category| {
            categories
                .iter()
                .any(|c| c.category == category && c.points < NEEDS_WORK * c.max)
        };
        let mut feedback = Vec::new();
        if let Some(argument) = opposing {
            feedback.push(Feedback::ArguesOpposingSide {
                argument: named(pack, argument),
            });
        }
        if let Some(argument) = leans_to {
            feedback.push(Feedback::LeansOpposing {
                argument: named(pack, argument),
            });
        }
        if flags.contains(&Flag::Concedes) {
            feedback.push(Feedback::Concedes);
        }
        if weak(Category::Clash)
            && !attacks_counter
            && let Some(counter) = context.counter
        {
            feedback.push(match best_answer(&self.matcher, context.side, counter) {
                Some(answer) => Feedback::UseRebuttal {
                    counter: named(pack, counter),
                    answer: named(pack, answer),
                },
                None => Feedback::EngageCounter {
                    counter: named(pack, counter),
                },
            });
        }
        if weak(Category::Relevance) && opposing.is_none() && leans_to.is_none() {
            let side = pack
                .side(context.side)
                .map_or(context.side, |s| s.name.as_str());
            feedback.push(Feedback::StayOnSide {
                side: side.to_string(),
            });
        }
        // A concession earns no evidence or novelty; what it needs is said above.
        let conceded = flags.contains(&Flag::Concedes);
        if weak(Category::Evidence) && !conceded {
            // Named beside the point it is cited for, so "Thucydides" alone is no riddle.
            let cited = own_closest
                .into_iter()
                .chain(pack.arguments_of_side(context.side))
                .find_map(|argument| {
                    let example = pack.arguments[argument].evidence.first()?.clone();
                    Some((example, named(pack, argument)))
                });
            let (example, cited_for) = cited.unzip();
            feedback.push(Feedback::AddEvidence { example, cited_for });
        }
        // Repetition is what the earlier turns already said, whatever the reply's length; and
        // only when there is something to repeat.
        if repeats && !context.earlier.is_empty() && !conceded {
            feedback.push(Feedback::Repeats);
        }
        if feedback.is_empty() {
            feedback.push(Feedback::Strong);
        }
        feedback
    }
}

/// The most confident hit that `keep` accepts over all of a reply's readings.
fn best_reading(readings: &[TextRanking], keep: impl Fn(ArgumentIndex) -> bool) -> Option<Hit> {
    readings
        .iter()
        .filter_map(|reading| reading.closest(&keep))
        .max_by(|a, b| a.score.total_cmp(&b.score))
}

/// How much a reply is about the debate at all (any side), 0..1: saying something new only
/// counts when it is on the motion.
fn topicality(readings: &[TextRanking]) -> f64 {
    confidence_share(best_reading(readings, |_| true).map_or(0.0, |hit| hit.score))
}

/// A reply's sentences, when it has more than one.
fn sentences(reply: &str) -> impl Iterator<Item = &str> {
    let parts: Vec<&str> = reply
        .split(['.', '!', '?', ';', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect();
    let several = parts.len() > 1;
    parts.into_iter().filter(move |_| several)
}

/// How developed a reply is, 0..1: half for giving a reason ("because", "so", "which means",
/// "unless" …), half for the room to make a point (its analysed terms, up to
/// [`DEVELOPED_TERMS`]).
fn development(reasoned: bool, terms: &[String]) -> f64 {
    0.5 * f64::from(u8::from(reasoned)) + 0.5 * (terms.len() as f64 / DEVELOPED_TERMS).min(1.0)
}

/// A matcher confidence as a share of full marks: nothing at chance level, all from
/// [`FULL_RELEVANCE`] up.
fn confidence_share(confidence: f64) -> f64 {
    ((confidence - CHANCE_CONFIDENCE) / (FULL_RELEVANCE - CHANCE_CONFIDENCE)).clamp(0.0, 1.0)
}

/// An argument as feedback names it.
pub fn named(pack: &Pack, argument: ArgumentIndex) -> Named {
    let argument = &pack.arguments[argument];
    let position = pack.position_of(argument);
    Named {
        author: position.speaker().to_string(),
        claim: argument.claim.clone(),
    }
}

/// Points are shown to one decimal.
pub(super) fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drill::fixture;

    fn score(side: &str, counter: Option<&str>, reply: &str) -> TurnScore {
        let rubric = fixture::rubric();
        let counter = counter.map(|id| rubric.pack().argument_index(id).expect("known id"));
        rubric.score(
            TurnContext {
                side,
                counter,
                earlier: &[],
            },
            reply,
        )
    }

    #[test]
    fn a_strong_answer_outscores_a_vague_one_and_is_explained() {
        let strong = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "The blazer is not an extra cost: a 2019 survey of 1,200 parents found uniforms cheaper than keeping up with fashion brands.",
        );
        let vague = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "i just think uniforms are good",
        );
        assert!(strong.total > vague.total, "{strong:?} vs {vague:?}");
        assert!(strong.total <= 100.0 && vague.total >= 0.0);
        let names: Vec<&str> = strong.breakdown().iter().map(|(name, _)| *name).collect();
        assert_eq!(names, ["relevance", "clash", "evidence", "novelty"]);
        assert!(
            vague
                .feedback
                .iter()
                .any(|f| matches!(f, Feedback::UseRebuttal { .. })),
            "{vague:?}"
        );
    }

    #[test]
    fn a_conceding_reply_is_flagged_and_costs_points() {
        let plain = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "uniforms are cheaper than brands for families",
        );
        let conceding = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "you're right, the uniform is an extra bill for families",
        );
        assert!(conceding.flags.contains(&Flag::Concedes), "{conceding:?}");
        assert!(conceding.feedback.contains(&Feedback::Concedes));
        assert!(conceding.total < plain.total);
        assert!(
            conceding
                .breakdown()
                .contains(&("concedes", -CONCEDES_PENALTY))
        );
    }

    #[test]
    fn restating_the_counter_in_other_words_earns_less_than_a_reasoned_answer_and_is_told_why() {
        let restates = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "Families still have to buy ordinary weekend clothes anyway, so the blazer really is an extra bill on top.",
        );
        let answers = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "Weekend clothes get bought either way, so that is no extra cost: uniforms replace the pricey brand outfits for the school week.",
        );
        assert!(
            restates.total < answers.total,
            "{restates:?} vs {answers:?}"
        );
        assert!(
            restates
                .feedback
                .iter()
                .any(|f| matches!(f, Feedback::LeansOpposing { .. })),
            "{restates:?}"
        );
        // Told once which side it reads as, not also to stay on its own.
        assert!(
            !restates
                .feedback
                .iter()
                .any(|f| matches!(f, Feedback::StayOnSide { .. })),
            "{restates:?}"
        );
        assert!(
            !answers
                .feedback
                .iter()
                .any(|f| matches!(f, Feedback::LeansOpposing { .. })),
            "{answers:?}"
        );
    }

    #[test]
    fn arguing_the_other_side_is_flagged() {
        let turn = score(
            "for-uniforms",
            Some("jones.hidden-costs"),
            "clothes are how teenagers express their identity and individuality",
        );
        assert!(turn.flags.contains(&Flag::ArguesOpposingSide), "{turn:?}");
    }

    #[test]
    fn saying_a_view_an_opposing_essay_only_reports_is_not_arguing_the_other_side() {
        let turn = score(
            "for-uniforms",
            None,
            "teachers find uniforms make school trips easier to supervise",
        );
        assert!(!turn.flags.contains(&Flag::ArguesOpposingSide), "{turn:?}");
    }

    #[test]
    fn an_opening_turn_has_no_clash_and_still_reaches_100_at_most() {
        let turn = score(
            "for-uniforms",
            None,
            "uniforms are cheaper than fashion brands",
        );
        assert!(
            turn.categories
                .iter()
                .all(|c| c.category != Category::Clash)
        );
        let max: f64 = turn.categories.iter().map(|c| c.max).sum();
        assert!((max - 100.0).abs() < 0.2, "{max}");
    }
}
