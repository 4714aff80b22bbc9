//! Which packs the engine serves where: the bundled packs everywhere, and each server's own
//! uploads in that server only. The registry is swapped whole (copy, change, swap), so a reader
//! sees either the old set or the new one, never a pack half-loaded.
//!
//! A round stores its pack as a key: a bundled pack's id, or `SCOPE/ID` for a scoped one (ids
//! never hold `/`, so the two never collide).

use std::collections::HashMap;
use std::sync::Arc;

use super::error::DrillError;
use super::scoring::Rubric;

#[derive(Default, Clone)]
pub struct Registry {
    bundled: Vec<Arc<Rubric>>,
    scoped: HashMap<String, Vec<Arc<Rubric>>>,
    defaults: HashMap<String, String>,
}

/// The key a round stores for a pack served in `scope` (`None`: bundled).
pub fn pack_key(scope: Option<&str>, id: &str) -> String {
    match scope {
        Some(scope) => format!("{scope}/{id}"),
        None => id.to_string(),
    }
}

/// The scope and id a pack key names: [`pack_key`] undone.
pub fn split_pack_key(key: &str) -> (Option<&str>, &str) {
    match key.split_once('/') {
        Some((scope, id)) => (Some(scope), id),
        None => (None, key),
    }
}

impl Registry {
    pub fn new(bundled: Vec<Arc<Rubric>>) -> Registry {
        Registry {
            bundled,
            ..Registry::default()
        }
    }

    /// The pack a round's key names.
    pub fn by_key(&self, key: &str) -> Option<Arc<Rubric>> {
        match split_pack_key(key) {
            (Some(scope), id) => find(self.scoped.get(scope)?, id),
            (None, id) => find(&self.bundled, id),
        }
    }

    pub fn bundled(&self) -> &[Arc<Rubric>] {
        &self.bundled
    }

    pub fn scoped(&self, scope: Option<&str>) -> &[Arc<Rubric>] {
        scope
            .and_then(|scope| self.scoped.get(scope))
            .map_or(&[], Vec::as_slice)
    }

    /// Every scoped pack, as (scope, id).
    pub fn scoped_ids(&self) -> Vec<(String, String)> {
        self.scoped
            .iter()
            .flat_map(|(scope, packs)| {
                packs
                    .iter()
                    .map(move |rubric| (scope.clone(), rubric.pack().id.clone()))
            })
            .collect()
    }

    pub fn default_of(&self, scope: Option<&str>) -> Option<&str> {
        scope
            .and_then(|scope| self.defaults.get(scope))
            .map(String::as_str)
    }

    pub fn set_bundled(&mut self, bundled: Vec<Arc<Rubric>>) {
        self.bundled = bundled;
    }

    /// Adds or replaces `scope`'s pack of the same id.
    pub fn install(&mut self, scope: &str, rubric: Arc<Rubric>) {
        let packs = self.scoped.entry(scope.to_string()).or_default();
        packs.retain(|r| r.pack().id != rubric.pack().id);
        packs.push(rubric);
        packs.sort_by(|a, b| a.pack().id.cmp(&b.pack().id));
    }

    /// Removes `scope`'s pack `id`; whether there was one.
    pub fn uninstall(&mut self, scope: &str, id: &str) -> bool {
        let Some(packs) = self.scoped.get_mut(scope) else {
            return false;
        };
        let before = packs.len();
        packs.retain(|r| r.pack().id != id);
        if self.defaults.get(scope).is_some_and(|d| d == id) {
            self.defaults.remove(scope);
        }
        packs.len() != before
    }

    /// The pack asked for (the scope's own first); else the scope's default; else the only
    /// one; else the one marked default. With the key its rounds store.
    pub fn choose(
        &self,
        scope: Option<&str>,
        wanted: Option<&str>,
    ) -> Result<(String, Arc<Rubric>), DrillError> {
        let scoped = self.scoped(scope);
        let bundled = self.bundled();
        let ids = || {
            scoped
                .iter()
                .chain(bundled)
                .map(|r| r.pack().id.clone())
                .collect()
        };
        let find = |id: &str| {
            let found = |r: &&Arc<Rubric>| r.pack().id == id;
            if let Some(rubric) = scoped.iter().find(found) {
                return Some((pack_key(scope, id), Arc::clone(rubric)));
            }
            bundled
                .iter()
                .find(found)
                .map(|rubric| (id.to_string(), Arc::clone(rubric)))
        };
        if let Some(id) = wanted {
            return find(id).ok_or_else(|| DrillError::UnknownPack {
                pack: id.to_string(),
                packs: ids(),
            });
        }
        if let Some(found) = self.default_of(scope).and_then(find) {
            return Ok(found);
        }
        let all: Vec<&Arc<Rubric>> = scoped.iter().chain(bundled).collect();
        let chosen = match all.as_slice() {
            [only] => Some(*only),
            all => bundled
                .iter()
                .chain(scoped)
                .find(|rubric| rubric.pack().is_default)
                .or_else(|| all.iter().copied().find(|r| r.pack().is_default)),
        };
        chosen
            .and_then(|rubric| find(&rubric.pack().id))
            .ok_or_else(|| DrillError::NoDefaultPack { packs: ids() })
    }

    /// Every scope's default pack, all at once.
    pub fn replace_defaults(&mut self, defaults: HashMap<String, String>) {
        self.defaults = defaults;
    }

    pub fn set_default(&mut self, scope: &str, id: Option<String>) {
        match id {
            Some(id) => self.defaults.insert(scope.to_string(), id),
            None => self.defaults.remove(scope),
        };
    }
}

fn find(rubrics: &[Arc<Rubric>], id: &str) -> Option<Arc<Rubric>> {
    rubrics.iter().find(|r| r.pack().id == id).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_key_splits_back_into_its_scope_and_id() {
        for (scope, id) in [(Some("guild:1"), "uniforms"), (None, "ukraine-nato")] {
            assert_eq!(split_pack_key(&pack_key(scope, id)), (scope, id));
        }
    }
}
