-- Students the teacher removed from a class: their resume token's hash and their name (lower
-- case) stay refused by that class after a restart and on every server. They go with the room.
CREATE TABLE room_bans (
    room_code    VARCHAR(8)    NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
    token        VARCHAR(64)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    PRIMARY KEY (room_code, token)
);

CREATE INDEX room_bans_token ON room_bans (token);

-- Classes their teacher closed, kept for 12 hours: the code answers "this class has ended" (not
-- "no class with that code") and is not given to a new class; the teacher key's hash lets the
-- teacher's dashboard show it ended, with the report as it was at the end.
CREATE TABLE ended_rooms (
    code         VARCHAR(8)    NOT NULL PRIMARY KEY,
    teacher_key  VARCHAR(64)   NOT NULL,
    report       TEXT          NOT NULL,
    ended_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX ended_rooms_ended_at ON ended_rooms (ended_at);

-- a checkpoint written when its run stopped training (a pause, a drain): resuming from it loses no training
ALTER TABLE checkpoints ADD COLUMN settled BOOLEAN DEFAULT FALSE NOT NULL;

-- The servers sharing this database and where the others reach each one (a teacher on one
-- server watches a run that trains on another through it); seen_at: its last heartbeat.
CREATE TABLE replicas (
    id           VARCHAR(60)   NOT NULL PRIMARY KEY,
    address      VARCHAR(300)  NOT NULL,
    seen_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
