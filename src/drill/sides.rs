//! Who argues which side: the student's choice, a random side for solo practice, a balanced
//! assignment for a class, or balanced pairs of opponents for a versus drill. All randomness
//! comes from a seedable generator so a round replays.

use rand::rngs::StdRng;
use rand::seq::{IndexedRandom, SliceRandom};
use rand::{Rng, SeedableRng};

/// A generator seeded with `seed`, or from the operating system when there is none.
pub fn rng_from(seed: Option<u64>) -> StdRng {
    match seed {
        Some(seed) => StdRng::seed_from_u64(seed),
        None => StdRng::from_os_rng(),
    }
}

/// One side of `sides` at random; `None` only when there are none.
pub fn random_side<'s>(sides: &'s [String], rng: &mut StdRng) -> Option<&'s str> {
    sides.choose(rng).map(String::as_str)
}

/// Assigns every member a side, in member order: each goes to a side with the fewest members so
/// far, ties broken at random. Members are taken in a shuffled order so that who lands where is
/// not decided by the order they joined in. The same seed gives the same assignment.
pub fn balance<M: Clone>(members: &[M], sides: &[String], seed: u64) -> Vec<(M, String)> {
    if sides.is_empty() {
        return Vec::new();
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.shuffle(&mut rng);
    let mut counts = vec![0usize; sides.len()];
    let mut assigned: Vec<Option<usize>> = vec![None; members.len()];
    for member in order {
        let fewest = *counts.iter().min().expect("sides is not empty");
        let candidates: Vec<usize> = (0..sides.len()).filter(|&s| counts[s] == fewest).collect();
        let side = *candidates
            .choose(&mut rng)
            .expect("some side has the fewest");
        counts[side] += 1;
        assigned[member] = Some(side);
    }
    members
        .iter()
        .zip(assigned)
        .map(|(member, side)| {
            let side = side.expect("every member was assigned");
            (member.clone(), sides[side].clone())
        })
        .collect()
}

/// Members seated against each other, each with a side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairing<M> {
    /// Two members each, on sides that oppose each other.
    pub pairs: Vec<[(M, String); 2]>,
    /// Members left without an opponent: the odd one out (or everyone, when no two sides oppose).
    pub alone: Vec<(M, String)>,
}

