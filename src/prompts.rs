//! The message catalogue: every sentence a person reads comes from `prompts/<language>.toml`,
//! a template with named `{placeholders}`. The English catalogue is built in, so the binary
//! works from any folder; a catalogue on disk replaces it after passing the same checks.

use std::collections::HashMap;
use std::path::Path;

use thiserror::Error;

use crate::source::{Diagnostics, SourceText, TableReader, parse_document, read_source, suggest};

/// The built-in English catalogue.
const BUILTIN_EN: &str = include_str!("../prompts/en.toml");
const MAX_CATALOGUE_BYTES: u64 = 256 * 1024;

/// Every message the program shows, with the placeholders its template may use.
pub const MESSAGES: &[(&str, &[&str])] = &[
    (
        "practice.welcome",
        &["title", "motion", "side", "side_id", "summary"],
    ),
    ("practice.how_to", &[]),
    ("practice.resumed", &["title", "side", "turns"]),
    ("practice.waiting", &[]),
    ("practice.other_side_running", &["side", "wanted"]),
    ("practice.unknown_command", &["command"]),
    ("practice.goodbye", &[]),
    ("practice.switched", &["from"]),
    ("practice.beat_you", &[]),
    ("review.header", &["count"]),
    ("review.card", &["pack", "side"]),
    ("review.graded", &["score", "grade", "when"]),
    ("review.next_due", &["when"]),
    ("review.none", &[]),
    ("review.done", &["count"]),
    ("review.in_minutes", &["count"]),
    ("review.in_hours", &["count"]),
    ("review.in_days", &["count"]),
    ("review.remind_on", &[]),
    ("review.remind_off", &[]),
    ("review.reminder", &["count"]),
    ("chart.totals", &[]),
    ("chart.round", &[]),
    ("chart.total", &[]),
    ("chart.categories", &[]),
    ("chart.share", &[]),
    ("chart.most_dropped", &[]),
    ("chart.distribution", &[]),
    ("chart.class_categories", &[]),
    ("chart.rounds", &[]),
    ("chart.class_most_dropped", &[]),
    ("chart.none_dropped", &[]),
    ("chart.dropped_line", &["times", "speaker", "claim"]),
    ("chart.written", &["file", "rounds", "dropped"]),
    ("chart.posted", &["rounds", "dropped"]),
    ("turn.header", &["turn", "score"]),
    ("turn.recognised", &["author", "claim"]),
    ("turn.attacked", &["author", "claim"]),
    ("turn.conceded", &["author", "claim"]),
    ("turn.conceded_plain", &[]),
    ("turn.why", &["reason"]),
    ("turn.no_counter", &[]),
    ("turn.answered", &["author"]),
    ("turn.counter", &["author", "citation", "claim", "quote"]),
    ("turn.breakdown", &["parts"]),
    ("next.header", &["author", "claim"]),
    ("turn.put_to_opponent", &["author", "claim"]),
    ("hint.argument", &["author", "claim", "quote"]),
    ("brief.header", &["side", "summary"]),
    ("brief.argument", &["author", "claim"]),
    ("brief.none_left", &[]),
    ("scorecard.header", &["side", "turns", "reason"]),
    ("scorecard.category", &["category", "points", "max"]),
    ("scorecard.penalties", &["points"]),
    (
        "scorecard.total",
        &["total", "scaled", "scale", "low", "high"],
    ),
    (
        "scorecard.decision",
        &[
            "best",
            "best_total",
            "weakest",
            "weakest_total",
            "answered",
            "served",
        ],
    ),
    ("scorecard.decision_clash", &["answered", "served"]),
    ("scorecard.compared", &["side", "before", "total"]),
    ("scorecard.answered", &["count"]),
    ("scorecard.dropped", &["count"]),
    ("scorecard.counter", &["author", "claim"]),
    ("feedback.strong", &[]),
    ("feedback.stay_on_side", &["side"]),
    ("feedback.engage_counter", &["author", "claim"]),
    (
        "feedback.use_rebuttal",
        &["author", "answer_author", "answer"],
    ),
    ("feedback.echoes_counter", &["author"]),
    ("feedback.add_evidence", &[]),
    ("feedback.add_evidence_example", &["example"]),
    (
        "feedback.add_evidence_cited",
        &["example", "author", "claim"],
    ),
    ("feedback.repeats", &[]),
    ("feedback.give_reason", &[]),
    ("feedback.argues_opposing_side", &["author", "claim"]),
    ("feedback.leans_opposing", &["author", "claim"]),
    ("feedback.concedes", &[]),
    (
        "feedback.dropped",
        &["author", "claim", "answer_author", "answer"],
    ),
    ("feedback.dropped_no_answer", &["author", "claim"]),
    ("notice.no_round", &[]),
    ("notice.round_running", &["side"]),
    ("notice.unknown_pack", &["pack", "packs"]),
    ("notice.no_default_pack", &["packs"]),
    ("notice.unknown_side", &["side", "sides"]),
    ("notice.empty_message", &[]),
    ("notice.unsure", &[]),
    ("notice.no_hint", &[]),
    ("notice.no_turn_yet", &[]),
    ("notice.no_counter_left", &[]),
    ("notice.no_round_to_switch_from", &[]),
    ("notice.no_counters_faced", &[]),
    ("notice.no_review_due", &[]),
    ("notice.store", &[]),
    ("upload.too_slow", &[]),
    ("discord.apology", &[]),
    ("discord.practice_thread", &["student"]),
    ("discord.unreadable_option", &[]),
    ("upload.too_large", &["size", "limit_kib"]),
    ("upload.download_failed", &[]),
    ("upload.larger_than_claimed", &["limit_kib"]),
    ("upload.download_slow", &[]),
    ("discord.instructors_only", &[]),
    ("discord.server_only", &[]),
    ("discord.managers_only", &[]),
    ("drill.export", &["drill"]),
    ("discord.no_round_here", &[]),
    ("discord.hint_for_opponent", &[]),
    ("discord.button_for_someone_else", &[]),
    ("card.source", &[]),
    ("card.continued", &[]),
    ("card.claim", &[]),
    ("discord.argument_gone", &[]),
    ("discord.forget_confirm", &[]),
    ("discord.forgotten", &["deleted"]),
    ("discord.round_in_thread", &["thread"]),
    ("discord.instructor_role_set", &["role"]),
    ("drill.already_open", &[]),
    ("drill.reminder_halfway", &["drill", "minutes"]),
    ("drill.reminder_last_minute", &["drill"]),
    ("drill.mode_solo", &[]),
    ("drill.mode_versus", &[]),
    ("drill.begins_at", &["when"]),
    ("drill.begins_on_command", &[]),
    ("drill.turns", &["turns"]),
    ("drill.turns_default", &[]),
    ("drill.minutes", &["minutes"]),
    ("drill.minutes_none", &[]),
    ("drill.card_title", &["drill", "title"]),
    ("drill.card_body", &["motion"]),
    ("drill.card_sides", &[]),
    ("drill.card_format", &[]),
    ("drill.already_joined", &[]),
    ("drill.joined", &["count"]),
    ("drill.late_versus_note", &[]),
    ("drill.joined_late", &["side", "thread"]),
    ("drill.no_such_drill", &[]),
    ("drill.none_open", &[]),
    ("drill.not_a_channel", &[]),
    ("drill.nobody_joined", &[]),
    ("drill.begun_already", &[]),
    ("drill.unnamed_student", &["number"]),
    ("drill.seating_solo", &[]),
    ("drill.alone_note", &[]),
    ("drill.seating_alone", &["count"]),
    ("drill.seating_versus", &["pairs", "alone"]),
    ("drill.ends_in", &["minutes"]),
    (
        "drill.begun",
        &["drill", "students", "seating", "sides", "ends"],
    ),
    ("drill.thread_title", &["drill", "student"]),
    ("drill.pair_thread_title", &["drill", "first", "second"]),
    (
        "drill.versus_rules",
        &["first", "first_side", "second", "second_side"],
    ),
    ("drill.someone", &[]),
    (
        "drill.leaderboard_row",
        &["rank", "who", "total", "scale", "scaled", "side", "turns"],
    ),
    ("drill.leaderboard_final", &["drill"]),
    ("drill.leaderboard_so_far", &["drill"]),
    ("drill.leaderboard_empty", &[]),
    ("drill.leaderboard_unanswered", &[]),
    ("drill.could_not_begin", &["drill", "why"]),
    ("button.next_counter", &[]),
    ("button.show_source", &[]),
    ("button.hint", &[]),
    ("button.end", &[]),
    ("button.forget_me", &[]),
    ("button.join", &[]),
    ("button.counter_hint", &[]),
    ("card.hint", &["claim"]),
    ("card.round_title", &["side"]),
    ("card.round_body", &["motion", "summary"]),
    ("card.pack", &[]),
    ("card.round_footer", &["round", "side_id"]),
    ("card.switched", &["from"]),
    ("card.compared", &[]),
    ("card.review_title", &["count"]),
    ("card.review_footer", &["source"]),
    ("card.no_counter", &[]),
    ("card.argued", &[]),
    ("card.attacked", &[]),
    ("card.conceded", &[]),
    ("card.turn_title", &["turn", "score"]),
    ("card.feedback", &[]),
    ("card.your_point", &[]),
    ("card.why", &[]),
    ("card.counter_title", &["author"]),
    ("card.quote", &[]),
    ("card.brief_title", &["side"]),
    ("card.scorecard_title", &["side"]),
    (
        "card.scorecard_summary",
        &["turns", "total", "scale", "scaled"],
    ),
    ("card.decision", &[]),
    ("card.categories", &[]),
    ("card.penalties", &[]),
    ("card.answered", &[]),
    ("card.dropped", &[]),
    ("card.take_away", &[]),
    ("versus.argued", &["speaker", "claim", "author"]),
    ("versus.spoke", &["speaker"]),
    ("versus.card_title", &["turn"]),
    ("versus.answered", &["speaker", "opponent", "claim"]),
    ("versus.left_standing", &["speaker", "opponent", "claim"]),
    ("versus.opponents_point", &[]),
    ("versus.now_to_answer", &[]),
    ("versus.answer_this", &["opponent"]),
    ("versus.nothing_new", &["opponent"]),
    ("versus.turn_title", &["turn", "score"]),
    ("versus.a_student", &[]),
    ("pack.id_taken", &["pack"]),
    ("pack.ready", &["pack", "title"]),
    ("pack.valid", &["pack", "sides", "positions", "arguments"]),
    ("pack.bundled", &[]),
    ("pack.uploaded", &[]),
    ("pack.default_mark", &[]),
    ("pack.list_line", &["pack", "title", "origin", "mark"]),
    ("pack.list", &["packs"]),
    ("pack.removed", &["pack"]),
    ("pack.bundled_stays", &["pack"]),
    ("pack.not_uploaded", &["pack"]),
    ("pack.not_here", &["pack"]),
    ("pack.default_set", &["pack"]),
    ("pack.has_errors", &["file", "errors"]),
    ("pack.more_problems", &["count"]),
];

