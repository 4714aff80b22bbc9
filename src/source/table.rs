use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Diagnostics, SourceText};

/// Parses a TOML document, keeping the byte span of every key and value. A syntax error is
/// reported at its line and column.
pub fn parse_document(source: &SourceText) -> Result<Spanned<DeTable<'_>>, super::Diagnostic> {
    DeTable::parse(&source.text).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = e.message().lines().next().unwrap_or("invalid TOML").trim();
        // The parser's message for a repeated key does not say which: its span does.
        let named = match source.text.get(span.clone()) {
            Some(key) if message == "duplicate key" && !key.trim().is_empty() => {
                format!("duplicate key `{}`", key.trim())
            }
            _ => message.to_string(),
        };
        // An unclosed multi-line string runs to the end of the file, where the parser stops;
        // the mistake is where it opens.
        if let Some(opened) = unclosed_multiline_string(&source.text, message) {
            return source.error_at(
                opened,
                format!("TOML syntax error: this multi-line string is never closed ({named})"),
            );
        }
        source.error_at(span.start, format!("TOML syntax error: {named}"))
    })
}

/// Where the last multi-line string that is never closed opens, when the parser's `message` is
/// about one: triple quotes of its kind, counted from the top, leave one open.
fn unclosed_multiline_string(text: &str, message: &str) -> Option<usize> {
    let delimiter = if message.contains("multi-line basic string") {
        "\"\"\""
    } else if message.contains("multi-line literal string") {
        "'''"
    } else {
        return None;
    };
    let mut open = None;
    for (at, _) in text.match_indices(delimiter) {
        open = match open {
            None => Some(at),
            Some(_) => None,
        };
    }
    open
}

/// The closest of `candidates` to a misspelt `word`, if one is close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let word = word.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            let distance = strsim::damerau_levenshtein(&word, &candidate.to_lowercase());
            (distance, candidate)
        })
        .filter(|&(distance, candidate)| {
            let longest = word.chars().count().max(candidate.chars().count());
            distance <= 2.max(longest / 3) && distance < longest
        })
        // Ties go to the first in order, so the hint never depends on a map's iteration order.
        .min_by_key(|&(distance, candidate)| (distance, candidate))
        .map(|(_, candidate)| candidate)
}

/// A value read from a table, with the byte span it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Value<T> {
    pub fn offset(&self) -> usize {
        self.span.start
    }
}

/// One entry of a list that takes strings and tables alike.
pub enum Entry<'a, 'i> {
    String(Value<String>),
    Table(TableReader<'a, 'i>),
}

/// Reads one TOML table of a known shape, reporting every problem into a [`Diagnostics`]:
/// unknown keys (with a "did you mean"), values of the wrong type, missing required keys (at the
/// table that lacks them). Readers never stop at the first problem, so a file is checked whole.
pub struct TableReader<'a, 'i> {
    source: &'a SourceText,
    table: &'a DeTable<'i>,
    /// Where the table starts: a `[[header]]`, an inline `{`, or the top of the file.
    span: Range<usize>,
    /// What the table is, for messages: "position", "argument `menon.coalition`".
    what: String,
}

impl<'a, 'i> TableReader<'a, 'i> {
    pub fn root(source: &'a SourceText, document: &'a Spanned<DeTable<'i>>, what: &str) -> Self {
        Self {
            source,
            table: document.get_ref(),
            span: 0..0,
            what: what.to_string(),
        }
    }

