//! The slash commands, one file per group. Names and option names are fixed by CONTRACT.md.

mod end;
mod forget;
mod practice;
mod study;
mod turn;

use super::errors::Notice;
use super::state::{Context, Data, Error};

/// Every command the bot registers (globally, from `framework`).
pub fn all() -> Vec<poise::Command<Data, Error>> {
    vec![
        practice::practice(),
        turn::argue(),
        study::hint(),
        study::brief(),
        end::end(),
        forget::forget_me(),
    ]
}

/// Until the drill engine is wired in, every command says where practice works today.
fn engine_pending(ctx: Context<'_>) -> Result<(), Error> {
    let _working = ctx.data().inflight().enter();
    Err(Notice(
        "Practice on Discord is not open yet; `debate-drill practice` works in a terminal.".into(),
    )
    .into())
}
