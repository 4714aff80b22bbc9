//! Loading the packs a command reads (`--packs`) and choosing the one it works on (`--pack`).

use std::path::Path;
use std::sync::Arc;

use super::{Cli, Failure};
use crate::pack::{Pack, load_library};

/// The loaded packs. Any error in any pack stops the command: a half-valid folder is not served.
pub struct Library {
    pub packs: Vec<Arc<Pack>>,
}

impl Library {
    pub fn load(cli: &Cli) -> Result<Library, Failure> {
        Library::load_from(&cli.packs)
    }

    /// The packs of a folder (or one pack folder, or a single-file pack).
    pub fn load_from(dir: &Path) -> Result<Library, Failure> {
        let (packs, diagnostics) = load_library(dir);
        if diagnostics.has_errors() {
            let problems: Vec<String> = diagnostics
                .iter()
                .filter(|d| d.is_error())
                .map(ToString::to_string)
                .collect();
            return Err(Failure::Invalid(format!(
                "the packs in {} have errors (run `debate-drill check {}`):\n{}",
                dir.display(),
                dir.display(),
                problems.join("\n")
            )));
        }
        Ok(Library {
            packs: packs.into_iter().map(Arc::new).collect(),
        })
    }

    /// The pack `--pack` names; else the only pack; else the one marked default.
    pub fn select(&self, wanted: Option<&str>) -> Result<Arc<Pack>, Failure> {
        let ids = || {
            self.packs
                .iter()
                .map(|p| p.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        };
        if let Some(id) = wanted {
            return self
                .packs
                .iter()
                .find(|p| p.id == id)
                .cloned()
                .ok_or_else(|| {
                    Failure::Invalid(format!("unknown pack `{id}`; the packs are: {}", ids()))
                });
        }
        if let [only] = self.packs.as_slice() {
            return Ok(only.clone());
        }
        let defaults: Vec<&Arc<Pack>> = self.packs.iter().filter(|p| p.is_default).collect();
        match defaults.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(Failure::Usage(format!(
                "there are several packs and none is marked `default = true`: pick one with --pack ({})",
                ids()
            ))),
            _ => Err(Failure::Invalid(format!(
                "several packs are marked `default = true` ({}): pick one with --pack",
                defaults
                    .iter()
                    .map(|p| p.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }
}
