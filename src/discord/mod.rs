//! The Discord adapter: poise on serenity. It turns slash commands, button clicks and plain
//! messages into engine commands and renders the engine's answers as embeds. No engine logic
//! lives here, and no Discord type leaves this room.
//!
//! `bootstrap` builds the client and runs it until a signal; `framework` wires the commands,
//! the message handler and the error handler; `commands/` holds one file per command group.

mod bootstrap;
mod buttons;
mod card;
mod classroom;
mod commands;
mod download;
mod errors;
mod events;
mod framework;
mod inflight;
mod instructors;
mod layout;
mod mentions;
mod moderation;
mod pack_sync;
mod post;
mod reload;
mod render;
mod rounds;
mod shutdown;
mod state;
mod text;
mod threads;
mod typing;
mod validation;

pub use bootstrap::serve;
