-- The first schema: users, rounds, turns, the clash ledger, and per-scope settings.
-- Timestamps are unix milliseconds (INTEGER). Keys such as "discord:1234" or "dm:1234" are
-- opaque to the store. Kept to SQL that PostgreSQL also accepts where that costs nothing.

CREATE TABLE users (
    user_key      TEXT PRIMARY KEY NOT NULL,
    first_seen_ms INTEGER NOT NULL
);

CREATE TABLE rounds (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    user_key     TEXT NOT NULL REFERENCES users (user_key) ON DELETE CASCADE,
    place_key    TEXT NOT NULL,
    pack_id      TEXT NOT NULL,
    side         TEXT NOT NULL,
    seed         INTEGER,
    -- Set for rounds played inside a classroom drill. The drills table arrives with its own
    -- migration (issue 6); until then this is a plain column.
    drill_id     INTEGER,
    max_turns    INTEGER,
    deadline_ms  INTEGER,
    started_ms   INTEGER NOT NULL,
    ended_ms     INTEGER,
    end_reason   TEXT,
    summary_json TEXT,
    CHECK ((ended_ms IS NULL) = (end_reason IS NULL))
);

-- At most one active round per user per place.
CREATE UNIQUE INDEX rounds_one_active_per_place ON rounds (user_key, place_key)
    WHERE ended_ms IS NULL;
CREATE INDEX rounds_by_user ON rounds (user_key);
CREATE INDEX rounds_by_drill ON rounds (drill_id) WHERE drill_id IS NOT NULL;

CREATE TABLE turns (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id         INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    number           INTEGER NOT NULL CHECK (number >= 1),
    -- Where the message came from (a Discord message id); NULLs never collide.
    source_id        TEXT,
    -- The student's words: personal data, blanked by the retention purge.
    message          TEXT NOT NULL,
    matched_argument TEXT,
    matched_score    REAL,
    counter_argument TEXT,
    answers_counter  TEXT,
    scores_json      TEXT NOT NULL,
    total            REAL NOT NULL,
    created_ms       INTEGER NOT NULL,
    UNIQUE (round_id, number),
    UNIQUE (round_id, source_id)
);

CREATE INDEX turns_by_age ON turns (created_ms);

-- Each counter served opens a clash; a later turn that answers it closes it.
CREATE TABLE clashes (
    round_id         INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    counter_argument TEXT NOT NULL,
    served_turn      INTEGER NOT NULL,
    answered_turn    INTEGER,
    PRIMARY KEY (round_id, served_turn)
);

-- Settings by scope ("guild:1234", "global"): instructor role, retention, default pack, ...
CREATE TABLE settings (
    scope      TEXT NOT NULL,
    key        TEXT NOT NULL,
    value      TEXT NOT NULL,
    updated_ms INTEGER NOT NULL,
    PRIMARY KEY (scope, key)
);
