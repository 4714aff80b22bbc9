//! The loaded, validated pack: what every other room reads. Built only by the loader, so every
//! reference in it resolves and every rule of the loader holds.

use std::collections::HashMap;

/// An index into [`Pack::arguments`].
pub type ArgumentIndex = usize;

#[derive(Debug, Clone, PartialEq)]
pub struct Pack {
    pub id: String,
    pub title: String,
    pub motion: String,
    pub description: String,
    pub is_default: bool,
    pub sides: Vec<Side>,
    pub positions: Vec<Position>,
    /// Every argument of every position, in position order then file order.
    pub arguments: Vec<Argument>,
    pub aliases: Vec<AliasGroup>,
    by_id: HashMap<String, ArgumentIndex>,
    rebutted_by: Vec<Vec<ArgumentIndex>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Side {
    pub id: String,
    pub name: String,
    pub summary: String,
    /// Ids of the positions arguing this side.
    pub positions: Vec<String>,
    /// Ids of the sides this one argues against.
    pub opposes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    pub id: String,
    pub side: String,
    pub author: String,
    pub source: String,
    pub url: String,
    pub thesis: String,
    /// The range of [`Pack::arguments`] that belongs to this position.
    pub arguments: std::ops::Range<ArgumentIndex>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Argument {
    pub id: String,
    pub position: String,
    pub side: String,
    pub claim: String,
    /// Verbatim from the position's source.
    pub quote: String,
    pub keywords: Vec<String>,
    pub evidence: Vec<String>,
    pub role: Role,
    /// The arguments (of opposing sides) that this one answers, strongest first.
    pub rebuts: Vec<Rebuttal>,
}

/// What a pack entry is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// The author's own argument: served as a counter, a hint, a brief point.
    #[default]
    Argument,
    /// Another camp's view reported by the essay, or background: recognised when a student says
    /// it, never served as anyone's argument.
    Context,
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        match text {
            "argument" => Some(Role::Argument),
            "context" => Some(Role::Context),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Argument => "argument",
            Role::Context => "context",
        }
    }
}

/// A `rebuts` link: the argument answered, and the line of clash (how this argument answers it:
/// denies its premise, denies its conclusion, shows its consequence false, or outweighs it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rebuttal {
    pub target: String,
    /// `None` when the pack gives none (`check` warns).
    pub reason: Option<String>,
}

impl Argument {
    /// Whether the bot may serve this entry as an argument (a counter, a hint, a brief point).
    pub fn is_servable(&self) -> bool {
        self.role == Role::Argument
    }

    /// The line of clash when this argument answers `target`, if the pack gives one.
    pub fn reason_against(&self, target: &str) -> Option<&str> {
        self.rebuts
            .iter()
            .find(|rebuttal| rebuttal.target == target)
            .and_then(|rebuttal| rebuttal.reason.as_deref())
    }
}

/// What packs write as the author when the source names nobody.
pub const UNSIGNED: &str = "unsigned";

impl Position {
    /// The name to credit an argument to: the author, or the source when the author is unsigned.
    pub fn speaker(&self) -> &str {
        if self.author.eq_ignore_ascii_case(UNSIGNED) && !self.source.is_empty() {
            &self.source
        } else {
            &self.author
        }
    }

    /// Author and source together, for a citation line ("Rajan Menon, Foreign Affairs, 2023");
    /// the source alone when the author is unsigned.
    pub fn citation(&self) -> String {
        match (self.speaker() == self.source, self.source.is_empty()) {
            (true, _) | (_, true) => self.speaker().to_string(),
            (false, false) => format!("{}, {}", self.author, self.source),
        }
    }
}

/// Words students use for the same thing: every variant reads as the canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasGroup {
    pub canonical: String,
    pub variants: Vec<String>,
}

impl Pack {
    /// Assembles a pack from parts the loader has already checked.
    pub(crate) fn assemble(
        header: PackHeader,
        sides: Vec<Side>,
        positions: Vec<Position>,
        arguments: Vec<Argument>,
        aliases: Vec<AliasGroup>,
    ) -> Self {
        let by_id: HashMap<String, ArgumentIndex> = arguments
            .iter()
            .enumerate()
            .map(|(index, argument)| (argument.id.clone(), index))
            .collect();
        let mut rebutted_by = vec![Vec::new(); arguments.len()];
        for (index, argument) in arguments.iter().enumerate() {
            if !argument.is_servable() {
                continue;
            }
            for rebuttal in &argument.rebuts {
                if let Some(&target) = by_id.get(&rebuttal.target) {
                    rebutted_by[target].push(index);
                }
            }
        }
        Self {
            id: header.id,
            title: header.title,
            motion: header.motion,
            description: header.description,
            is_default: header.is_default,
            sides,
            positions,
            arguments,
            aliases,
            by_id,
            rebutted_by,
        }
    }

    pub fn side(&self, id: &str) -> Option<&Side> {
        self.sides.iter().find(|side| side.id == id)
    }

    pub fn position(&self, id: &str) -> Option<&Position> {
        self.positions.iter().find(|position| position.id == id)
    }

    pub fn argument_index(&self, id: &str) -> Option<ArgumentIndex> {
        self.by_id.get(id).copied()
    }

    pub fn argument(&self, id: &str) -> Option<&Argument> {
        self.argument_index(id).map(|index| &self.arguments[index])
    }

    /// The position an argument belongs to.
    pub fn position_of(&self, argument: &Argument) -> &Position {
        self.position(&argument.position)
            .expect("the loader checked every argument's position")
    }

    pub fn arguments_of_position(&self, position: &Position) -> &[Argument] {
        &self.arguments[position.arguments.clone()]
    }

    /// Indices of the arguments of a side, in pack order.
    pub fn arguments_of_side<'p>(
        &'p self,
        side: &'p str,
    ) -> impl Iterator<Item = ArgumentIndex> + 'p {
        (0..self.arguments.len()).filter(move |&index| self.arguments[index].side == side)
    }

    /// The arguments that name `index` in their `rebuts`: its curated counters.
    pub fn rebutted_by(&self, index: ArgumentIndex) -> &[ArgumentIndex] {
        &self.rebutted_by[index]
    }

    /// The pack's line of clash when `counter` answers `answers`, if it gives one.
    pub fn clash_reason(&self, counter: ArgumentIndex, answers: ArgumentIndex) -> Option<&str> {
        self.arguments[counter].reason_against(&self.arguments[answers].id)
    }

    /// Whether a student arguing `side` is answered by arguments of `other`: `other` is named in
    /// `side`'s `opposes`, or names `side` in its own.
    pub fn opposes(&self, side: &str, other: &str) -> bool {
        side != other
            && (self
                .side(side)
                .is_some_and(|s| s.opposes.iter().any(|o| o == other))
                || self
                    .side(other)
                    .is_some_and(|o| o.opposes.iter().any(|s| s == side)))
    }
}

/// The pack-level fields, gathered by the loader before the pack is assembled.
#[derive(Debug, Clone, Default)]
pub(crate) struct PackHeader {
    pub id: String,
    pub title: String,
    pub motion: String,
    pub description: String,
    pub is_default: bool,
}
