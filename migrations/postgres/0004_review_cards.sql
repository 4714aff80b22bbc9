-- Review cards (issue 14): each counter a student dropped, or answered weakly, comes back for
-- review on a spaced-repetition schedule (FSRS). One card per student, pack, side and counter;
-- the scheduler's state is kept field by field.

CREATE TABLE review_cards (
    user_key         TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    pack_id          TEXT NOT NULL,
    side             TEXT NOT NULL,
    counter_argument TEXT NOT NULL,
    due_ms           BIGINT NOT NULL,
    stability        DOUBLE PRECISION NOT NULL,
    difficulty       DOUBLE PRECISION NOT NULL,
    elapsed_days     BIGINT NOT NULL,
    scheduled_days   BIGINT NOT NULL,
    reps             BIGINT NOT NULL,
    lapses           BIGINT NOT NULL,
    state            BIGINT NOT NULL,
    last_review_ms   BIGINT NOT NULL,
    PRIMARY KEY (user_key, pack_id, side, counter_argument)
);

CREATE INDEX review_cards_due ON review_cards (user_key, due_ms);
