//! Rank statistics over a set of queries: top-1, top-3 and mean reciprocal rank.

/// Ranks beyond this are not looked at (MRR@10).
pub const MAX_RANK: usize = 10;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RankStats {
    pub queries: usize,
    top1: usize,
    top3: usize,
    reciprocal_sum: f64,
}

impl RankStats {
    /// Records one query, given the 1-based rank of its first expected hit (`None`: not found
    /// within [`MAX_RANK`]).
    pub fn record(&mut self, rank: Option<usize>) {
        self.queries += 1;
        if let Some(rank) = rank.filter(|&rank| (1..=MAX_RANK).contains(&rank)) {
            self.top1 += usize::from(rank == 1);
            self.top3 += usize::from(rank <= 3);
            self.reciprocal_sum += 1.0 / rank as f64;
        }
    }

    pub fn top1(&self) -> f64 {
        self.share(self.top1 as f64)
    }

    pub fn top3(&self) -> f64 {
        self.share(self.top3 as f64)
    }

    pub fn mrr(&self) -> f64 {
        self.share(self.reciprocal_sum)
    }

    fn share(&self, count: f64) -> f64 {
        if self.queries == 0 {
            0.0
        } else {
            count / self.queries as f64
        }
    }
}

/// `count` as a share of `total`; 0 when there is nothing to count.
pub fn share(count: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        count as f64 / total as f64
    }
}

/// The 1-based rank of the first of `ranking` that is in `expect`.
pub fn first_rank<T: PartialEq>(
    ranking: impl IntoIterator<Item = T>,
    expect: &[T],
) -> Option<usize> {
    ranking
        .into_iter()
        .position(|item| expect.contains(&item))
        .map(|index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_ranks() {
        let mut stats = RankStats::default();
        for rank in [Some(1), Some(2), Some(4), None] {
            stats.record(rank);
        }
        assert_eq!(stats.top1(), 0.25);
        assert_eq!(stats.top3(), 0.5);
        assert!((stats.mrr() - (1.0 + 0.5 + 0.25) / 4.0).abs() < 1e-12);
    }

    #[test]
    fn ignores_ranks_past_the_cut() {
        let mut stats = RankStats::default();
        stats.record(Some(MAX_RANK + 1));
        assert_eq!(stats.mrr(), 0.0);
    }

    #[test]
    fn empty_stats_are_zero() {
        assert_eq!(RankStats::default().top1(), 0.0);
    }

    #[test]
    fn finds_the_first_expected() {
        assert_eq!(first_rank([5, 3, 7], &[7, 3]), Some(2));
        assert_eq!(first_rank([5], &[7]), None);
    }
}
