//! `debate-drill check [PATH ...]`: validates packs, position files, config files and message
//! catalogues, printing one `PATH:LINE:COLUMN: message` line per problem and a summary line.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Cli, Failure};
use crate::config::Config;
use crate::pack::limits::MAX_FILE_BYTES;
use crate::pack::{PACK_FILE, Pack, check_position_file, find_packs, load_pack, looks_like_pack};
use crate::prompts;
use crate::source::{Diagnostic, Diagnostics, SourceText, parse_document, read_source};

/// The config file's sections: a TOML file made only of these is a config file.
const CONFIG_SECTIONS: &[&str] = &[
    "packs", "prompts", "database", "discord", "matcher", "drill", "scoring",
];

/// What was checked, for the summary line.
#[derive(Default)]
struct Tally {
    packs: usize,
    positions: usize,
    arguments: usize,
    files: usize,
}

pub fn run(cli: &Cli, paths: &[PathBuf]) -> Result<(), Failure> {
    let defaults;
    let paths = if paths.is_empty() {
        defaults = [cli.packs.clone(), PathBuf::from("prompts")]
            .into_iter()
            .filter(|p| p.exists())
            .collect::<Vec<_>>();
        if defaults.is_empty() {
            return Err(Failure::Usage(format!(
                "nothing to check: {} does not exist; name the packs, configs or prompts to check",
                cli.packs.display()
            )));
        }
        &defaults
    } else {
        paths
    };
    let mut diagnostics = Diagnostics::default();
    let mut tally = Tally::default();
    for path in paths {
        check_path(path, &mut diagnostics, &mut tally);
    }
    let mut out = std::io::stdout().lock();
    for diagnostic in diagnostics.iter() {
        writeln!(out, "{diagnostic}")?;
    }
    writeln!(out, "{}", summary(&diagnostics, &tally))?;
    if diagnostics.has_errors() {
        Err(Failure::Invalid(String::new()))
    } else {
        Ok(())
    }
}

fn summary(diagnostics: &Diagnostics, tally: &Tally) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut checked = vec![plural(tally.packs, "pack", "packs")];
    if tally.packs > 0 {
        checked.push(plural(tally.positions, "position", "positions"));
        checked.push(plural(tally.arguments, "argument", "arguments"));
    }
    if tally.files > 0 {
        checked.push(plural(tally.files, "other file", "other files"));
    }
    format!(
        "{}, {} (checked {})",
        plural(diagnostics.error_count(), "error", "errors"),
        plural(diagnostics.warning_count(), "warning", "warnings"),
        checked.join(", ")
    )
}

fn check_path(path: &Path, diagnostics: &mut Diagnostics, tally: &mut Tally) {
    if path.is_dir() {
        if path.join(PACK_FILE).exists() {
            check_pack(path, diagnostics, tally);
        } else if is_prompts_folder(path) {
            check_prompts_folder(path, diagnostics, tally);
        } else {
            check_pack_folder(path, diagnostics, tally);
        }
    } else {
        check_file(path, diagnostics, tally);
    }
}

/// A folder of packs: each pack, then the packs against each other.
fn check_pack_folder(path: &Path, diagnostics: &mut Diagnostics, tally: &mut Tally) {
    let pack_paths = match find_packs(path) {
        Ok(found) if found.paths.is_empty() && found.refused.is_empty() => {
            diagnostics.push(Diagnostic::error(
                path,
                None,
                "no packs here: expected pack folders (each with a pack.toml) or single-file packs",
            ));
            return;
        }
        Ok(found) => {
            diagnostics.extend(found.refused);
            found.paths
        }
        Err(problem) => return diagnostics.push(problem),
    };
    let mut loaded: Vec<(PathBuf, Pack)> = Vec::new();
    for pack_path in pack_paths {
        if let Some(pack) = check_pack(&pack_path, diagnostics, tally) {
            loaded.push((pack_path, pack));
        }
    }
    for (index, (pack_path, pack)) in loaded.iter().enumerate() {
        if let Some((first, _)) = loaded[..index]
            .iter()
            .find(|(_, other)| other.id == pack.id)
        {
            diagnostics.push(Diagnostic::error(
                pack_path,
                None,
                format!(
                    "pack id `{}` is already used by {}",
                    pack.id,
                    first.display()
                ),
            ));
        }
    }
    let defaults: Vec<&str> = loaded
        .iter()
        .filter(|(_, p)| p.is_default)
        .map(|(_, p)| p.id.as_str())
        .collect();
    if defaults.len() > 1 {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            format!(
                "several packs are marked `default = true`: {}",
                defaults.join(", ")
            ),
        ));
    }
}

