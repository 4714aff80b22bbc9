-- Classroom drills (issue 6): one open drill per channel, its members and their sides. A
-- member's round is an ordinary round tagged with `rounds.drill_id`.

CREATE TABLE drills (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    scope       TEXT NOT NULL,
    channel_key TEXT NOT NULL,
    -- The pack as the rounds store it (a bundled id or "SCOPE/ID").
    pack_key    TEXT NOT NULL,
    mode        TEXT NOT NULL,
    max_turns   INTEGER,
    minutes     INTEGER,
    seed        INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    created_ms  INTEGER NOT NULL,
    begun_ms    INTEGER,
    deadline_ms INTEGER,
    ended_ms    INTEGER
);

CREATE UNIQUE INDEX drills_one_open_per_channel ON drills (channel_key) WHERE ended_ms IS NULL;
CREATE INDEX drills_by_scope ON drills (scope);

CREATE TABLE drill_members (
    drill_id  INTEGER NOT NULL REFERENCES drills (id) ON DELETE CASCADE,
    user_key  TEXT NOT NULL,
    joined_ms INTEGER NOT NULL,
    -- Set when sides are assigned (at begin, or on joining a begun drill).
    side      TEXT,
    place_key TEXT,
    PRIMARY KEY (drill_id, user_key)
);
