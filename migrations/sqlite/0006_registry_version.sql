-- Several processes may share one store (PostgreSQL). Each serves packs from memory, built from
-- the uploaded packs and the settings; this counter goes up after every change to either, so
-- every process notices the change by reading one row and rebuilds what it serves.

CREATE TABLE versions (
    topic   TEXT PRIMARY KEY NOT NULL,
    version INTEGER NOT NULL
);

INSERT INTO versions (topic, version) VALUES ('registry', 0);
