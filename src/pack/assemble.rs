//! Checking a pack's files against each other — ids unique across files, every reference
//! resolving, sides that make sense — and, when nothing is wrong, building the [`Pack`].

use std::collections::{HashMap, HashSet};

use super::limits::{MAX_ARGUMENTS, MAX_POSITIONS};
use super::model::{AliasGroup, Argument, Pack, PackHeader, Position, Rebuttal, Role, Side};
use super::raw::*;
use crate::source::{Diagnostics, suggest};

/// Checks the parsed files of one pack together; returns the pack when there is no error.
pub(crate) fn assemble(
    pack: &RawPack,
    positions: &[RawPosition],
    d: &mut Diagnostics,
) -> Option<Pack> {
    let errors_before = d.error_count();
    let sides = unique("side", pack.sides.iter().map(|s| (s.id.as_ref(), s)), d);
    let position_ids = unique("position", positions.iter().map(|p| (p.id.as_ref(), p)), d);
    let arguments: Vec<(&RawPosition, &RawArgument)> = positions
        .iter()
        .flat_map(|position| {
            position
                .arguments
                .iter()
                .map(move |argument| (position, argument))
        })
        .collect();
    let argument_ids = unique(
        "argument",
        arguments.iter().map(|(_, a)| (a.id.as_ref(), *a)),
        d,
    );

    let mut hints = Hints::new();
    check_counts(pack, positions, &arguments, d);
    let side_of_position = check_membership(pack, positions, &sides, &position_ids, &mut hints, d);
    check_opposition(pack, &sides, &mut hints, d);
    check_sides_have_arguments(pack, positions, &side_of_position, d);
    check_rebuttals(
        pack,
        positions,
        &arguments,
        &argument_ids,
        &side_of_position,
        &mut hints,
        d,
    );
    check_aliases(pack, d);
    if d.error_count() > errors_before {
        return None;
    }
    warn_unrebutted(pack, &arguments, &side_of_position, d);
    Some(build(pack, positions, &side_of_position))
}

/// Maps each id to its item, reporting every later duplicate at its second occurrence.
fn unique<'r, T>(
    kind: &str,
    items: impl Iterator<Item = (Option<&'r Located<String>>, &'r T)>,
    d: &mut Diagnostics,
) -> HashMap<&'r str, (&'r Located<String>, &'r T)> {
    let mut seen: HashMap<&str, (&Located<String>, &T)> = HashMap::new();
    for (id, item) in items {
        let Some(id) = id else { continue };
        match seen.get(id.value.as_str()) {
            Some((first, _)) => d.push(id.site.error(format!(
                "duplicate {kind} id `{}` (first defined at {})",
                id.value, first.site
            ))),
            None => {
                seen.insert(&id.value, (id, item));
            }
        }
    }
    seen
}

fn check_counts(
    pack: &RawPack,
    positions: &[RawPosition],
    arguments: &[(&RawPosition, &RawArgument)],
    d: &mut Diagnostics,
) {
    if let Some(position) = positions.get(MAX_POSITIONS) {
        d.push(position.site.error(format!(
            "too many positions: the pack has {}, the limit is {MAX_POSITIONS}",
            positions.len()
        )));
    }
    if let Some((_, argument)) = arguments.get(MAX_ARGUMENTS) {
        d.push(argument.site.error(format!(
            "too many arguments: the pack has {}, the limit is {MAX_ARGUMENTS}",
            arguments.len()
        )));
    }
    if pack.sides.is_empty() {
        d.push(
            pack.site
                .error("pack has no sides: a pack needs at least two sides that oppose each other"),
        );
    }
    if positions.is_empty() {
        d.push(pack.site.error(
            "pack has no positions: add a position file (or `[[positions]]`) for each author",
        ));
    }
    for position in positions.iter().filter(|p| p.arguments.is_empty()) {
        let id = position.id.as_ref().map_or("", |id| id.value.as_str());
        let site = position.arguments_site.as_ref().unwrap_or(&position.site);
        d.push(site.error(format!(
            "position `{id}` has no arguments: add at least one `[[arguments]]` with its id, claim and quote"
        )));
    }
}

