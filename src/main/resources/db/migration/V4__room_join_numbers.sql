-- Rooms across replicas (issue 13): join numbers are allocated by the database, so two servers
-- sharing a room never give the same number twice, and a resume token finds its room and student
-- on any server (by its hash).
ALTER TABLE rooms ADD COLUMN joined INTEGER DEFAULT 0 NOT NULL;
UPDATE rooms SET joined = (SELECT COALESCE(MAX(number), 0) FROM room_students WHERE room_code = rooms.code);
CREATE INDEX room_students_token ON room_students (token);
