//! Reading one pack file (a `pack.toml`, a single-file pack, or a position file) into its raw
//! form, reporting every problem a file has on its own: syntax, unknown keys, types, missing
//! keys, ids, text rules and bounds. Problems between files are for `assemble`.

use std::path::Path;
use std::sync::Arc;

use super::limits::*;
use super::model::Role;
use super::raw::*;
use crate::source::{Diagnostics, Entry, SourceText, TableReader, Value, parse_document};

const PACK_KEYS: &[&str] = &[
    "id",
    "title",
    "motion",
    "default",
    "description",
    "sides",
    "aliases",
    "positions",
];
const SIDE_KEYS: &[&str] = &["id", "name", "summary", "positions", "opposes"];
const POSITION_KEYS: &[&str] = &[
    "id",
    "author",
    "source",
    "url",
    "side",
    "thesis",
    "arguments",
];
const ARGUMENT_KEYS: &[&str] = &[
    "id", "role", "claim", "quote", "keywords", "evidence", "rebuts",
];
const REBUTTAL_KEYS: &[&str] = &["id", "reason"];

/// What a TOML file of a pack holds.
pub(crate) enum ParsedFile {
    /// A `pack.toml` or a single-file pack: the pack's own keys, and any `[[positions]]`.
    Pack(RawPack, Vec<RawPosition>),
    /// A position file.
    Position(RawPosition),
}

/// Whether the document's top-level keys make it a pack file (rather than a position file).
pub fn looks_like_pack(source: &SourceText) -> bool {
    parse_document(source).is_ok_and(|document| {
        let table = document.get_ref();
        ["motion", "sides", "positions", "title"]
            .iter()
            .any(|key| table.get(*key).is_some())
    })
}

/// Parses a `pack.toml` or single-file pack.
pub(crate) fn parse_pack_file(
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<ParsedFile> {
    parse(source, "pack", diagnostics, |reader, d| {
        let fields = Fields::new(source);
        let pack = fields.pack(&reader, d);
        let positions = reader
            .tables("positions", "position", d)
            .into_iter()
            .map(|mut table| fields.position(&mut table, d))
            .collect();
        ParsedFile::Pack(pack, positions)
    })
}

/// Parses a position file.
pub(crate) fn parse_position_file(
    source: &SourceText,
    diagnostics: &mut Diagnostics,
) -> Option<ParsedFile> {
    parse(source, "position", diagnostics, |mut reader, d| {
        ParsedFile::Position(Fields::new(source).position(&mut reader, d))
    })
}

fn parse(
    source: &SourceText,
    what: &str,
    diagnostics: &mut Diagnostics,
    read: impl FnOnce(TableReader<'_, '_>, &mut Diagnostics) -> ParsedFile,
) -> Option<ParsedFile> {
    match parse_document(source) {
        Ok(document) => Some(read(
            TableReader::root(source, &document, what),
            diagnostics,
        )),
        Err(error) => {
            diagnostics.push(error);
            None
        }
    }
}

/// Reads the fields of one file, with the rules every field obeys.
struct Fields<'s> {
    source: &'s SourceText,
    path: Arc<Path>,
}

impl<'s> Fields<'s> {
    fn new(source: &'s SourceText) -> Self {
        Self {
            source,
            path: Arc::from(source.path.as_path()),
        }
    }

    fn site(&self, offset: usize) -> Site {
        Site::new(self.source, &self.path, offset)
    }

    fn pack(&self, reader: &TableReader<'_, '_>, d: &mut Diagnostics) -> RawPack {
        reader.reject_unknown_keys(PACK_KEYS, d);
        let id = self.id(reader, d);
        let motion = self.text(reader, "motion", Required::Yes, MAX_TEXT_CHARS, d);
        let title = self.text(reader, "title", Required::No, MAX_TEXT_CHARS, d);
        let sides = reader.tables("sides", "side", d);
        if !reader.has("sides") {
            d.push(
                self.source
                    .error_at(reader.offset(), "pack is missing the required key `sides`"),
            );
        }
        if sides.len() > MAX_SIDES {
            d.push(self.source.error_at(
                sides[MAX_SIDES].offset(),
                format!("too many sides: {}, the limit is {MAX_SIDES}", sides.len()),
            ));
        }
        let aliases = reader
            .table("aliases", "[aliases]", d)
            .map(|table| self.aliases(&table, d))
            .unwrap_or_default();
        RawPack {
            site: self.site(reader.offset()),
            title: if title.is_empty() {
                id.as_ref().map(|id| id.value.clone()).unwrap_or_default()
            } else {
                title
            },
            id,
            motion,
            description: self.text(reader, "description", Required::No, MAX_TEXT_CHARS, d),
            is_default: reader.boolean("default", d).is_some_and(|v| v.value),
            sides: sides
                .into_iter()
                .map(|mut side| self.side(&mut side, d))
                .collect(),
            aliases,
        }
    }