/// Puts each position on one side: the side it names, or the side that lists it (both, when
/// given, must agree). Returns position id -> side id.
fn check_membership<'r>(
    pack: &'r RawPack,
    positions: &'r [RawPosition],
    sides: &HashMap<&'r str, (&'r Located<String>, &'r RawSide)>,
    position_ids: &HashMap<&'r str, (&'r Located<String>, &'r RawPosition)>,
    hints: &mut Hints,
    d: &mut Diagnostics,
) -> HashMap<&'r str, &'r str> {
    let mut listed_by: HashMap<&str, &Located<String>> = HashMap::new();
    for side in &pack.sides {
        let Some(side_id) = &side.id else { continue };
        for position in &side.positions {
            if !position_ids.contains_key(position.value.as_str()) {
                d.push(position.site.error(hints.unknown(
                    "position",
                    &position.value,
                    position_ids.keys().copied(),
                )));
            } else if let Some(other) = listed_by.get(position.value.as_str()) {
                if other.value != side_id.value {
                    d.push(position.site.error(format!(
                        "position `{}` is already listed by side `{}`; a position argues one side",
                        position.value, other.value
                    )));
                }
            } else {
                listed_by.insert(&position.value, side_id);
            }
        }
    }

    let mut side_of = HashMap::new();
    for position in positions {
        let Some(id) = &position.id else { continue };
        let named = position.side.as_ref();
        if let Some(named) = named
            && !sides.contains_key(named.value.as_str())
        {
            d.push(
                named
                    .site
                    .error(hints.unknown("side", &named.value, sides.keys().copied())),
            );
            continue;
        }
        match (named, listed_by.get(id.value.as_str())) {
            (Some(named), Some(listed)) if named.value != listed.value => d.push(named.site.error(format!(
                "position `{}` names side `{}`, but side `{}` lists it (at {})",
                id.value, named.value, listed.value, listed.site
            ))),
            (Some(side), _) | (None, Some(&side)) => {
                side_of.insert(id.value.as_str(), side.value.as_str());
            }
            (None, None) => d.push(position.site.error(format!(
                "position `{}` argues no side: give it `side = \"...\"` or list it in a side's `positions`",
                id.value
            ))),
        }
    }
    side_of
}

fn check_opposition(
    pack: &RawPack,
    sides: &HashMap<&str, (&Located<String>, &RawSide)>,
    hints: &mut Hints,
    d: &mut Diagnostics,
) {
    for side in &pack.sides {
        let Some(id) = &side.id else { continue };
        for other in &side.opposes {
            if other.value == id.value {
                d.push(
                    other
                        .site
                        .error(format!("side `{}` opposes itself", id.value)),
                );
            } else if !sides.contains_key(other.value.as_str()) {
                d.push(other.site.error(hints.unknown(
                    "side",
                    &other.value,
                    sides.keys().copied(),
                )));
            }
        }
        let opposed_by_any = pack
            .sides
            .iter()
            .any(|s| s.opposes.iter().any(|o| o.value == id.value));
        if side.opposes.is_empty() && !opposed_by_any && sides.len() > 1 {
            d.push(side.site.error(format!(
                "side `{}` opposes no side and no side opposes it: list the sides it argues against in `opposes`",
                id.value
            )));
        }
    }
    if sides.len() == 1
        && let Some((_, (id, side))) = sides.iter().next()
    {
        d.push(side.site.error(format!(
            "side `{}` is the only side: a pack needs at least two sides that oppose each other",
            id.value
        )));
    }
}

fn check_sides_have_arguments(
    pack: &RawPack,
    positions: &[RawPosition],
    side_of: &HashMap<&str, &str>,
    d: &mut Diagnostics,
) {
    for side in &pack.sides {
        let Some(id) = &side.id else { continue };
        let own: Vec<&RawPosition> = positions
            .iter()
            .filter(|p| {
                p.id.as_ref()
                    .and_then(|pid| side_of.get(pid.value.as_str()))
                    == Some(&id.value.as_str())
            })
            .collect();
        let entries: Vec<&RawArgument> = own.iter().flat_map(|p| &p.arguments).collect();
        // A side whose positions are all empty is reported at each empty position instead.
        if own.is_empty() {
            d.push(side.site.error(format!(
                "side `{}` has no arguments: give it a position with at least one `[[arguments]]`",
                id.value
            )));
        } else if !entries.is_empty() && entries.iter().all(|entry| entry.role == Role::Context) {
            d.push(side.site.error(format!(
                "side `{}` has only context entries: give it at least one `[[arguments]]` without `role = \"context\"`",
                id.value
            )));
        }
    }
}

