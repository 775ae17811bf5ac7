-- Class rooms (issue 10): rooms and rosters survive a restart. Secrets are stored as SHA-256
-- hashes (hex): a copy of the database reveals no teacher key or resume token.
CREATE TABLE rooms (
    code         VARCHAR(8)    NOT NULL PRIMARY KEY,
    teacher_key  VARCHAR(64)   NOT NULL,
    exercise     VARCHAR(8192),
    anonymized   BOOLEAN       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE room_students (
    room_code    VARCHAR(8)    NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
    id           VARCHAR(16)   NOT NULL,
    token        VARCHAR(64)   NOT NULL,
    name         VARCHAR(100)  NOT NULL,
    number       INTEGER       NOT NULL,
    link         VARCHAR(8192),
    joined_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (room_code, id)
);
