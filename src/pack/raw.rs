//! A pack as written, before its cross-references are checked: every value keeps the place it
//! came from, so that later checks can point at it.

use std::path::Path;
use std::sync::Arc;

use super::model::Role;
use crate::source::{Diagnostic, SourceText};

/// A place in a file: where a value, a key or a table starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Site {
    pub path: Arc<Path>,
    pub line: usize,
    pub column: usize,
}

impl Site {
    pub fn new(source: &SourceText, path: &Arc<Path>, offset: usize) -> Self {
        let (line, column) = source.position(offset);
        Self {
            path: path.clone(),
            line,
            column,
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, Some((self.line, self.column)), message)
    }

    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(&self.path, Some((self.line, self.column)), message)
    }
}

impl std::fmt::Display for Site {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.path.display(), self.line, self.column)
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub site: Site,
}

#[derive(Debug, Clone)]
pub(crate) struct RawPack {
    pub site: Site,
    pub id: Option<Located<String>>,
    pub title: String,
    pub motion: String,
    pub description: String,
    pub is_default: bool,
    pub sides: Vec<RawSide>,
    pub aliases: Vec<RawAliasGroup>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawSide {
    pub site: Site,
    pub id: Option<Located<String>>,
    pub name: String,
    pub summary: String,
    pub positions: Vec<Located<String>>,
    pub opposes: Vec<Located<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawAliasGroup {
    pub canonical: Located<String>,
    pub variants: Vec<Located<String>>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawPosition {
    pub site: Site,
    pub id: Option<Located<String>>,
    pub side: Option<Located<String>>,
    pub author: String,
    pub source: String,
    pub url: String,
    pub thesis: String,
    pub arguments: Vec<RawArgument>,
    /// Where `arguments` is written, when it is (an empty list is reported there).
    pub arguments_site: Option<Site>,
}

#[derive(Debug, Clone)]
pub(crate) struct RawArgument {
    pub site: Site,
    pub id: Option<Located<String>>,
    pub claim: String,
    pub quote: String,
    pub keywords: Vec<String>,
    pub evidence: Vec<String>,
    pub role: Role,
    pub rebuts: Vec<RawRebuttal>,
}

/// One `rebuts` link as written: the target, and the line of clash when the author gave one.
#[derive(Debug, Clone)]
pub(crate) struct RawRebuttal {
    pub target: Located<String>,
    pub reason: Option<String>,
}
