//! Persistence: rounds, turns, the clash ledger, users and settings, in SQLite (embedded, the
//! default) or PostgreSQL (shared by several processes) through sqlx.
//!
//! This room remembers what happened so that a restart loses nothing: every turn is committed
//! before the engine replies, and an interrupted round can be found again with
//! [`Store::active_rounds`]. It keeps its own plain record types and knows nothing of the drill
//! engine, the matcher or Discord; users and places are opaque keys such as `"discord:1234"` and
//! `"dm:1234"`. Queries are checked at run time (no database needed to compile), and the schema
//! lives in `migrations/`, embedded in the binary.
//!
//! Classroom drills (their members, schedule and reminders) and uploaded packs have their own
//! tables and files here; rounds played in a drill carry `rounds.drill_id`. Whatever is stored
//! about a user must also be deleted by [`Store::forget_user`].

mod clashes;
mod clock;
pub use clock::{Clock, now_ms};
mod drill_schedule;
mod drills;
mod error;
mod locks;
mod open;
mod packs;
mod records;
mod reviews;
mod rounds;
mod rows;
mod settings;
mod turns;
mod users;

pub use drills::{DrillMember, DrillRecord, NewDrill};
pub use error::StoreError;
pub use locks::PlaceLock;
pub use open::{Backend, Store};
pub use packs::ScopedPackRecord;
pub use records::{
    ClashOrigin, ClashRecord, EndedRound, NewRound, NewTurn, OpponentPoint, RoundHistory,
    RoundRecord, TurnRecord,
};
pub use reviews::ReviewCardRecord;
