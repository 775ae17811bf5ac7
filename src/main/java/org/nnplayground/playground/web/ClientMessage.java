package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nnplayground.playground.session.Session;

/** Every message a browser may send (docs/protocol.md); the wire's {@code type} picks the record. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientMessage.Load.class, name = "load"),
        @JsonSubTypes.Type(value = ClientMessage.LoadCsv.class, name = "loadCsv"),
        @JsonSubTypes.Type(value = ClientMessage.Play.class, name = "play"),
        @JsonSubTypes.Type(value = ClientMessage.Pause.class, name = "pause"),
        @JsonSubTypes.Type(value = ClientMessage.Step.class, name = "step"),
        @JsonSubTypes.Type(value = ClientMessage.Reset.class, name = "reset"),
        @JsonSubTypes.Type(value = ClientMessage.Regenerate.class, name = "regenerate"),
        @JsonSubTypes.Type(value = ClientMessage.Set.class, name = "set"),
        @JsonSubTypes.Type(value = ClientMessage.SetWeight.class, name = "setWeight"),
        @JsonSubTypes.Type(value = ClientMessage.SetBias.class, name = "setBias"),
        @JsonSubTypes.Type(value = ClientMessage.SelectNode.class, name = "selectNode"),
        @JsonSubTypes.Type(value = ClientMessage.Speed.class, name = "speed"),
        @JsonSubTypes.Type(value = ClientMessage.Insights.class, name = "insights"),
        @JsonSubTypes.Type(value = ClientMessage.DrawPoint.class, name = "drawPoint"),
        @JsonSubTypes.Type(value = ClientMessage.RemovePoint.class, name = "removePoint"),
        @JsonSubTypes.Type(value = ClientMessage.Sweep.class, name = "sweep"),
        @JsonSubTypes.Type(value = ClientMessage.CancelSweep.class, name = "cancelSweep"),
        // class rooms, on /ws/room only (docs/protocol.md, "Class rooms")
        @JsonSubTypes.Type(value = ClientMessage.Resume.class, name = "resume"),
        @JsonSubTypes.Type(value = ClientMessage.LeaveRoom.class, name = "leaveRoom"),
        @JsonSubTypes.Type(value = ClientMessage.Teach.class, name = "teach"),
        @JsonSubTypes.Type(value = ClientMessage.Watch.class, name = "watch"),
        @JsonSubTypes.Type(value = ClientMessage.PushExercise.class, name = "pushExercise"),
        @JsonSubTypes.Type(value = ClientMessage.PauseAll.class, name = "pauseAll"),
        @JsonSubTypes.Type(value = ClientMessage.ResumeAll.class, name = "resumeAll"),
        @JsonSubTypes.Type(value = ClientMessage.ResetAll.class, name = "resetAll"),
        @JsonSubTypes.Type(value = ClientMessage.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = ClientMessage.Spotlight.class, name = "spotlight"),
        @JsonSubTypes.Type(value = ClientMessage.Anonymize.class, name = "anonymize"),
        @JsonSubTypes.Type(value = ClientMessage.RemoveStudent.class, name = "removeStudent"),
        @JsonSubTypes.Type(value = ClientMessage.RemoveAway.class, name = "removeAway"),
        @JsonSubTypes.Type(value = ClientMessage.CloseRoom.class, name = "closeRoom"),
        @JsonSubTypes.Type(value = ClientMessage.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = ClientMessage.Save.class, name = "save"),
        @JsonSubTypes.Type(value = ClientMessage.LoadRun.class, name = "loadRun"),
})
public sealed interface ClientMessage {

    /** Hands this checked message to its session (which queues it for its scheduler turn). */
    void applyTo(Session s);

    private static String required(String value, String field) {
        if (value == null) throw new IllegalArgumentException("missing field '" + field + "'");
        return value;
    }

    /** A playground link (a full URL or the part after '#'), or the same as key -> value settings. */
    record Load(String link, java.util.Map<String, String> settings) implements ClientMessage {
        public void applyTo(Session s) {
            if (link == null && settings == null) throw new IllegalArgumentException("load needs 'link' or 'settings'");
            s.load(linkText());
        }

        /** The link, given as text or as settings. */
        String linkText() {
            if (link == null && settings == null) throw new IllegalArgumentException("load needs 'link' or 'settings'");
            return link != null ? link : asLink(settings);
        }

        /** The structured form, {"activation": "relu", ...}, is the same link spelled out. */
        private static String asLink(java.util.Map<String, String> settings) {
            StringBuilder b = new StringBuilder();
            settings.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
            return b.toString();
        }

        private static String encode(String text) {
            return java.net.URLEncoder.encode(text == null ? "" : text, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /** A CSV file's text as the data set; {@code label} names the label column (null: the last). */
    /**
     * A CSV file as the data: {@code upload}, the id {@code POST /api/csv} answered, or a small file's
     * {@code content} inline (at most the socket's 64 KiB); parsed off the trainer threads (CsvUploads).
     */
    record LoadCsv(String name, String content, String label, String upload) implements UploadRequest {
        public void applyTo(Connection c, CsvUploads uploads) {
            if (upload != null) c.session().loadData(uploads.take(upload));
            else if (content == null) throw new IllegalArgumentException("missing field 'upload' (the id POST /api/csv answered) or 'content'");
            else uploads.parse(c, content, name == null ? "upload.csv" : name, label);
        }
    }

    /** A message that needs the uploaded files (web/CsvUploads). */
    sealed interface UploadRequest extends ClientMessage {
        void applyTo(Connection c, CsvUploads uploads);

        @Override
        default void applyTo(Session s) {
            throw new IllegalStateException(getClass().getSimpleName() + " is handled with the uploads");
        }
    }

    record Play() implements ClientMessage {
        public void applyTo(Session s) { s.play(); }
    }

    record Pause() implements ClientMessage {
        public void applyTo(Session s) { s.pause(); }
    }

    /** Train {@code epochs} epochs (null: 1). */
    record Step(Integer epochs) implements ClientMessage {
        public void applyTo(Session s) { s.step(epochs == null ? 1 : epochs); }
    }

    record Reset() implements ClientMessage {
        public void applyTo(Session s) { s.reset(); }
    }

    record Regenerate() implements ClientMessage {
        public void applyTo(Session s) { s.regenerate(); }
    }

    /** Change one setting by its link key. */
    record Set(String key, String value) implements ClientMessage {
        public void applyTo(Session s) { s.set(required(key, "key"), required(value, "value")); }
    }

    record SetWeight(int layer, int to, int from, double value) implements ClientMessage {
        public void applyTo(Session s) { s.setWeight(layer, to, from, value); }
    }

    record SetBias(int layer, int node, double value) implements ClientMessage {
        public void applyTo(Session s) { s.setBias(layer, node, value); }
    }

    /** A node id from the session description, or null for the output. */
    record SelectNode(String node) implements ClientMessage {
        public void applyTo(Session s) { s.selectNode(node); }
    }

    /**
     * The page received {@code frames} binary frames (1 when absent; the page acknowledges two at a
     * time: flow control, see Connection); handled by the socket, not the session.
     */
    record Ack(Integer frames) implements ClientMessage {
        /** How many frames this acknowledges; an IllegalArgumentException outside 1..the window. */
        int count() {
            int n = frames == null ? 1 : frames;
            if (n < 1 || n > Connection.MAX_FRAMES_UNACKED) {
                throw new IllegalArgumentException("an ack counts 1 to " + Connection.MAX_FRAMES_UNACKED + " frames");
            }
            return n;
        }

        public void applyTo(Session s) {}
    }

    /** Epochs per frame; 0 = as fast as possible. */
    record Speed(int epochsPerFrame) implements ClientMessage {
        public void applyTo(Session s) { s.speed(epochsPerFrame); }
    }

    /** Shows or hides the course views (confusion matrix, predicted vs actual, gradients). */
    record Insights(boolean on) implements ClientMessage {
        public void applyTo(Session s) { s.insights(on); }
    }

    /** Draw mode: a point at (x, y) with a label (classification: +1 or -1; regression: the value). */
    record DrawPoint(double x, double y, double label) implements ClientMessage {
        public void applyTo(Session s) { s.drawPoint(x, y, label); }
    }

    /** Draw mode: removes the drawn point nearest (x, y). */
    record RemovePoint(double x, double y) implements ClientMessage {
        public void applyTo(Session s) { s.removePoint(x, y); }
    }

    /**
     * A hyperparameter sweep over the current settings: {@code vary} maps up to 3 link keys to their
     * values; {@code epochs} per run, {@code seeds} (default 1), {@code target} metric (default 0.9).
     */
    record Sweep(java.util.LinkedHashMap<String, java.util.List<String>> vary, Integer epochs, Integer seeds, Double target)
            implements ClientMessage {
        public void applyTo(Session s) {
            if (vary == null || vary.isEmpty()) throw new IllegalArgumentException("sweep needs 'vary': settings and their values");
            java.util.List<org.nnplayground.playground.sweep.SweepPlan.Axis> axes = new java.util.ArrayList<>();
            vary.forEach((k, v) -> axes.add(new org.nnplayground.playground.sweep.SweepPlan.Axis(k, v == null ? java.util.List.of() : v)));
            var plan = new org.nnplayground.playground.sweep.SweepPlan(axes, epochs == null ? 100 : epochs, seeds == null ? 1 : seeds,
                    target == null ? org.nnplayground.playground.sweep.SweepPlan.DEFAULT_TARGET : target);
            s.runInBackground(new org.nnplayground.playground.sweep.SweepJob(plan));
        }
    }

    /** Stops the running sweep. */
    record CancelSweep() implements ClientMessage {
        public void applyTo(Session s) { s.cancelBackground(); }
    }

    // ---- class rooms (RoomSocket): not for a session, so applyTo refuses them on /ws

    /** A class-room message: accepted on /ws/room only. */
    sealed interface RoomRequest extends ClientMessage {
        default void applyTo(Session s) {
            throw new IllegalArgumentException("this message is for a class room: connect to /ws/room");
        }
    }

    /**
     * A student's socket takes their place in the class back (the token from joining, kept by the
     * browser); on /ws a page takes its run back after a reconnect (the token from resumeToken: Failover).
     */
    record Resume(String token) implements RoomRequest {}

    /** The student leaves the class for good. */
    record LeaveRoom() implements RoomRequest {}

    /** A teacher's socket: the room code and its teacher key; then teacher actions and watching are allowed. */
    record Teach(String code, String key) implements RoomRequest {}

    /** The teacher watches one student's run, read-only (null: stop). */
    record Watch(String studentId) implements RoomRequest {}

    /** A teacher action: applied to the room once the teacher key has been checked (socket or HTTP). */
    sealed interface TeacherRequest extends RoomRequest {
        void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms);
    }

    record PushExercise(String link) implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) {
            room.push(link);
        }
    }

    record PauseAll() implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.pauseAll(); }
    }

    record ResumeAll() implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.resumeAll(); }
    }

    record ResetAll() implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.resetAll(); }
    }

    /** A short message to every student. */
    record Notice(String text) implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.notice(text); }
    }

    /** One student's run on the projector (null: none). */
    record Spotlight(String studentId) implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) {
            room.spotlight(studentId);
        }
    }

    /** Names shown as "Student N" everywhere on the dashboard. */
    record Anonymize(boolean on) implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.anonymize(on); }
    }

    record RemoveStudent(String studentId) implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) {
            room.remove(studentId);
        }
    }

    /** Every student whose card reads away or left goes, in one click (a class cleared of fake or gone students). */
    record RemoveAway() implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { room.removeAway(); }
    }

    record CloseRoom() implements TeacherRequest {
        public void apply(org.nnplayground.playground.room.Room room, org.nnplayground.playground.room.Rooms rooms) { rooms.close(room); }
    }

    /**
     * Messages that go through the run store (web/SavedRuns) before or after the session:
     * SocketEndpoint hands them to {@link #applyTo(Connection, SavedRuns)} instead.
     */
    sealed interface RunRequest extends ClientMessage {
        void applyTo(Connection c, SavedRuns runs);

        @Override
        default void applyTo(Session s) {
            throw new IllegalStateException(getClass().getSimpleName() + " is handled with the run store");
        }
    }

    /** Save the run as it stands; answers {@code saved} with its short link. */
    record Save() implements RunRequest {
        public void applyTo(Connection c, SavedRuns runs) { runs.save(c); }
    }

    /** Open a saved run by its id (from {@code /r/{id}}): paused at the saved epoch. */
    record LoadRun(String run) implements RunRequest {
        public void applyTo(Connection c, SavedRuns runs) { runs.load(c, required(run, "run")); }
    }
}
