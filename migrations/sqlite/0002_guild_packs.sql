-- Packs uploaded by instructors (issue 6), scoped to one server ("guild:1234"). The files are
-- kept as text exactly as validated, so a restart loads them again through the same checks.

CREATE TABLE scoped_packs (
    scope       TEXT NOT NULL,
    pack_id     TEXT NOT NULL,
    -- [{"path": "...", "text": "..."}], the pack file first.
    files_json  TEXT NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_ms INTEGER NOT NULL,
    PRIMARY KEY (scope, pack_id)
);
