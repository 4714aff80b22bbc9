use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is: errors make a pack (or config, or catalogue) unusable; warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in one file, at a line and column when it has one.
///
/// Displayed exactly as `check` prints it: `PATH:LINE:COLUMN: message`, or `PATH: message` for a
/// problem of the whole file, with `warning: ` in front of warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    /// 1-based line and column (in characters), absent for whole-file problems.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(
        path: &Path,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position,
            message: message.into(),
        }
    }

    pub fn warning(
        path: &Path,
        position: Option<(usize, usize)>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(path, position, message)
        }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        write!(f, "{}", OneLine(&self.path.display().to_string()))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": {}", OneLine(&self.message))
    }
}

/// Text from a pack or a file name, shown on one line and inert: control characters (a line
/// break that would forge another problem line, an ESC that would steer the terminal) and
/// bidirectional overrides are written as escapes.
struct OneLine<'a>(&'a str);

impl fmt::Display for OneLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                write!(f, "{}", c.escape_default())?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// The problems found in one or more files, kept in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Sorts by file, then position (whole-file problems first), errors before warnings at the
    /// same place; the sort is stable, so problems at one place keep the order they were found.
    pub fn sort(&mut self) {
        self.0.sort_by(|a, b| {
            (&a.path, a.position, a.severity).cmp(&(&b.path, b.position, b.severity))
        });
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_a_file_cannot_break_the_line_or_steer_the_terminal() {
        let diagnostic = Diagnostic::error(
            Path::new("bad\nname.toml"),
            Some((1, 1)),
            "unknown field `a\nb\u{1b}[31m\u{202e}`",
        );
        assert_eq!(
            diagnostic.to_string(),
            "bad\\nname.toml:1:1: unknown field `a\\nb\\u{1b}[31m\\u{202e}`"
        );
    }

    #[test]
    fn displays_like_a_compiler() {
        let path = Path::new("positions/x/a.toml");
        assert_eq!(
            Diagnostic::error(path, Some((3, 7)), "bad").to_string(),
            "positions/x/a.toml:3:7: bad"
        );
        assert_eq!(
            Diagnostic::error(path, None, "empty").to_string(),
            "positions/x/a.toml: empty"
        );
        assert_eq!(
            Diagnostic::warning(path, Some((1, 1)), "hm").to_string(),
            "warning: positions/x/a.toml:1:1: hm"
        );
    }
}
