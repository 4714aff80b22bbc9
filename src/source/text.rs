use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Diagnostic;

/// The text of one source file, decoded and checked, with what is needed to turn a byte offset
/// into the line and column a person reads.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// The path as it is shown in diagnostics (as given, not canonicalised).
    pub path: PathBuf,
    /// The text without a leading byte-order mark.
    pub text: String,
    line_starts: Vec<usize>,
    /// The characters before each [`CHAR_BLOCK`]-byte block: a column is then counted from
    /// the nearest block, not from the start of its line, so a file of one very long line
    /// costs no more per value than a file of short ones.
    chars_before_block: Vec<usize>,
}

/// Bytes per block of [`SourceText::chars_before_block`].
const CHAR_BLOCK: usize = 256;

impl SourceText {
    pub fn new(path: impl Into<PathBuf>, text: String) -> Self {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let chars_before_block = std::iter::once(0)
            .chain(text.as_bytes().chunks(CHAR_BLOCK).scan(0, |chars, block| {
                *chars += chars_in(block);
                Some(*chars)
            }))
            .collect();
        Self {
            path: path.into(),
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// 1-based line and column (counted in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let start = self.line_starts[line];
        let column =
            self.chars_before(self.text.floor_char_boundary(offset)) - self.chars_before(start);
        (line + 1, column + 1)
    }

    /// How many characters the text holds before the byte offset `at` (a char boundary).
    fn chars_before(&self, at: usize) -> usize {
        let block = at / CHAR_BLOCK;
        self.chars_before_block[block] + chars_in(&self.text.as_bytes()[block * CHAR_BLOCK..at])
    }

    pub fn error_at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(&self.path, Some(self.position(offset)), message)
    }
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

/// The characters that start in `bytes` (UTF-8: every byte that is not a continuation byte).
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

/// Reads a file of at most `max_bytes` and decodes it (see [`decode_source`]). Problems of the
/// whole file (missing, not a regular file, too large, empty, binary, not UTF-8) come back as
/// one diagnostic. Nothing given as a path can make this wait: a FIFO or a device is opened
/// without blocking and refused.
pub fn read_source(path: &Path, max_bytes: u64) -> Result<SourceText, Diagnostic> {
    let whole_file = |message: String| Diagnostic::error(path, None, message);
    let file = open_without_blocking(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => whole_file("no such file or folder".into()),
        _ => whole_file(format!("cannot read: {e}")),
    })?;
    let metadata = file
        .metadata()
        .map_err(|e| whole_file(format!("cannot read: {e}")))?;
    if !metadata.is_file() {
        return Err(whole_file(
            "not a regular file (a folder, FIFO, socket or device); give a .toml file".into(),
        ));
    }
    let declared = metadata.len();
    if declared > max_bytes {
        return Err(whole_file(too_large(declared, max_bytes)));
    }
    // Read one byte past the limit, so a file that grows while we read is still caught.
    let mut bytes = Vec::new();
    file.take(max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| whole_file(format!("cannot read: {e}")))?;
    decode_source(path, bytes, max_bytes)
}

/// Checks and decodes bytes that claim to be a text file: at most `max_bytes`, not empty, no NUL
/// bytes, valid UTF-8. A UTF-8 byte-order mark is dropped; CRLF line endings are read as LF.
pub fn decode_source(
    path: &Path,
    bytes: Vec<u8>,
    max_bytes: u64,
) -> Result<SourceText, Diagnostic> {
    let whole_file = |message: String| Diagnostic::error(path, None, message);
    if bytes.len() as u64 > max_bytes {
        return Err(whole_file(too_large(bytes.len() as u64, max_bytes)));
    }
    if bytes.is_empty() {
        return Err(whole_file("file is empty".into()));
    }
    if bytes.contains(&0) {
        return Err(whole_file(
            "binary file (it contains NUL bytes), not TOML text".into(),
        ));
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        whole_file(format!(
            "not valid UTF-8 text (first invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    };
    // CRLF files are read as LF, so a multi-line string keeps no carriage returns (a lone CR is
    // still refused where text is checked); lines and columns are unchanged.
    let text = if text.contains("\r\n") {
        text.replace("\r\n", "\n")
    } else {
        text
    };
    Ok(SourceText::new(path, text))
}

fn too_large(size: u64, max_bytes: u64) -> String {
    format!("file is too large: {size} bytes, the limit is {max_bytes} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_counted_in_characters_on_a_long_line_too() {
        let line = format!("{}é = 1", "“x” ".repeat(300));
        let source = SourceText::new("a.toml", format!("first\n{line}"));
        let offset = source.text.find('é').unwrap();
        assert_eq!(source.position(offset), (2, 4 * 300 + 1));
        assert_eq!(source.position(source.text.len()), (2, 4 * 300 + 6));
    }

    #[test]
    fn positions_count_lines_and_characters() {
        let source = SourceText::new("a.toml", "ab\n“é” = 1\nx".to_string());
        assert_eq!(source.position(0), (1, 1));
        assert_eq!(source.position(3), (2, 1));
        let equals = source.text.find('=').unwrap();
        assert_eq!(source.position(equals), (2, 5));
        assert_eq!(source.position(source.text.len()), (3, 2));
    }

    #[test]
    fn crlf_lines_are_counted_once() {
        let source = SourceText::new("a.toml", "a = 1\r\nb = 2\r\n".to_string());
        assert_eq!(source.position(source.text.find('b').unwrap()), (2, 1));
    }

    #[test]
    fn whole_file_problems() {
        let path = Path::new("p.toml");
        let message = |bytes: &[u8]| decode_source(path, bytes.to_vec(), 10).unwrap_err().message;
        assert_eq!(message(b""), "file is empty");
        assert!(message(b"a\0b").starts_with("binary file"));
        assert!(message(b"a = \xff").starts_with("not valid UTF-8"));
        assert!(message(&[b'a'; 11]).starts_with("file is too large: 11 bytes"));
    }

    #[test]
    fn byte_order_mark_is_dropped() {
        let source =
            decode_source(Path::new("p.toml"), b"\xef\xbb\xbfa = 1".to_vec(), 100).unwrap();
        assert_eq!(source.text, "a = 1");
    }
}
