-- A counter can now be served without a turn: the student asks for another one ("Next
-- counter"), or, in a versus drill, the opponent's argument becomes the counter to answer.
-- So a turn may open several clashes; each gets its own id, which also orders them.
-- `served_turn` is the number of turns the round held when the counter was served (0: before
-- the first turn), so only a later turn can answer it.

CREATE TABLE clashes_v2 (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    round_id         INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    counter_argument TEXT NOT NULL,
    served_turn      INTEGER NOT NULL CHECK (served_turn >= 0),
    answered_turn    INTEGER,
    -- Who served it: "turn" (the bot's answer to a turn), "next" (asked for), "opponent".
    origin           TEXT NOT NULL DEFAULT 'turn'
);

INSERT INTO clashes_v2 (round_id, counter_argument, served_turn, answered_turn)
    SELECT round_id, counter_argument, served_turn, answered_turn FROM clashes
    ORDER BY round_id, served_turn;

DROP TABLE clashes;
ALTER TABLE clashes_v2 RENAME TO clashes;

CREATE INDEX clashes_by_round ON clashes (round_id, id);