fn check_rebuttals(
    pack: &RawPack,
    positions: &[RawPosition],
    arguments: &[(&RawPosition, &RawArgument)],
    argument_ids: &HashMap<&str, (&Located<String>, &RawArgument)>,
    side_of: &HashMap<&str, &str>,
    hints: &mut Hints,
    d: &mut Diagnostics,
) {
    let side_of_argument: HashMap<&str, &str> = arguments
        .iter()
        .filter_map(|(position, argument)| {
            let side = side_of.get(position.id.as_ref()?.value.as_str())?;
            Some((argument.id.as_ref()?.value.as_str(), *side))
        })
        .collect();
    let opposes = |a: &str, b: &str| sides_oppose(pack, a, b);
    // A position left with no arguments is reported once, at its file; the links to the
    // arguments it used to hold (`position.name`) are not reported again, one by one.
    let emptied: Vec<&str> = positions
        .iter()
        .filter(|p| p.arguments.is_empty())
        .filter_map(|p| Some(p.id.as_ref()?.value.as_str()))
        .collect();
    let of_emptied = |target: &str| {
        emptied.iter().any(|position| {
            target
                .strip_prefix(position)
                .is_some_and(|name| name.starts_with('.'))
        })
    };
    for (_, argument) in arguments {
        let Some(id) = &argument.id else { continue };
        let mut seen = HashSet::new();
        if argument.role == Role::Context && !argument.rebuts.is_empty() {
            d.push(argument.rebuts[0].target.site.warning(format!(
                "context entry `{}` rebuts other arguments, but a context entry is never served as a counter; these links are never used",
                id.value
            )));
        }
        for rebuttal in &argument.rebuts {
            let target = &rebuttal.target;
            let problem = if !seen.insert(target.value.as_str()) {
                Some(
                    target
                        .site
                        .error(format!("`{}` rebuts `{}` twice", id.value, target.value)),
                )
            } else if target.value == id.value {
                Some(
                    target
                        .site
                        .error(format!("argument `{}` rebuts itself", id.value)),
                )
            } else if !argument_ids.contains_key(target.value.as_str()) {
                (!of_emptied(&target.value)).then(|| {
                    target.site.error(hints.unknown(
                        "argument",
                        &target.value,
                        argument_ids.keys().copied(),
                    ))
                })
            } else if let (Some(own), Some(theirs)) = (
                side_of_argument.get(id.value.as_str()),
                side_of_argument.get(target.value.as_str()),
            ) {
                if own == theirs {
                    Some(target.site.error(format!(
                        "`{}` rebuts `{}`, an argument of its own side `{own}`; rebuts name arguments of opposing sides",
                        id.value, target.value
                    )))
                } else if !opposes(own, theirs) {
                    Some(target.site.warning(format!(
                        "`{}` rebuts `{}`, but side `{own}` and side `{theirs}` do not oppose each other",
                        id.value, target.value
                    )))
                } else {
                    None
                }
            } else {
                None
            };
            // A broken link is reported once, for what breaks it; only a sound link
            // is asked for its reason.
            match problem {
                Some(problem) => d.push(problem),
                None if rebuttal.reason.is_none() => d.push(target.site.warning(format!(
                    "`{}` rebuts `{}` without a reason; write it as {{ id = \"{}\", reason = \"how this answers it\" }} so the bot can say why",
                    id.value, target.value, target.value
                ))),
                None => {}
            }
        }
    }
}

fn check_aliases(pack: &RawPack, d: &mut Diagnostics) {
    let mut seen: HashMap<String, &Located<String>> = HashMap::new();
    for group in &pack.aliases {
        for variant in &group.variants {
            let key = variant.value.to_lowercase();
            if let Some(first) = seen.get(&key)
                && first.value.to_lowercase() != group.canonical.value.to_lowercase()
            {
                d.push(variant.site.warning(format!(
                    "alias `{}` is given for both `{}` and `{}`; the first one wins",
                    variant.value, first.value, group.canonical.value
                )));
                continue;
            }
            seen.insert(key, &group.canonical);
        }
    }
}

