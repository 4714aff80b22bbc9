-- Classroom drills, continued (issue 6): a drill may be scheduled to begin by itself; timed
-- drills send reminders, each exactly once even across restarts; members keep the display name
-- they joined with (for the CSV export); and a versus pair shares one thread, so a member is
-- found by the place they argue in.

-- When the ticker begins the drill by itself (NULL: only /drill begin does).
ALTER TABLE drills ADD COLUMN begin_at_ms INTEGER;

-- The member's display name in the server when they joined (NULL for members from before).
ALTER TABLE drill_members ADD COLUMN display_name TEXT;

CREATE INDEX drill_members_by_place ON drill_members (place_key);

-- A reminder is claimed by inserting its row before it is posted, so it is posted at most once.
CREATE TABLE drill_reminders (
    drill_id INTEGER NOT NULL REFERENCES drills (id) ON DELETE CASCADE,
    -- "halfway", "last-minute".
    reminder TEXT NOT NULL,
    sent_ms  INTEGER NOT NULL,
    PRIMARY KEY (drill_id, reminder)
);
