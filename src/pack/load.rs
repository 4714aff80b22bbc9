//! Finding and reading a pack's files — a pack folder, a single-file pack, or a folder of packs —
//! safely: bounded sizes and counts, and no symbolic link followed out of a pack's folder.

use std::fs;
use std::path::{Path, PathBuf};

use super::assemble::assemble;
use super::limits::{MAX_FILE_BYTES, MAX_FILES};
use super::model::Pack;
use super::parse::{ParsedFile, parse_pack_file, parse_position_file};
use super::raw::{RawPack, RawPosition};
use crate::source::{Diagnostic, Diagnostics, SourceText, read_source};

/// The name of the file that makes a folder a pack.
pub const PACK_FILE: &str = "pack.toml";

/// What loading one pack gave: the pack when it has no errors, and every problem found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub pack: Option<Pack>,
    pub diagnostics: Diagnostics,
    /// The positions and arguments read, whether or not the pack as a whole is valid.
    pub read: Read,
}

/// What the files of a pack held, as read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Read {
    pub positions: usize,
    pub arguments: usize,
}

/// Loads a pack from its files' text, already read: the pack file first (a `pack.toml` or a
/// single-file pack), then its position files. Used for folders, single files and uploads alike.
pub fn load_sources(pack_file: &SourceText, position_files: &[SourceText]) -> Loaded {
    let mut diagnostics = Diagnostics::default();
    let mut positions: Vec<RawPosition> = Vec::new();
    let header: Option<RawPack> = match parse_pack_file(pack_file, &mut diagnostics) {
        Some(ParsedFile::Pack(header, inline)) => {
            positions.extend(inline);
            Some(header)
        }
        _ => None,
    };
    for file in position_files {
        if let Some(ParsedFile::Position(position)) = parse_position_file(file, &mut diagnostics) {
            positions.push(position);
        }
    }
    let read = Read {
        positions: positions.len(),
        arguments: positions.iter().map(|p| p.arguments.len()).sum(),
    };
    let pack = header.and_then(|header| assemble(&header, &positions, &mut diagnostics));
    diagnostics.sort();
    Loaded {
        pack: pack.filter(|_| !diagnostics.has_errors()),
        diagnostics,
        read,
    }
}

/// Loads a pack folder (`pack.toml` and one `.toml` per position) or a single-file pack.
pub fn load_pack(path: &Path) -> Loaded {
    if path.is_dir() {
        load_pack_dir(path)
    } else {
        match read_source(path, MAX_FILE_BYTES) {
            Ok(source) => load_sources(&source, &[]),
            Err(problem) => failed(problem),
        }
    }
}

fn load_pack_dir(dir: &Path) -> Loaded {
    let pack_path = dir.join(PACK_FILE);
    let pack_file = match read_in_pack(dir, &pack_path) {
        Ok(source) => source,
        Err(problem) => return failed(problem),
    };
    let mut diagnostics = Diagnostics::default();
    let mut position_files = Vec::new();
    match position_paths(dir) {
        Ok(paths) => {
            if paths.len() + 1 > MAX_FILES {
                diagnostics.push(Diagnostic::error(
                    dir,
                    None,
                    format!(
                        "too many files: {} TOML files, the limit is {MAX_FILES}",
                        paths.len() + 1
                    ),
                ));
            }
            for path in paths.into_iter().take(MAX_FILES - 1) {
                match read_in_pack(dir, &path) {
                    Ok(source) => position_files.push(source),
                    Err(problem) => diagnostics.push(problem),
                }
            }
        }
        Err(problem) => diagnostics.push(problem),
    }
    let mut loaded = load_sources(&pack_file, &position_files);
    if !diagnostics.is_empty() {
        loaded.pack = None;
        diagnostics.extend(loaded.diagnostics);
        diagnostics.sort();
        loaded.diagnostics = diagnostics;
    }
    loaded
}

/// The position files of a pack folder: every `*.toml` but `pack.toml`, sorted by name.
fn position_paths(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let entries = fs::read_dir(dir)
        .map_err(|e| Diagnostic::error(dir, None, format!("cannot read the folder: {e}")))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|ext| ext == "toml")
                && path.file_name().is_some_and(|name| name != PACK_FILE)
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// Whether `path` is a symbolic link that leads out of `dir` (or nowhere): such a link is
/// never followed, so a folder cannot be made to read files from elsewhere on the machine.
fn leads_out(dir: &Path, path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && !match (fs::canonicalize(dir), fs::canonicalize(path)) {
            (Ok(dir), Ok(target)) => target.starts_with(dir),
            _ => false,
        }
}

