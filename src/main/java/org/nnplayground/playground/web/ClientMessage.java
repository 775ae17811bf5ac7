package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.nnplayground.playground.room.Reach;
import org.nnplayground.playground.room.Room;
import org.nnplayground.playground.room.Rooms;
import org.nnplayground.playground.session.Session;
import org.nnplayground.playground.sweep.SweepJob;
import org.nnplayground.playground.sweep.SweepPlan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every message a browser may send (docs/protocol.md); the wire's {@code type} picks the record.
 * A socket acts on one through {@link #dispatch}: its {@link MessageHandler} has one method a kind of
 * message, so each socket says what it does with every kind and a new kind cannot be forgotten.
 */
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
        @JsonSubTypes.Type(value = ClientMessage.Classify.class, name = "classify"),
        @JsonSubTypes.Type(value = ClientMessage.WeightImages.class, name = "weightImages"),
        // rooms, on /ws/room only (docs/protocol.md, "Rooms")
        @JsonSubTypes.Type(value = ClientMessage.Resume.class, name = "resume"),
        @JsonSubTypes.Type(value = ClientMessage.LeaveRoom.class, name = "leaveRoom"),
        @JsonSubTypes.Type(value = ClientMessage.Teach.class, name = "teach"),
        @JsonSubTypes.Type(value = ClientMessage.Watch.class, name = "watch"),
        @JsonSubTypes.Type(value = ClientMessage.ClassView.class, name = "classView"),
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
    /** Calls the {@code handler}'s method for this kind of message. */
    void dispatch(MessageHandler handler);

    /** The link key this message changes (a room's locks), or null. */
    default String settingKey() { return null; }

    /** This message's {@code type} on the wire. */
    default String type() { return Types.NAMES.get(getClass()); }

    private static String required(String value, String field) {
        if (value == null) throw new IllegalArgumentException("missing field '" + field + "'");
        return value;
    }

    /** The wire's names of the records, from the annotation above. */
    final class Types {
        private static final Map<Class<?>, String> NAMES = new HashMap<>();

        static {
            for (JsonSubTypes.Type t : ClientMessage.class.getAnnotation(JsonSubTypes.class).value()) NAMES.put(t.value(), t.name());
        }

        private Types() {}
    }

    /** A playground link (a full URL or the part after '#'), or the same as key -> value settings. */
    record Load(String link, Map<String, String> settings) implements ClientMessage {
        public void dispatch(MessageHandler h) { h.load(this); }

        /** The link, given as text or as settings. */
        String linkText() {
            if (link == null && settings == null) throw new IllegalArgumentException("load needs 'link' or 'settings'");
            return link != null ? link : asLink(settings);
        }

        /** The structured form, {"activation": "relu", ...}, is the same link spelled out. */
        private static String asLink(Map<String, String> settings) {
            StringBuilder b = new StringBuilder();
            settings.forEach((k, v) -> b.append(b.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v)));
            return b.toString();
        }

        private static String encode(String text) {
            return URLEncoder.encode(text == null ? "" : text, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }

    /**
     * A CSV file as the data: {@code upload}, the id {@code POST /api/csv} answered, or a small file's
     * {@code content} inline (at most the socket's 64 KiB); {@code label} names the label column (null:
     * the last); parsed off the trainer threads (CsvUploads).
     */
    record LoadCsv(String name, String content, String label, String upload) implements ClientMessage {
        public void dispatch(MessageHandler h) { h.loadCsv(this); }

        void applyTo(Connection c, CsvUploads uploads) {
            if (upload != null) c.session().loadData(uploads.take(upload));
            else if (content == null) throw new IllegalArgumentException("missing field 'upload' (the id POST /api/csv answered) or 'content'");
            else uploads.parse(c, content, name == null ? "upload.csv" : name, label);
        }
    }

    /** A command for the session, which queues it for its scheduler turn. */
    sealed interface SessionCommand extends ClientMessage {
        void applyTo(Session s);

        default void dispatch(MessageHandler h) { h.command(this); }
    }

    record Play() implements SessionCommand { public void applyTo(Session s) { s.play(); } }

    record Pause() implements SessionCommand { public void applyTo(Session s) { s.pause(); } }

    /** Train {@code epochs} epochs (null: 1). */
    record Step(Integer epochs) implements SessionCommand {
        public void applyTo(Session s) { s.step(epochs == null ? 1 : epochs); }
    }

    record Reset() implements SessionCommand { public void applyTo(Session s) { s.reset(); } }

    record Regenerate() implements SessionCommand { public void applyTo(Session s) { s.regenerate(); } }

    /** Change one setting by its link key. */
    record Set(String key, String value) implements SessionCommand {
        public void applyTo(Session s) { s.set(required(key, "key"), required(value, "value")); }

        @Override
        public String settingKey() { return key; }
    }

    record SetWeight(int layer, int to, int from, double value) implements SessionCommand {
        public void applyTo(Session s) { s.setWeight(layer, to, from, value); }
    }

    record SetBias(int layer, int node, double value) implements SessionCommand {
        public void applyTo(Session s) { s.setBias(layer, node, value); }
    }

    /** A node id from the session description, or null for the output. */
    record SelectNode(String node) implements SessionCommand { public void applyTo(Session s) { s.selectNode(node); } }

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

        /** Taken by MessageGate before any dispatch: nothing to do. */
        public void dispatch(MessageHandler h) {}
    }

    /** Epochs per frame; 0 = as fast as possible. */
    record Speed(int epochsPerFrame) implements SessionCommand { public void applyTo(Session s) { s.speed(epochsPerFrame); } }

    /** Shows or hides the course views (confusion matrix, predicted vs actual, gradients). */
    record Insights(boolean on) implements SessionCommand { public void applyTo(Session s) { s.insights(on); } }

    /** Draw mode: a point at (x, y) with a label (classification: +1 or -1; regression: the value). */
    record DrawPoint(double x, double y, double label) implements SessionCommand {
        public void applyTo(Session s) { s.drawPoint(x, y, label); }
    }

    /** Draw mode: removes the drawn point nearest (x, y). */
    record RemovePoint(double x, double y) implements SessionCommand { public void applyTo(Session s) { s.removePoint(x, y); } }

    /**
     * A hyperparameter sweep over the current settings: {@code vary} maps up to 3 link keys to their
     * values; {@code epochs} per run, {@code seeds} (default 1), {@code target} metric (default 0.9).
     */
    record Sweep(LinkedHashMap<String, List<String>> vary, Integer epochs, Integer seeds, Double target) implements SessionCommand {
        public void applyTo(Session s) {
            if (vary == null || vary.isEmpty()) throw new IllegalArgumentException("sweep needs 'vary': settings and their values");
            List<SweepPlan.Axis> axes = new ArrayList<>();
            vary.forEach((k, v) -> axes.add(new SweepPlan.Axis(k, v == null ? List.of() : v)));
            var plan = new SweepPlan(axes, epochs == null ? 100 : epochs, seeds == null ? 1 : seeds,
                    target == null ? SweepPlan.DEFAULT_TARGET : target);
            s.runInBackground(new SweepJob(plan));
        }
    }

    /** Stops the running sweep. */
    record CancelSweep() implements SessionCommand { public void applyTo(Session s) { s.cancelBackground(); } }

    // ---- rooms (RoomSocket; /ws takes resume only)

    /** A class-room message other than {@code resume}: accepted on /ws/room only. */
    sealed interface RoomRequest extends ClientMessage {
        void dispatch(MessageHandler.Room h);

        default void dispatch(MessageHandler h) { h.room(this); }
    }

    /**
     * A student's socket takes their place in the class back (the token from joining, kept by the
     * browser); on /ws a page takes its run back after a reconnect (the token from resumeToken: Failover).
     */
    record Resume(String token) implements ClientMessage { public void dispatch(MessageHandler h) { h.resume(this); } }

    /** The student leaves the class for good. */
    record LeaveRoom() implements RoomRequest { public void dispatch(MessageHandler.Room h) { h.leave(this); } }

    /**
     * A teacher's socket: the room code and its teacher key; then teacher actions and watching are
     * allowed. {@code dashboard} false: a socket only for watching, without roster updates (the
     * projector's compare panels, or another server relaying a watched run).
     */
    record Teach(String code, String key, Boolean dashboard) implements RoomRequest {
        public void dispatch(MessageHandler.Room h) { h.teach(this); }

        boolean wantsDashboard() { return !Boolean.FALSE.equals(dashboard); }
    }

    /** The teacher watches one student's run, read-only (null: stop). */
    record Watch(String studentId) implements RoomRequest { public void dispatch(MessageHandler.Room h) { h.watch(this); } }

    /**
     * The teacher's dashboard shows the projector's class view ({@code on}) or no longer does (another
     * view, the tab hidden): the students' boundaries are drawn and sent only while one does.
     */
    record ClassView(boolean on) implements RoomRequest { public void dispatch(MessageHandler.Room h) { h.classView(this); } }

    /** A teacher action: applied to the room once the teacher key has been checked (socket or HTTP). */
    sealed interface TeacherRequest extends RoomRequest {
        void apply(Room room, Rooms rooms);

        default void dispatch(MessageHandler.Room h) { h.teacher(this); }
    }

    /** A teacher action for every student's run or page: the answer says whom it reached ({@code done}'s {@code reach}). */
    sealed interface ClassRequest extends TeacherRequest {
        Reach reach(Room room);

        default void apply(Room room, Rooms rooms) { reach(room); }
    }

    record PushExercise(String link) implements ClassRequest { public Reach reach(Room room) { return room.push(link); } }

    record PauseAll() implements ClassRequest { public Reach reach(Room room) { return room.pauseAll(); } }

    record ResumeAll() implements ClassRequest { public Reach reach(Room room) { return room.resumeAll(); } }

    record ResetAll() implements ClassRequest { public Reach reach(Room room) { return room.resetAll(); } }

    /** A short message to every student. */
    record Notice(String text) implements ClassRequest { public Reach reach(Room room) { return room.notice(text); } }

    /** One student's run on the projector (null: none). */
    record Spotlight(String studentId) implements TeacherRequest {
        public void apply(Room room, Rooms rooms) { room.spotlight(studentId); }
    }

    /** Names shown as "Student N" everywhere on the dashboard. */
    record Anonymize(boolean on) implements TeacherRequest { public void apply(Room room, Rooms rooms) { room.anonymize(on); } }

    record RemoveStudent(String studentId) implements TeacherRequest {
        public void apply(Room room, Rooms rooms) { room.remove(studentId); }
    }

    /** Every student whose card reads away or left goes, in one click (a class cleared of fake or gone students). */
    record RemoveAway() implements TeacherRequest { public void apply(Room room, Rooms rooms) { room.removeAway(); } }

    record CloseRoom() implements TeacherRequest { public void apply(Room room, Rooms rooms) { rooms.close(room); } }

    /** Save the run as it stands (web/SavedRuns); answers {@code saved} with its short link. */
    record Save() implements ClientMessage { public void dispatch(MessageHandler h) { h.save(this); } }

    /** Open a saved run by its id (from {@code /r/{id}}): paused at the saved epoch. */
    record LoadRun(String run) implements ClientMessage {
        public void dispatch(MessageHandler h) { h.loadRun(this); }

        String id() { return required(run, "run"); }
    }

    /** An image (pixels 0..1, row by row) to feed through an image run's network; {@code id} comes back. */
    record Classify(int id, double[] pixels) implements SessionCommand {
        public void applyTo(Session s) { s.classify(id, pixels); }
    }

    /** Whether the page shows an image run's weight images ({@code on}); they are sent only while it does. */
    record WeightImages(boolean on) implements SessionCommand { public void applyTo(Session s) { s.weightImages(on); } }
}