/// Pairs members against each other. Each pair gets two sides that oppose each other: of all
/// such couples of sides, one with the fewest members so far (ties at random), so sides stay
/// balanced; who argues which of the two is random too. An odd member out gets the side with
/// the fewest members. Members are taken in a shuffled order, so joining together does not
/// decide pairs; the same seed gives the same pairing.
pub fn pair_opponents<M: Clone>(
    members: &[M],
    sides: &[String],
    opposes: impl Fn(&str, &str) -> bool,
    seed: u64,
) -> Pairing<M> {
    let mut rng = StdRng::seed_from_u64(seed);
    let mut order: Vec<usize> = (0..members.len()).collect();
    order.shuffle(&mut rng);
    let couples: Vec<(usize, usize)> = (0..sides.len())
        .flat_map(|a| (a + 1..sides.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| opposes(&sides[a], &sides[b]))
        .collect();
    let mut counts = vec![0usize; sides.len()];
    let mut pairs = Vec::new();
    let paired = if couples.is_empty() {
        0
    } else {
        order.len() / 2 * 2
    };
    for two in order[..paired].chunks_exact(2) {
        let load = |&(a, b): &(usize, usize)| (counts[a] + counts[b], counts[a].max(counts[b]));
        let least = couples
            .iter()
            .map(load)
            .min()
            .expect("couples is not empty");
        let fewest: Vec<(usize, usize)> = couples
            .iter()
            .copied()
            .filter(|couple| load(couple) == least)
            .collect();
        let (a, b) = *fewest
            .choose(&mut rng)
            .expect("some couple has the least load");
        let (first, second) = if rng.random_bool(0.5) { (a, b) } else { (b, a) };
        counts[a] += 1;
        counts[b] += 1;
        pairs.push([
            (members[two[0]].clone(), sides[first].clone()),
            (members[two[1]].clone(), sides[second].clone()),
        ]);
    }
    let mut alone = Vec::new();
    for &member in &order[paired..] {
        let Some(fewest) = counts.iter().min().copied() else {
            break;
        };
        let candidates: Vec<usize> = (0..sides.len()).filter(|&s| counts[s] == fewest).collect();
        let side = *candidates
            .choose(&mut rng)
            .expect("some side has the fewest");
        counts[side] += 1;
        alone.push((members[member].clone(), sides[side].clone()));
    }
    Pairing { pairs, alone }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sides(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("side-{i}")).collect()
    }

    #[test]
    fn thirty_students_over_four_sides_differ_by_at_most_one() {
        let students: Vec<u32> = (0..30).collect();
        let assignment = balance(&students, &sides(4), 7);
        assert_eq!(assignment.len(), 30);
        let mut counts = std::collections::HashMap::new();
        for (_, side) in &assignment {
            *counts.entry(side.clone()).or_insert(0) += 1;
        }
        let (min, max) = (counts.values().min(), counts.values().max());
        assert_eq!(counts.len(), 4);
        assert!(max.unwrap() - min.unwrap() <= 1, "{counts:?}");
        let members: Vec<u32> = assignment.iter().map(|(m, _)| *m).collect();
        assert_eq!(members, students, "members keep their order");
    }

    #[test]
    fn the_same_seed_gives_the_same_assignment() {
        let students: Vec<u32> = (0..30).collect();
        assert_eq!(
            balance(&students, &sides(5), 42),
            balance(&students, &sides(5), 42)
        );
        assert_ne!(
            balance(&students, &sides(5), 42),
            balance(&students, &sides(5), 43)
        );
    }

    #[test]
    fn no_sides_assigns_nobody() {
        assert!(balance(&[1, 2], &[], 1).is_empty());
    }

    /// Two camps, as in the bundled pack: every side of one opposes every side of the other.
    fn camps() -> (Vec<String>, impl Fn(&str, &str) -> bool) {
        let sides = sides(5);
        let camp = |side: &str| side < "side-3";
        (sides, move |a: &str, b: &str| camp(a) != camp(b))
    }

    #[test]
    fn six_students_make_three_pairs_on_opposing_and_balanced_sides() {
        let (sides, opposes) = camps();
        let students: Vec<u32> = (0..6).collect();
        let pairing = pair_opponents(&students, &sides, &opposes, 11);
        assert_eq!(pairing.pairs.len(), 3);
        assert!(pairing.alone.is_empty());
        let mut seated: Vec<u32> = Vec::new();
        let mut counts = std::collections::HashMap::new();
        for [(a, side_a), (b, side_b)] in &pairing.pairs {
            assert!(opposes(side_a, side_b), "{side_a} vs {side_b}");
            seated.extend([*a, *b]);
            *counts.entry(side_a.clone()).or_insert(0) += 1;
            *counts.entry(side_b.clone()).or_insert(0) += 1;
        }
        seated.sort();
        assert_eq!(seated, students, "everyone seated once");
        assert_eq!(counts.len(), 5, "every side used: {counts:?}");
        assert!(counts.values().all(|&n| n <= 2), "{counts:?}");
    }

    #[test]
    fn an_odd_student_out_argues_alone_on_a_side_with_the_fewest() {
        let (sides, opposes) = camps();
        let pairing = pair_opponents(&[1, 2, 3], &sides, opposes, 5);
        assert_eq!(pairing.pairs.len(), 1);
        let [(_, a), (_, b)] = &pairing.pairs[0];
        let (_, alone) = &pairing.alone[0];
        assert_eq!(pairing.alone.len(), 1);
        assert!(
            alone != a && alone != b,
            "a side nobody argues yet: {alone}"
        );
    }

    #[test]
    fn pairing_is_reproducible_and_needs_opposing_sides() {
        let (sides, opposes) = camps();
        let students: Vec<u32> = (0..8).collect();
        assert_eq!(
            pair_opponents(&students, &sides, &opposes, 3),
            pair_opponents(&students, &sides, &opposes, 3)
        );
        let nobody_opposes = pair_opponents(&[1, 2], &sides, |_: &str, _: &str| false, 3);
        assert!(nobody_opposes.pairs.is_empty());
        assert_eq!(nobody_opposes.alone.len(), 2);
        assert!(pair_opponents(&[1, 2], &[], &opposes, 3).alone.is_empty());
    }

    #[test]
    fn random_side_is_reproducible() {
        let all = sides(5);
        let first = random_side(&all, &mut rng_from(Some(3))).map(str::to_owned);
        let again = random_side(&all, &mut rng_from(Some(3))).map(str::to_owned);
        assert_eq!(first, again);
        assert!(random_side(&[], &mut rng_from(None)).is_none());
    }
}
