//! Property-based fuzzing of what strangers hand the bot: pack text mutated at random, and
//! arbitrary bytes given as an upload. Nothing may panic, and every problem must point inside
//! the text it names. CI runs a bounded number of cases; for a long run outside CI:
//!
//! ```text
//! PROPTEST_CASES=1000000 cargo test --release --test pack_fuzz
//! ```

use debate_drill::pack::{load_sources, read_upload};
use debate_drill::source::SourceText;
use proptest::prelude::*;

const PACK: &str = include_str!("data/good-packs/uniforms.toml");

/// One edit of a text: replace, insert or delete a few bytes at a place.
#[derive(Debug, Clone)]
enum Edit {
    Replace(usize, Vec<u8>),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

/// Bytes that matter to TOML and to the pack rules, mixed with any byte at all.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let tokens = prop::sample::select(vec![
        &b"["[..],
        b"]",
        b"[[",
        b"]]",
        b"=",
        b"\"",
        b"\"\"\"",
        b"'",
        b"\n",
        b"\r\n",
        b"#",
        b",",
        b"{",
        b"}",
        b"id = \"x\"",
        b"rebuts = [\"smith.cost\"]",
        b"role = \"context\"",
        b"\xe2\x80\xae",
        b"\x00",
        b"\xff",
    ]);
    prop_oneof![
        tokens.prop_map(<[u8]>::to_vec),
        prop::collection::vec(any::<u8>(), 1..8),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), interesting_bytes()).prop_map(|(at, bytes)| Edit::Replace(at, bytes)),
        (any::<usize>(), interesting_bytes()).prop_map(|(at, bytes)| Edit::Insert(at, bytes)),
        (any::<usize>(), 1usize..40).prop_map(|(at, length)| Edit::Delete(at, length)),
    ]
}

fn apply(text: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut bytes = text.to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Replace(at, new) => {
                let at = at % len;
                let end = (at + new.len()).min(bytes.len());
                bytes.splice(at.min(bytes.len())..end, new.iter().copied());
            }
            Edit::Insert(at, new) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Delete(at, length) => {
                let at = (at % len).min(bytes.len());
                let end = (at + length).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}

proptest! {
    #[test]
    fn a_mutated_pack_never_panics_and_every_problem_points_inside_it(
        edits in prop::collection::vec(edit(), 1..6)
    ) {
        let bytes = apply(PACK.as_bytes(), &edits);
        // The same route an upload takes: bytes, decoded and checked, then loaded.
        match read_upload("fuzzed.toml", bytes) {
            Ok(files) => {
                let loaded = files.load();
                let text = &files.pack_file.text;
                let lines = text.lines().count().max(1) + 1;
                for diagnostic in loaded.diagnostics.iter() {
                    if let Some((line, column)) = diagnostic.position {
                        prop_assert!(line >= 1 && line <= lines, "{diagnostic}");
                        prop_assert!(column >= 1, "{diagnostic}");
                    }
                }
            }
            Err(problems) => prop_assert!(!problems.is_empty()),
        }
    }

    #[test]
    fn arbitrary_bytes_as_an_upload_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        zip in any::<bool>(),
    ) {
        let name = if zip { "upload.zip" } else { "upload.toml" };
        if let Ok(files) = read_upload(name, bytes) {
            let _ = files.load();
        }
    }

    #[test]
    fn a_loaded_pack_text_is_stable_under_a_second_load(
        edits in prop::collection::vec(edit(), 0..3)
    ) {
        let bytes = apply(PACK.as_bytes(), &edits);
        if let Ok(text) = String::from_utf8(bytes) {
            let source = SourceText::new("fuzzed.toml", text);
            let first = load_sources(&source, &[]);
            let second = load_sources(&source, &[]);
            prop_assert_eq!(first.diagnostics, second.diagnostics);
        }
    }
}