    pub fn source(&self) -> &'a SourceText {
        self.source
    }

    pub fn offset(&self) -> usize {
        self.span.start
    }

    /// Names the table in later messages, once its id is known.
    pub fn describe(&mut self, what: String) {
        self.what = what;
    }

    pub fn what(&self) -> &str {
        &self.what
    }

    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    /// Where `key` is written in this table, when it is.
    pub fn key_offset(&self, key: &str) -> Option<usize> {
        self.table
            .get_key_value(key)
            .map(|(name, _)| name.span().start)
    }

    /// Reports every key that is not in `known`, at the key, with the closest known key.
    pub fn reject_unknown_keys(&self, known: &[&str], diagnostics: &mut Diagnostics) {
        for (key, _) in self.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let mut message = format!("unknown key `{name}` in {}", self.what);
            match suggest(name, known.iter().copied()) {
                Some(close) => message.push_str(&format!("; did you mean `{close}`?")),
                None => message.push_str(&format!("; expected one of {}", list(known))),
            }
            diagnostics.push(self.source.error_at(key.span().start, message));
        }
    }

    fn get(&self, key: &str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    fn missing(&self, key: &str, diagnostics: &mut Diagnostics) {
        diagnostics.push(self.source.error_at(
            self.span.start,
            format!("{} is missing the required key `{key}`", self.what),
        ));
    }

    fn wrong_type(
        &self,
        key: &str,
        expected: &str,
        found: &Spanned<DeValue<'i>>,
        diagnostics: &mut Diagnostics,
    ) {
        diagnostics.push(self.source.error_at(
            found.span().start,
            format!(
                "`{key}` in {} must be {expected}, found {}",
                self.what,
                describe_type(found.get_ref())
            ),
        ));
    }

    /// A string value; `None` (and a diagnostic) when it has another type, `None` when absent.
    pub fn string(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Value<String>> {
        let found = self.get(key)?;
        match found.get_ref() {
            DeValue::String(text) => Some(Value {
                value: text.to_string(),
                span: found.span(),
            }),
            _ => {
                self.wrong_type(key, "a string", found, diagnostics);
                None
            }
        }
    }

    /// A string that must be present.
    pub fn required_string(
        &self,
        key: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<Value<String>> {
        if !self.has(key) {
            self.missing(key, diagnostics);
        }
        self.string(key, diagnostics)
    }

    pub fn boolean(&self, key: &str, diagnostics: &mut Diagnostics) -> Option<Value<bool>> {
        let found = self.get(key)?;
        match found.get_ref() {
            DeValue::Boolean(flag) => Some(Value {
                value: *flag,
                span: found.span(),
            }),
            _ => {
                self.wrong_type(key, "true or false", found, diagnostics);
                None
            }
        }
    }

    /// An array of strings; a single string is accepted as an array of one. Elements of another
    /// type are reported and skipped.
    pub fn strings(&self, key: &str, diagnostics: &mut Diagnostics) -> Vec<Value<String>> {
        let Some(found) = self.get(key) else {
            return Vec::new();
        };
        match found.get_ref() {
            // A lone string where a list belongs ("fights, parents") would be read as one
            // item and silently lose what the author meant.
            DeValue::String(_) => {
                self.wrong_type(
                    key,
                    "a list of strings, such as [\"a\", \"b\"]",
                    found,
                    diagnostics,
                );
                Vec::new()
            }
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::String(text) => Some(Value {
                        value: text.to_string(),
                        span: item.span(),
                    }),
                    _ => {
                        self.wrong_type(key, "a list of strings", item, diagnostics);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(key, "a list of strings", found, diagnostics);
                Vec::new()
            }
        }
    }

    /// An array whose entries are each a string or a table (`["a", { id = "b" }]`, or
    /// `[[key]]` tables); a single string counts as a list of one. Other entries are reported
    /// and skipped.
    pub fn strings_or_tables(
        &self,
        key: &str,
        what: &str,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Entry<'a, 'i>> {
        let expected = "a list of strings or tables";
        let Some(found) = self.get(key) else {
            return Vec::new();
        };
        let entry = |item: &'a Spanned<DeValue<'i>>| match item.get_ref() {
            DeValue::String(text) => Some(Entry::String(Value {
                value: text.to_string(),
                span: item.span(),
            })),
            DeValue::Table(table) => Some(Entry::Table(self.child(table, item.span(), what))),
            _ => None,
        };
        match found.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| {
                    let read = entry(item);
                    if read.is_none() {
                        self.wrong_type(key, expected, item, diagnostics);
                    }
                    read
                })
                .collect(),
            DeValue::String(_) => entry(found).into_iter().collect(),
            _ => {
                self.wrong_type(key, expected, found, diagnostics);
                Vec::new()
            }
        }
    }

    /// A sub-table (`[key]` or `key = { ... }`).
    pub fn table(
        &self,
        key: &str,
        what: &str,
        diagnostics: &mut Diagnostics,
    ) -> Option<TableReader<'a, 'i>> {
        let found = self.get(key)?;
        match found.get_ref() {
            DeValue::Table(table) => Some(self.child(table, found.span(), what)),
            _ => {
                self.wrong_type(key, "a table", found, diagnostics);
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), each read by its own reader.
    pub fn tables(
        &self,
        key: &str,
        what: &str,
        diagnostics: &mut Diagnostics,
    ) -> Vec<TableReader<'a, 'i>> {
        let Some(found) = self.get(key) else {
            return Vec::new();
        };
        match found.get_ref() {
            DeValue::Array(items) => items
                .iter()
                .filter_map(|item| match item.get_ref() {
                    DeValue::Table(table) => Some(self.child(table, item.span(), what)),
                    _ => {
                        self.wrong_type(key, "an array of tables", item, diagnostics);
                        None
                    }
                })
                .collect(),
            _ => {
                self.wrong_type(key, "an array of tables", found, diagnostics);
                Vec::new()
            }
        }
    }

    /// Every key of the table with its value read as a list of strings (a lone string counts as
    /// a list of one): the shape of `[aliases]`.
    pub fn string_lists(
        &self,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(Value<String>, Vec<Value<String>>)> {
        self.table
            .iter()
            .map(|(key, _)| {
                let name = Value {
                    value: key.get_ref().to_string(),
                    span: key.span(),
                };
                let values = self.strings(&name.value, diagnostics);
                (name, values)
            })
            .collect()
    }

    /// Every key of the table with its value when it is a string; sub-tables are left to
    /// [`Self::sub_tables`], other values are reported.
    pub fn string_entries(
        &self,
        diagnostics: &mut Diagnostics,
    ) -> Vec<(Value<String>, Value<String>)> {
        self.table
            .iter()
            .filter(|(_, value)| !value.get_ref().is_table())
            .filter_map(|(key, _)| {
                let name = Value {
                    value: key.get_ref().to_string(),
                    span: key.span(),
                };
                let value = self.string(&name.value, diagnostics)?;
                Some((name, value))
            })
            .collect()
    }

    /// Every key whose value is a table, as its own reader (nested sections).
    pub fn sub_tables(&self) -> Vec<(Value<String>, TableReader<'a, 'i>)> {
        self.table
            .iter()
            .filter_map(|(key, value)| match value.get_ref() {
                DeValue::Table(table) => Some((
                    Value {
                        value: key.get_ref().to_string(),
                        span: key.span(),
                    },
                    self.child(table, value.span(), &format!("[{}]", key.get_ref())),
                )),
                _ => None,
            })
            .collect()
    }

    fn child(&self, table: &'a DeTable<'i>, span: Range<usize>, what: &str) -> TableReader<'a, 'i> {
        TableReader {
            source: self.source,
            table,
            span,
            what: what.to_string(),
        }
    }
}

fn describe_type(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, check: impl FnOnce(TableReader<'_, '_>, &mut Diagnostics)) -> Vec<String> {
        let source = SourceText::new("t.toml", text.to_string());
        let document = parse_document(&source).unwrap();
        let mut diagnostics = Diagnostics::default();
        check(
            TableReader::root(&source, &document, "the file"),
            &mut diagnostics,
        );
        diagnostics.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn suggests_close_keys_only() {
        assert_eq!(suggest("autor", ["author", "id"]), Some("author"));
        assert_eq!(suggest("Rebutts", ["rebuts", "quote"]), Some("rebuts"));
        assert_eq!(suggest("xyzzy", ["author", "id"]), None);
        assert_eq!(suggest("zz", ["id"]), None);
        // Equally close: the first in order, whatever order the candidates come in.
        assert_eq!(
            suggest("agaiuniforms", ["for-uniforms", "against-uniforms"]),
            Some("against-uniforms")
        );
        assert_eq!(
            suggest("agaiuniforms", ["against-uniforms", "for-uniforms"]),
            Some("against-uniforms")
        );
    }

    #[test]
    fn unknown_keys_point_at_the_key() {
        let found = read("id = 'a'\nautor = 'x'\n", |table, d| {
            table.reject_unknown_keys(&["id", "author"], d)
        });
        assert_eq!(
            found,
            ["t.toml:2:1: unknown key `autor` in the file; did you mean `author`?"]
        );
    }

    #[test]
    fn missing_keys_point_at_their_table() {
        let found = read("a = 1\n\n[[arguments]]\nid = 'x'\n", |table, d| {
            for argument in table.tables("arguments", "argument", d) {
                argument.required_string("quote", d);
            }
        });
        assert_eq!(
            found,
            ["t.toml:3:1: argument is missing the required key `quote`"]
        );
    }

    #[test]
    fn wrong_types_point_at_the_value() {
        let found = read("id = 7\nkeywords = ['a', 2]\n", |table, d| {
            table.string("id", d);
            table.strings("keywords", d);
        });
        assert_eq!(
            found,
            [
                "t.toml:1:6: `id` in the file must be a string, found an integer",
                "t.toml:2:18: `keywords` in the file must be a list of strings, found an integer"
            ]
        );
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let source = SourceText::new("t.toml", "a = 1\nb = \n".to_string());
        let error = parse_document(&source).unwrap_err();
        assert_eq!(error.position.map(|p| p.0), Some(2));
        assert!(
            error.message.starts_with("TOML syntax error"),
            "{}",
            error.message
        );
    }

    #[test]
    fn an_unclosed_multiline_string_is_reported_where_it_opens() {
        let text = "a = 1\nb = \"\"\"never closed\nc = 2\nd = 3\n";
        let source = SourceText::new("p.toml", text.to_string());
        let error = parse_document(&source).err().unwrap().to_string();
        assert!(error.starts_with("p.toml:2:5: "), "{error}");
        assert!(error.contains("never closed"), "{error}");

        let closed = "a = \"\"\"one\"\"\"\nb = \"\"\"two\n";
        let source = SourceText::new("p.toml", closed.to_string());
        let error = parse_document(&source).err().unwrap().to_string();
        assert!(error.starts_with("p.toml:2:5: "), "{error}");
    }
}
