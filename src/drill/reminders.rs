//! Reminders in a timed classroom drill: halfway through, and with a minute left. Each falls
//! at a moment fixed by when the drill began and when it ends, so a restart finds the same
//! ones due; a drill too short for one goes without it.

/// The last-minute reminder comes this long before the end.
const LAST_MINUTE_MS: i64 = 60_000;
/// Shorter drills get no last-minute reminder (it would come at the start).
const LAST_MINUTE_FROM_MS: i64 = 2 * 60_000;
/// Shorter drills get no halfway reminder (it would come on top of the last-minute one).
const HALFWAY_FROM_MS: i64 = 4 * 60_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reminder {
    Halfway,
    LastMinute,
}

impl Reminder {
    /// In the order they fall.
    pub const ALL: [Reminder; 2] = [Reminder::Halfway, Reminder::LastMinute];

    /// The name the store records it by.
    pub fn name(self) -> &'static str {
        match self {
            Reminder::Halfway => "halfway",
            Reminder::LastMinute => "last-minute",
        }
    }

    /// When it falls in a drill running from `begun_ms` to `deadline_ms`; `None` when the
    /// drill is too short for it.
    pub fn due_at(self, begun_ms: i64, deadline_ms: i64) -> Option<i64> {
        let length = deadline_ms - begun_ms;
        match self {
            Reminder::Halfway => (length >= HALFWAY_FROM_MS).then_some(begun_ms + length / 2),
            Reminder::LastMinute => {
                (length >= LAST_MINUTE_FROM_MS).then_some(deadline_ms - LAST_MINUTE_MS)
            }
        }
    }

    /// The latest reminder whose moment has come by `now_ms`, while the drill still runs. An
    /// earlier one missed (the bot was down) is not sent late: only the latest is news.
    pub fn latest_due(begun_ms: i64, deadline_ms: i64, now_ms: i64) -> Option<Reminder> {
        if now_ms >= deadline_ms {
            return None;
        }
        Reminder::ALL.into_iter().rfind(|reminder| {
            reminder
                .due_at(begun_ms, deadline_ms)
                .is_some_and(|at| at <= now_ms)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINUTE: i64 = 60_000;

    #[test]
    fn a_ten_minute_drill_is_reminded_halfway_then_with_a_minute_left() {
        let due = |minutes_in: i64| Reminder::latest_due(0, 10 * MINUTE, minutes_in * MINUTE);
        assert_eq!(due(4), None);
        assert_eq!(due(5), Some(Reminder::Halfway));
        assert_eq!(due(8), Some(Reminder::Halfway));
        assert_eq!(due(9), Some(Reminder::LastMinute));
        assert_eq!(due(10), None, "over: the drill ends instead");
    }

    #[test]
    fn short_drills_skip_the_reminders_that_would_crowd_them() {
        assert_eq!(Reminder::Halfway.due_at(0, 3 * MINUTE), None);
        assert_eq!(Reminder::LastMinute.due_at(0, 3 * MINUTE), Some(2 * MINUTE));
        assert_eq!(Reminder::LastMinute.due_at(0, MINUTE), None);
        assert_eq!(Reminder::latest_due(0, MINUTE, MINUTE / 2), None);
    }
}
