-- Rooms across replicas (issue 13): join numbers are allocated by the database, so two servers
-- sharing a room never give the same number twice, and a resume token finds its room and student
-- on any server (by its hash).
ALTER TABLE rooms ADD COLUMN joined INTEGER DEFAULT 0 NOT NULL;
UPDATE rooms SET joined = (SELECT COALESCE(MAX(number), 0) FROM room_students WHERE room_code = rooms.code);
CREATE INDEX room_students_token ON room_students (token);
-- when a server last had the room in use (a dashboard open or a student connected): a shared room
-- unused for 12 hours is closed by whichever server sweeps first (null: not since it was created)
ALTER TABLE rooms ADD COLUMN used_at TIMESTAMP WITH TIME ZONE;
-- the student on the projector, so a server that reads the room later shows the same spotlight
ALTER TABLE rooms ADD COLUMN spotlight VARCHAR(16);