#[derive(Debug, Error)]
#[error("the message catalogue has problems:\n{0}")]
pub struct CatalogueError(pub Diagnostics);

/// A checked catalogue: every key of [`MESSAGES`] present, no unknown key or placeholder.
#[derive(Debug, Clone)]
pub struct Catalogue {
    templates: HashMap<String, String>,
}

impl Catalogue {
    /// The English catalogue compiled into the binary.
    pub fn builtin() -> Catalogue {
        let source = SourceText::new("prompts/en.toml", BUILTIN_EN.to_string());
        Self::parse(&source).expect("the built-in catalogue passes its own checks")
    }

    /// `dir/<language>.toml` when that file exists, else the built-in catalogue.
    pub fn load(dir: &Path, language: &str) -> Result<Catalogue, CatalogueError> {
        let path = dir.join(format!("{language}.toml"));
        if !path.exists() {
            return Ok(Self::builtin());
        }
        let source = read_source(&path, MAX_CATALOGUE_BYTES).map_err(|d| {
            let mut diagnostics = Diagnostics::default();
            diagnostics.push(d);
            CatalogueError(diagnostics)
        })?;
        Self::parse(&source).map_err(CatalogueError)
    }

    /// Parses and checks a catalogue file.
    pub fn parse(source: &SourceText) -> Result<Catalogue, Diagnostics> {
        let mut diagnostics = Diagnostics::default();
        let templates = check(source, &mut diagnostics);
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(Catalogue { templates })
        }
    }

    /// The message `key` with its placeholders filled. A key missing from [`MESSAGES`] is a bug
    /// caught by the tests; it renders as the key itself rather than failing in front of a user.
    pub fn render(&self, key: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
        let Some(template) = self.templates.get(key) else {
            debug_assert!(false, "message `{key}` is not in the catalogue");
            return key.to_string();
        };
        fill(template, values)
    }
}

