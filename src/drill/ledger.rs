//! The clash ledger: every counter served stays open until a later turn answers it; when the
//! round ends, the open ones are dropped. The store keeps the ledger; this file reads it.

use crate::pack::{ArgumentIndex, Pack};
use crate::store::ClashRecord;

use super::scoring::Rubric;

/// The open counter a reply answers, if any: the most recently served one it engages.
pub fn answered_counter(
    rubric: &Rubric,
    side: &str,
    reply: &str,
    open: &[ArgumentIndex],
) -> Option<ArgumentIndex> {
    open.iter()
        .rev()
        .copied()
        .find(|&counter| rubric.engages(side, reply, counter))
}

/// The ledger split into answered and still open (dropped, once the round is over), each in
/// the order served. Counters the pack no longer holds are left out.
pub fn split(pack: &Pack, clashes: &[ClashRecord]) -> (Vec<ArgumentIndex>, Vec<ArgumentIndex>) {
    let mut answered = Vec::new();
    let mut open = Vec::new();
    let mut ordered: Vec<&ClashRecord> = clashes.iter().collect();
    ordered.sort_by_key(|clash| clash.served_turn);
    for clash in ordered {
        let Some(index) = pack.argument_index(&clash.counter_argument) else {
            continue;
        };
        if clash.is_open() {
            open.push(index);
        } else {
            answered.push(index);
        }
    }
    (answered, open)
}
