//! Position packs: the motion, the sides, and each author's arguments with verbatim quotes.
//!
//! A pack is a folder (`pack.toml` plus one TOML file per position) or a single TOML file. The
//! loader checks everything a stranger's upload could get wrong and reports it at
//! `PATH:LINE:COLUMN`; a [`Pack`] exists only when nothing is wrong, so the rest of the house
//! never meets a dangling reference. This room imports nothing of ours but `source`.

mod assemble;
#[cfg(test)]
pub(crate) mod fixture;
pub mod limits;
mod load;
mod model;
mod parse;
mod raw;
pub mod synthetic;
mod upload;

pub use load::{
    Loaded, PACK_FILE, check_position_file, find_packs, load_library, load_pack, load_sources,
};
pub use model::{
    AliasGroup, Argument, ArgumentIndex, Pack, Position, Rebuttal, Role, Side, UNSIGNED,
};
pub use parse::looks_like_pack;
pub use upload::{MAX_UNZIPPED_BYTES, MAX_ZIP_ENTRIES, UploadedFiles, read_upload};