fn check_pack(path: &Path, diagnostics: &mut Diagnostics, tally: &mut Tally) -> Option<Pack> {
    let loaded = load_pack(path);
    diagnostics.extend(loaded.diagnostics);
    tally.packs += 1;
    tally.positions += loaded.read.positions;
    tally.arguments += loaded.read.arguments;
    loaded.pack
}

fn check_file(path: &Path, diagnostics: &mut Diagnostics, tally: &mut Tally) {
    let source = match read_source(path, MAX_FILE_BYTES) {
        Ok(source) => source,
        Err(problem) => {
            tally.files += 1;
            return diagnostics.push(problem);
        }
    };
    match classify(&source) {
        Kind::Pack => {
            check_pack(path, diagnostics, tally);
        }
        Kind::Position => check_position(path, &source, diagnostics, tally),
        Kind::Config => {
            tally.files += 1;
            if let Err(problems) = Config::parse(&source) {
                diagnostics.extend(problems);
            }
        }
        Kind::Prompts => {
            tally.files += 1;
            prompts::check(&source, diagnostics);
        }
        Kind::Unknown(problem) => {
            tally.files += 1;
            diagnostics.push(problem);
        }
    }
}

/// A position file is checked inside its pack when it has one (so references resolve), and
/// only its own problems are reported.
fn check_position(
    path: &Path,
    source: &SourceText,
    diagnostics: &mut Diagnostics,
    tally: &mut Tally,
) {
    let parent = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if parent.join(PACK_FILE).exists() {
        let loaded = load_pack(parent);
        tally.packs += 1;
        for diagnostic in loaded.diagnostics {
            if diagnostic.path == path {
                diagnostics.push(diagnostic);
            }
        }
        if let Some(pack) = loaded.pack {
            tally.positions += 1;
            tally.arguments += pack
                .positions
                .iter()
                .find(|p| path.file_stem().is_some_and(|stem| stem == p.id.as_str()))
                .map_or(0, |p| p.arguments.len());
        }
    } else {
        tally.files += 1;
        diagnostics.extend(check_position_file(source));
    }
}

enum Kind {
    Pack,
    Position,
    Config,
    Prompts,
    Unknown(Diagnostic),
}

/// Tells a file's kind by its top-level keys (or, for catalogues, its folder).
fn classify(source: &SourceText) -> Kind {
    let in_prompts_folder = source
        .path
        .parent()
        .and_then(Path::file_name)
        .is_some_and(|name| name == "prompts");
    if in_prompts_folder {
        return Kind::Prompts;
    }
    let document = match parse_document(source) {
        Ok(document) => document,
        // A file we cannot parse is reported as a position file would be: with its syntax error.
        Err(_) => return Kind::Position,
    };
    let keys: Vec<&str> = document
        .get_ref()
        .iter()
        .map(|(k, _)| k.get_ref().as_ref())
        .collect();
    if looks_like_pack(source) {
        Kind::Pack
    } else if keys
        .iter()
        .any(|k| ["arguments", "author", "thesis", "side"].contains(k))
    {
        Kind::Position
    } else if !keys.is_empty() && keys.iter().all(|k| CONFIG_SECTIONS.contains(k)) {
        Kind::Config
    } else {
        Kind::Unknown(Diagnostic::error(
            &source.path,
            None,
            "cannot tell what this file is: expected a pack (with `motion` and `sides`), a position (with `author` and `arguments`), a config file or a message catalogue",
        ))
    }
}

fn is_prompts_folder(path: &Path) -> bool {
    path.file_name().is_some_and(|name| name == "prompts")
        || (path.join("en.toml").exists()
            && find_packs(path)
                .is_ok_and(|found| found.paths.iter().all(|f| f.ends_with("en.toml"))))
}

fn check_prompts_folder(path: &Path, diagnostics: &mut Diagnostics, tally: &mut Tally) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    if files.is_empty() {
        diagnostics.push(Diagnostic::error(
            path,
            None,
            "no message catalogue here (expected en.toml)",
        ));
    }
    for file in files {
        tally.files += 1;
        match read_source(&file, MAX_FILE_BYTES) {
            Ok(source) => {
                prompts::check(&source, diagnostics);
            }
            Err(problem) => diagnostics.push(problem),
        }
    }
}
