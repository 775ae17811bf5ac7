-- Live runs' checkpoints (issue 13): one row per run owner, overwritten every few seconds while it
-- trains, so another replica can take the run over. key: "solo:<SHA-256 of the page's resume
-- token>" or "student:<id>" (no secret in clear); snapshot: RunSnapshotCodec's bytes.
-- "key" is quoted everywhere: H2 reserves the word.
CREATE TABLE checkpoints (
    "key"        VARCHAR(100)  NOT NULL PRIMARY KEY,
    epoch        INTEGER       NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot     BYTEA         NOT NULL
);

-- the sweep deletes checkpoints not saved for a day
CREATE INDEX checkpoints_saved_at ON checkpoints (saved_at);
