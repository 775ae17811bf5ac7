-- Saved runs (issue 11). Portable SQL: the same file runs on PostgreSQL and on H2 in its
-- PostgreSQL mode. snapshot holds RunSnapshotCodec's bytes (link, data, weights, state, history).
CREATE TABLE runs (
    id          VARCHAR(32)   NOT NULL PRIMARY KEY,
    link        VARCHAR(8192) NOT NULL,
    epoch       INTEGER       NOT NULL,
    size_bytes  INTEGER       NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    snapshot    BYTEA         NOT NULL
);

-- retention deletes runs not opened for N days
CREATE INDEX runs_opened_at ON runs (opened_at);
