//! Reading the text files that strangers may hand us (packs, configs, message catalogues) and
//! reporting what is wrong with them precisely: every problem is a [`Diagnostic`] that points at
//! `PATH:LINE:COLUMN`, the way `debate-drill check` prints it.
//!
//! This room sits at the bottom of the house: it imports nothing else of ours.

mod diagnostic;
mod table;
mod text;

pub use diagnostic::{Diagnostic, Diagnostics, Severity};
pub use table::{Entry, TableReader, Value, parse_document, suggest};
pub use text::{SourceText, decode_source, read_source};
