//! Recognising what a student means: normalisation, the pack's index, ranking, and the choice
//! of counter.
//!
//! A message and every argument go through the same analysis (`analyze`: normalise, tokenise,
//! correct typos, stem, read aliases, drop stop words); the index (`index`) holds the arguments'
//! fields for BM25F, and `rank` scores a message against it with a confidence. `search` is the
//! room's front door, `counter` picks the bot's answer. This room imports only `pack`.

mod aliases;
mod analyze;
mod counter;
mod cues;
mod index;
mod moves;
mod normalize;
mod rank;
#[cfg(test)]
mod robustness;
mod search;
mod shorthand;
mod stopwords;
mod synonyms;
mod tokenize;
mod tuning;
mod typo;

/// Hash maps keyed by our own terms: foldhash is several times faster than SipHash on short
/// keys, and its per-process seed keeps a stranger's pack from choosing collisions.
type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
type FastSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;

pub use counter::{Candidate, CounterChoice, CounterVia, choose_counter, unserved_counter};
pub use cues::{Cues, plain};
pub use moves::{Move, read_move};
pub use search::{Hit, Matcher, TextRanking};
pub use tuning::{Field, Tuning};