/// Replaces `{name}` with its value, and `{name:one|other}` with `one` when the value is 1,
/// else `other` ("{turns} {turns:turn|turns}"); `{{` and `}}` are literal braces.
fn fill(template: &str, values: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
        } else if let Some(end) = tail.find('}').filter(|_| tail.starts_with('{')) {
            let (name, forms) = split_placeholder(&tail[1..end]);
            match values.iter().find(|(key, _)| *key == name) {
                Some((_, value)) => {
                    let value = value.to_string();
                    match forms {
                        Some((one, _)) if value == "1" => out.push_str(one),
                        Some((_, other)) => out.push_str(other),
                        None => out.push_str(&value),
                    }
                }
                None => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

/// A placeholder's name, and its singular and plural forms when it has them
/// (`turns:turn|turns`).
fn split_placeholder(placeholder: &str) -> (&str, Option<(&str, &str)>) {
    match placeholder.split_once(':') {
        Some((name, forms)) => (name, Some(forms.split_once('|').unwrap_or((forms, forms)))),
        None => (placeholder, None),
    }
}

/// The placeholders a template uses, in order (by name: a plural form names its count).
fn placeholders(template: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(end) => {
                found.push(split_placeholder(&tail[1..end]).0);
                rest = &tail[end + 1..];
            }
            None => break,
        }
    }
    found
}