fn warn_unrebutted(
    pack: &RawPack,
    arguments: &[(&RawPosition, &RawArgument)],
    side_of: &HashMap<&str, &str>,
    d: &mut Diagnostics,
) {
    let side_of_argument = |position: &RawPosition| {
        position
            .id
            .as_ref()
            .and_then(|id| side_of.get(id.value.as_str()).copied())
    };
    let opposes = |a: &str, b: &str| sides_oppose(pack, a, b);
    let rebutted: HashSet<(&str, &str)> = arguments
        .iter()
        .flat_map(|(position, argument)| {
            let side = side_of_argument(position);
            argument
                .rebuts
                .iter()
                .filter_map(move |r| Some((r.target.value.as_str(), side?)))
        })
        .collect();
    for (position, argument) in arguments {
        let (Some(id), Some(side)) = (&argument.id, side_of_argument(position)) else {
            continue;
        };
        if argument.role == Role::Context {
            continue;
        }
        let answered = rebutted
            .iter()
            .any(|(target, by)| *target == id.value && opposes(side, by));
        if !answered {
            d.push(argument.site.warning(format!(
                "argument `{}` is rebutted by no argument of an opposing side; a student who makes it gets the answer to a related point of its side, or is told that no author answers it",
                id.value
            )));
        }
    }
}

/// Whether either side names the other in its `opposes`.
fn sides_oppose(pack: &RawPack, a: &str, b: &str) -> bool {
    pack.sides.iter().any(|s| {
        let id = s.id.as_ref().map(|i| i.value.as_str());
        (id == Some(a) && s.opposes.iter().any(|o| o.value == b))
            || (id == Some(b) && s.opposes.iter().any(|o| o.value == a))
    })
}

/// "Did you mean" hints for unknown names, within one budget of comparisons for the whole
/// pack: a hostile pack naming thousands of unknown ids must not cost thousands × thousands of
/// edit distances. Past the budget an unknown name is still reported, without a hint.
struct Hints {
    comparisons_left: usize,
}

/// Edit distances a pack's hints may cost in all (well under a tenth of a second).
const HINT_COMPARISONS: usize = 100_000;

impl Hints {
    fn new() -> Hints {
        Hints {
            comparisons_left: HINT_COMPARISONS,
        }
    }

    fn unknown<'c>(
        &mut self,
        kind: &str,
        name: &str,
        known: impl ExactSizeIterator<Item = &'c str>,
    ) -> String {
        let close = if known.len() <= self.comparisons_left {
            self.comparisons_left -= known.len();
            suggest(name, known)
        } else {
            self.comparisons_left = 0;
            None
        };
        match close {
            Some(close) => format!("unknown {kind} `{name}`; did you mean `{close}`?"),
            None => format!("unknown {kind} `{name}`"),
        }
    }
}

fn build(pack: &RawPack, positions: &[RawPosition], side_of: &HashMap<&str, &str>) -> Pack {
    let text = |located: &Option<Located<String>>| {
        located
            .as_ref()
            .map(|l| l.value.clone())
            .unwrap_or_default()
    };
    let mut arguments = Vec::new();
    let mut built_positions = Vec::new();
    for position in positions {
        let id = text(&position.id);
        let side = side_of
            .get(id.as_str())
            .copied()
            .unwrap_or_default()
            .to_string();
        let start = arguments.len();
        arguments.extend(position.arguments.iter().map(|argument| {
            Argument {
                id: text(&argument.id),
                position: id.clone(),
                side: side.clone(),
                claim: argument.claim.clone(),
                quote: argument.quote.clone(),
                keywords: argument.keywords.clone(),
                evidence: argument.evidence.clone(),
                role: argument.role,
                rebuts: argument
                    .rebuts
                    .iter()
                    .map(|r| Rebuttal {
                        target: r.target.value.clone(),
                        reason: r.reason.clone(),
                    })
                    .collect(),
            }
        }));
        built_positions.push(Position {
            id,
            side,
            author: position.author.clone(),
            source: position.source.clone(),
            url: position.url.clone(),
            thesis: position.thesis.clone(),
            arguments: start..arguments.len(),
        });
    }
    let sides = pack
        .sides
        .iter()
        .map(|side| {
            let id = text(&side.id);
            Side {
                positions: built_positions
                    .iter()
                    .filter(|p| p.side == id)
                    .map(|p| p.id.clone())
                    .collect(),
                opposes: side.opposes.iter().map(|o| o.value.clone()).collect(),
                id,
                name: side.name.clone(),
                summary: side.summary.clone(),
            }
        })
        .collect();
    let aliases = pack
        .aliases
        .iter()
        .map(|group| AliasGroup {
            canonical: group.canonical.value.clone(),
            variants: group.variants.iter().map(|v| v.value.clone()).collect(),
        })
        .collect();
    let header = PackHeader {
        id: text(&pack.id),
        title: pack.title.clone(),
        motion: pack.motion.clone(),
        description: pack.description.clone(),
        is_default: pack.is_default,
    };
    Pack::assemble(header, sides, built_positions, arguments, aliases)
}
