//! Who argues which side: the student's choice, a random side for solo practice, or a balanced
//! assignment for a class. All randomness comes from a seedable generator so a round replays.

use rand::SeedableRng;
use rand::rngs::StdRng;
use rand::seq::IndexedRandom;

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
    use rand::seq::SliceRandom;

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

    #[test]
    fn random_side_is_reproducible() {
        let all = sides(5);
        let first = random_side(&all, &mut rng_from(Some(3))).map(str::to_owned);
        let again = random_side(&all, &mut rng_from(Some(3))).map(str::to_owned);
        assert_eq!(first, again);
        assert!(random_side(&[], &mut rng_from(None)).is_none());
    }
}