    fn side(&self, reader: &mut TableReader<'_, '_>, d: &mut Diagnostics) -> RawSide {
        let id = self.id(reader, d);
        if let Some(id) = &id {
            reader.describe(format!("side `{}`", id.value));
        }
        reader.reject_unknown_keys(SIDE_KEYS, d);
        RawSide {
            site: self.site(reader.offset()),
            name: self.text(reader, "name", Required::Yes, MAX_TEXT_CHARS, d),
            summary: self.text(reader, "summary", Required::No, MAX_TEXT_CHARS, d),
            positions: self.id_list(reader, "positions", d),
            opposes: self.id_list(reader, "opposes", d),
            id,
        }
    }

    fn aliases(&self, reader: &TableReader<'_, '_>, d: &mut Diagnostics) -> Vec<RawAliasGroup> {
        let groups = reader.string_lists(d);
        if let Some((key, _)) = groups.get(MAX_ALIAS_GROUPS) {
            d.push(self.source.error_at(
                key.offset(),
                format!(
                    "too many alias groups: {}, the limit is {MAX_ALIAS_GROUPS}",
                    groups.len()
                ),
            ));
        }
        groups
            .into_iter()
            .map(|(canonical, variants)| {
                let what = format!("alias `{}`", canonical.value);
                self.check_text(&canonical, "alias", Required::Yes, MAX_TEXT_CHARS, d);
                if variants.len() > MAX_ALIAS_VARIANTS {
                    d.push(self.source.error_at(
                        variants[MAX_ALIAS_VARIANTS].offset(),
                        format!(
                            "too many variants for {what}: {}, the limit is {MAX_ALIAS_VARIANTS}",
                            variants.len()
                        ),
                    ));
                }
                RawAliasGroup {
                    canonical: self.located(canonical),
                    variants: variants
                        .into_iter()
                        .map(|variant| {
                            self.check_text(&variant, &what, Required::Yes, MAX_TEXT_CHARS, d);
                            self.located(variant)
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn position(&self, reader: &mut TableReader<'_, '_>, d: &mut Diagnostics) -> RawPosition {
        let id = self.id(reader, d);
        if let Some(id) = &id {
            reader.describe(format!("position `{}`", id.value));
        } else {
            reader.describe("position".into());
        }
        reader.reject_unknown_keys(POSITION_KEYS, d);
        let side = reader
            .string("side", d)
            .and_then(|side| self.checked_id(side, "side", d));
        let arguments = reader.tables("arguments", "argument", d);
        if !reader.has("arguments") {
            d.push(self.source.error_at(
                reader.offset(),
                format!("{} is missing the required key `arguments`", reader.what()),
            ));
        }
        RawPosition {
            site: self.site(reader.offset()),
            arguments_site: reader.key_offset("arguments").map(|at| self.site(at)),
            side,
            author: self.text(reader, "author", Required::Yes, MAX_TEXT_CHARS, d),
            source: self.text(reader, "source", Required::No, MAX_TEXT_CHARS, d),
            url: self.text(reader, "url", Required::No, MAX_TEXT_CHARS, d),
            thesis: self.text(reader, "thesis", Required::No, MAX_TEXT_CHARS, d),
            arguments: arguments
                .into_iter()
                .map(|mut argument| self.argument(&mut argument, d))
                .collect(),
            id,
        }
    }

    fn argument(&self, reader: &mut TableReader<'_, '_>, d: &mut Diagnostics) -> RawArgument {
        let id = self.id(reader, d);
        if let Some(id) = &id {
            reader.describe(format!("argument `{}`", id.value));
        }
        reader.reject_unknown_keys(ARGUMENT_KEYS, d);
        RawArgument {
            site: self.site(reader.offset()),
            claim: self.text(reader, "claim", Required::Yes, MAX_TEXT_CHARS, d),
            quote: self.text(reader, "quote", Required::Yes, MAX_QUOTE_CHARS, d),
            keywords: self.text_list(reader, "keywords", d),
            evidence: self.text_list(reader, "evidence", d),
            role: self.role(reader, d),
            rebuts: self.rebuttals(reader, d),
            id,
        }
    }

    /// `role`: "argument" (the default) or "context".
    fn role(&self, reader: &TableReader<'_, '_>, d: &mut Diagnostics) -> Role {
        let Some(role) = reader.string("role", d) else {
            return Role::Argument;
        };
        Role::parse(&role.value).unwrap_or_else(|| {
            d.push(self.source.error_at(
                role.offset(),
                format!(
                    "`role` in {} must be \"argument\" or \"context\", found {:?}",
                    reader.what(),
                    role.value
                ),
            ));
            Role::Argument
        })
    }

    /// `rebuts`: each entry an argument id, or a table `{ id = "…", reason = "…" }` that gives
    /// the line of clash. Bounded like every list.
    fn rebuttals(&self, reader: &TableReader<'_, '_>, d: &mut Diagnostics) -> Vec<RawRebuttal> {
        let mut entries = reader.strings_or_tables("rebuts", "a `rebuts` entry", d);
        if entries.len() > MAX_LIST_ITEMS {
            let offset = match &entries[MAX_LIST_ITEMS] {
                Entry::String(value) => value.offset(),
                Entry::Table(table) => table.offset(),
            };
            d.push(self.source.error_at(
                offset,
                format!(
                    "too many entries in `rebuts` of {}: {}, the limit is {MAX_LIST_ITEMS}",
                    reader.what(),
                    entries.len()
                ),
            ));
            entries.truncate(MAX_LIST_ITEMS);
        }
        entries
            .into_iter()
            .filter_map(|entry| match entry {
                Entry::String(id) => Some(RawRebuttal {
                    target: self.checked_id(id, "rebuts", d)?,
                    reason: None,
                }),
                Entry::Table(mut table) => {
                    table.describe(format!("a `rebuts` entry of {}", reader.what()));
                    table.reject_unknown_keys(REBUTTAL_KEYS, d);
                    let target = table.required_string("id", d);
                    let reason = table
                        .string("reason", d)
                        .filter(|reason| {
                            self.check_text(
                                reason,
                                &format!("`reason` in {}", table.what()),
                                Required::Yes,
                                MAX_TEXT_CHARS,
                                d,
                            )
                        })
                        .map(|reason| reason.value);
                    Some(RawRebuttal {
                        target: self.checked_id(target?, "rebuts", d)?,
                        reason,
                    })
                }
            })
            .collect()
    }

    /// The table's `id`: required, and following the id rule.
    fn id(&self, reader: &TableReader<'_, '_>, d: &mut Diagnostics) -> Option<Located<String>> {
        let id = reader.required_string("id", d)?;
        self.checked_id(id, "id", d)
    }

    fn checked_id(
        &self,
        id: Value<String>,
        key: &str,
        d: &mut Diagnostics,
    ) -> Option<Located<String>> {
        if is_valid_id(&id.value) {
            Some(self.located(id))
        } else {
            d.push(self.source.error_at(
                id.offset(),
                format!(
                    "`{key}` {:?} is not a valid id: use 1 to {MAX_ID_CHARS} characters of A-Z a-z 0-9 . _ -, starting with a letter or digit",
                    id.value
                ),
            ));
            None
        }
    }

    /// A list of ids (references to sides, positions or arguments), bounded and checked.
    fn id_list(
        &self,
        reader: &TableReader<'_, '_>,
        key: &str,
        d: &mut Diagnostics,
    ) -> Vec<Located<String>> {
        let items = self.bounded(reader, key, d);
        items
            .into_iter()
            .filter_map(|item| self.checked_id(item, key, d))
            .collect()
    }

    /// A list of free texts (keywords, evidence), bounded and checked.
    fn text_list(
        &self,
        reader: &TableReader<'_, '_>,
        key: &str,
        d: &mut Diagnostics,
    ) -> Vec<String> {
        let items = self.bounded(reader, key, d);
        items
            .into_iter()
            .filter(|item| {
                self.check_text(item, &format!("`{key}`"), Required::Yes, MAX_TEXT_CHARS, d)
            })
            .map(|item| item.value)
            .collect()
    }

    fn bounded(
        &self,
        reader: &TableReader<'_, '_>,
        key: &str,
        d: &mut Diagnostics,
    ) -> Vec<Value<String>> {
        let mut items = reader.strings(key, d);
        if items.len() > MAX_LIST_ITEMS {
            d.push(self.source.error_at(
                items[MAX_LIST_ITEMS].offset(),
                format!(
                    "too many entries in `{key}` of {}: {}, the limit is {MAX_LIST_ITEMS}",
                    reader.what(),
                    items.len()
                ),
            ));
            items.truncate(MAX_LIST_ITEMS);
        }
        items
    }

    /// A text field, checked; empty when absent or of the wrong type (already reported).
    fn text(
        &self,
        reader: &TableReader<'_, '_>,
        key: &str,
        required: Required,
        max_chars: usize,
        d: &mut Diagnostics,
    ) -> String {
        let value = match required {
            Required::Yes => reader.required_string(key, d),
            Required::No => reader.string(key, d),
        };
        match value {
            Some(value) => {
                self.check_text(
                    &value,
                    &format!("`{key}` in {}", reader.what()),
                    required,
                    max_chars,
                    d,
                );
                value.value
            }
            None => String::new(),
        }
    }

    /// Checks the text rules; true when the text obeys them.
    fn check_text(
        &self,
        value: &Value<String>,
        what: &str,
        required: Required,
        max_chars: usize,
        d: &mut Diagnostics,
    ) -> bool {
        let problem = if let Some(c) = forbidden_control_char(&value.value) {
            Some(format!(
                "{what} contains the control character U+{:04X}; only newline and tab are allowed",
                c as u32
            ))
        } else if matches!(required, Required::Yes) && is_blank(&value.value) {
            Some(format!("{what} is empty"))
        } else {
            let chars = value.value.chars().count();
            (chars > max_chars).then(|| {
                format!("{what} is too long: {chars} characters, the limit is {max_chars}")
            })
        };
        match problem {
            Some(message) => {
                d.push(self.source.error_at(value.offset(), message));
                false
            }
            None => true,
        }
    }

    fn located(&self, value: Value<String>) -> Located<String> {
        Located {
            site: self.site(value.offset()),
            value: value.value,
        }
    }
}

#[derive(Clone, Copy)]
enum Required {
    Yes,
    No,
}