/// Reads a file of a pack folder, refusing a symbolic link that leads out of the folder.
fn read_in_pack(dir: &Path, path: &Path) -> Result<SourceText, Diagnostic> {
    if leads_out(dir, path) {
        return Err(Diagnostic::error(
            path,
            None,
            "symbolic link leads out of the pack's folder (or nowhere); it is not followed",
        ));
    }
    if path.is_dir() {
        return Err(Diagnostic::error(
            path,
            None,
            "is a folder, not a TOML file",
        ));
    }
    read_source(path, MAX_FILE_BYTES)
}

fn failed(problem: Diagnostic) -> Loaded {
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(problem);
    Loaded {
        pack: None,
        diagnostics,
        read: Read::default(),
    }
}

/// Where the packs under a path are: the path itself when it is a pack (a folder with a
/// `pack.toml`, or a TOML file), else each pack folder and single-file pack directly inside it.
/// A symbolic link inside that leads out of the folder is not followed: it is reported in
/// `refused`, beside the packs found.
pub fn find_packs(path: &Path) -> Result<FoundPacks, Diagnostic> {
    if !path.exists() && fs::symlink_metadata(path).is_err() {
        return Err(Diagnostic::error(path, None, "no such file or folder"));
    }
    if !path.is_dir() || path.join(PACK_FILE).exists() {
        return Ok(FoundPacks {
            paths: vec![path.to_path_buf()],
            refused: Diagnostics::default(),
        });
    }
    let entries = fs::read_dir(path)
        .map_err(|e| Diagnostic::error(path, None, format!("cannot read the folder: {e}")))?;
    let mut packs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|entry| {
            if entry.is_dir() {
                entry.join(PACK_FILE).exists()
            } else {
                entry.extension().is_some_and(|ext| ext == "toml")
            }
        })
        .collect();
    packs.sort();
    let mut refused = Diagnostics::default();
    packs.retain(|pack| {
        let out = leads_out(path, pack);
        if out {
            refused.push(Diagnostic::error(
                pack,
                None,
                "symbolic link leads out of the packs folder (or nowhere); it is not followed",
            ));
        }
        !out
    });
    if !packs.is_empty() && packs.iter().all(|file| is_position_file(file)) {
        let names: Vec<String> = packs
            .iter()
            .filter_map(|file| file.file_name())
            .map(|name| name.to_string_lossy().into_owned())
            .collect();
        return Err(Diagnostic::error(
            path,
            None,
            format!(
                "no {PACK_FILE} here: this folder holds position files ({}); add a {PACK_FILE} with the pack's id, title, motion and sides",
                names.join(", ")
            ),
        ));
    }
    Ok(FoundPacks {
        paths: packs,
        refused,
    })
}

/// The packs under a path, and the entries refused on the way.
#[derive(Debug, Default)]
pub struct FoundPacks {
    pub paths: Vec<PathBuf>,
    pub refused: Diagnostics,
}

/// Whether a file reads as one author's position file (its own `side`, no `motion`): found
/// where a pack should be, it means the pack's `pack.toml` is missing.
fn is_position_file(file: &Path) -> bool {
    let Ok(source) = read_source(file, MAX_FILE_BYTES) else {
        return false;
    };
    source.text.parse::<toml::Table>().is_ok_and(|table| {
        table.contains_key("side") && !table.contains_key("motion") && !table.contains_key("sides")
    })
}

/// Every pack under a path, with all their problems. A pack id given twice is an error.
pub fn load_library(path: &Path) -> (Vec<Pack>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let mut packs: Vec<Pack> = Vec::new();
    match find_packs(path) {
        Ok(found) if found.paths.is_empty() && found.refused.is_empty() => {
            diagnostics.push(Diagnostic::error(
                path,
                None,
                "no packs here: expected pack folders (each with a pack.toml) or single-file packs",
            ))
        }
        Ok(found) => {
            diagnostics.extend(found.refused);
            for pack_path in found.paths {
                let loaded = load_pack(&pack_path);
                diagnostics.extend(loaded.diagnostics);
                if let Some(pack) = loaded.pack {
                    if packs.iter().any(|p| p.id == pack.id) {
                        diagnostics.push(Diagnostic::error(
                            &pack_path,
                            None,
                            format!(
                                "pack id `{}` is used by another pack in {}",
                                pack.id,
                                path.display()
                            ),
                        ));
                    } else {
                        packs.push(pack);
                    }
                }
            }
        }
        Err(problem) => diagnostics.push(problem),
    }
    (packs, diagnostics)
}

/// Checks a position file on its own, with no pack around it: everything but references.
pub fn check_position_file(source: &SourceText) -> Diagnostics {
    let mut diagnostics = Diagnostics::default();
    parse_position_file(source, &mut diagnostics);
    diagnostics.sort();
    diagnostics
}