/// Checks a catalogue file and returns its templates by dotted key.
pub fn check(source: &SourceText, diagnostics: &mut Diagnostics) -> HashMap<String, String> {
    let mut templates = HashMap::new();
    let document = match parse_document(source) {
        Ok(document) => document,
        Err(error) => {
            diagnostics.push(error);
            return templates;
        }
    };
    let root = TableReader::root(source, &document, "the catalogue");
    collect(&root, "", diagnostics, &mut templates);
    let known: Vec<&str> = MESSAGES.iter().map(|(key, _)| *key).collect();
    for (key, _) in MESSAGES {
        if !templates.contains_key(*key) {
            diagnostics
                .push(source.error_at(0, format!("the catalogue is missing the message `{key}`")));
        }
    }
    templates.retain(|key, _| known.contains(&key.as_str()));
    templates
}

fn collect(
    table: &TableReader<'_, '_>,
    prefix: &str,
    diagnostics: &mut Diagnostics,
    templates: &mut HashMap<String, String>,
) {
    let known: Vec<&str> = MESSAGES.iter().map(|(key, _)| *key).collect();
    for (name, sub) in table.sub_tables() {
        collect(
            &sub,
            &format!("{prefix}{}.", name.value),
            diagnostics,
            templates,
        );
    }
    for (name, value) in table.string_entries(diagnostics) {
        let key = format!("{prefix}{}", name.value);
        let Some((_, allowed)) = MESSAGES.iter().find(|(k, _)| *k == key) else {
            let mut message = format!("unknown message `{key}`");
            if let Some(close) = suggest(&key, known.iter().copied()) {
                message.push_str(&format!("; did you mean `{close}`?"));
            }
            diagnostics.push(table.source().error_at(name.offset(), message));
            continue;
        };
        for placeholder in placeholders(&value.value) {
            if !allowed.contains(&placeholder) {
                let mut message =
                    format!("message `{key}` uses the unknown placeholder {{{placeholder}}}");
                match suggest(placeholder, allowed.iter().copied()) {
                    Some(close) => message.push_str(&format!("; did you mean {{{close}}}?")),
                    None if allowed.is_empty() => message.push_str("; it takes none"),
                    None => message.push_str(&format!(
                        "; it takes {}",
                        allowed
                            .iter()
                            .map(|p| format!("{{{p}}}"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                }
                diagnostics.push(table.source().error_at(value.offset(), message));
            }
        }
        templates.insert(key, value.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_is_complete() {
        let catalogue = Catalogue::builtin();
        for (key, _) in MESSAGES {
            assert!(catalogue.templates.contains_key(*key), "{key}");
        }
    }

    #[test]
    fn fills_placeholders_and_keeps_literal_braces() {
        assert_eq!(
            fill("{a} and {{b}} {c}", &[("a", &1), ("c", &"x")]),
            "1 and {b} x"
        );
        assert_eq!(fill("unclosed {a", &[("a", &1)]), "unclosed {a");
    }

    #[test]
    fn a_plural_placeholder_agrees_with_its_count() {
        let turns = "{n} {n:turn|turns}";
        assert_eq!(fill(turns, &[("n", &1)]), "1 turn");
        assert_eq!(fill(turns, &[("n", &0)]), "0 turns");
        assert_eq!(fill(turns, &[("n", &3)]), "3 turns");
        assert_eq!(placeholders(turns), ["n", "n"]);
    }

    #[test]
    fn reports_unknown_placeholders_and_missing_keys() {
        let source = SourceText::new(
            "en.toml",
            "[practice]\nresumed = \"{titel} {side} {turns}\"\n".to_string(),
        );
        let errors: Vec<String> = Catalogue::parse(&source)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert!(errors.contains(&"en.toml:2:11: message `practice.resumed` uses the unknown placeholder {titel}; did you mean {title}?".to_string()), "{errors:?}");
        assert!(
            errors.contains(
                &"en.toml:1:1: the catalogue is missing the message `practice.welcome`".to_string()
            ),
            "{errors:?}"
        );
    }
}
