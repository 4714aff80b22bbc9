//! The clash ledger: every counter served stays open until a later turn answers it; when the
//! round ends, the open ones are dropped. The store keeps the ledger; this file reads it.

use crate::pack::{ArgumentIndex, Pack};
use crate::store::ClashRecord;

use super::scoring::Rubric;

/// The open counter a reply answers, if any: the most recently served one it disputes.
pub fn answered_counter(
    rubric: &Rubric,
    side: &str,
    reply: &str,
    open: &[ArgumentIndex],
) -> Option<ArgumentIndex> {
    let answers = rubric.answers(side, reply);
    open.iter().rev().copied().find(|&counter| answers(counter))
}

/// The ledger split into answered and still open (dropped, once the round is over), each
/// counter once, in the order first served. A counter served more than once is answered when
/// any of its clashes was answered, so it is never both. Counters the pack no longer holds are
/// left out.
pub fn split(pack: &Pack, clashes: &[ClashRecord]) -> (Vec<ArgumentIndex>, Vec<ArgumentIndex>) {
    let mut ordered: Vec<&ClashRecord> = clashes.iter().collect();
    ordered.sort_by_key(|clash| clash.served_turn);
    let mut counters: Vec<(ArgumentIndex, bool)> = Vec::new();
    for clash in ordered {
        let Some(index) = pack.argument_index(&clash.counter_argument) else {
            continue;
        };
        match counters.iter_mut().find(|(counter, _)| *counter == index) {
            Some((_, answered)) => *answered |= !clash.is_open(),
            None => counters.push((index, !clash.is_open())),
        }
    }
    let (answered, open): (Vec<_>, Vec<_>) = counters.into_iter().partition(|(_, a)| *a);
    let indices = |list: Vec<(ArgumentIndex, bool)>| list.into_iter().map(|(c, _)| c).collect();
    (indices(answered), indices(open))
}
