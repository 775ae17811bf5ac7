package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.nnplayground.playground.session.SessionDescription;

import java.util.Set;

/** Every text message the server sends (docs/protocol.md); binary frames are separate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Session.class, name = "session"),
        @JsonSubTypes.Type(value = ServerMessage.Points.class, name = "points"),
        @JsonSubTypes.Type(value = ServerMessage.Status.class, name = "status"),
        @JsonSubTypes.Type(value = ServerMessage.Link.class, name = "link"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Insights.class, name = "insights"),
        @JsonSubTypes.Type(value = ServerMessage.Sweep.class, name = "sweep"),
        @JsonSubTypes.Type(value = ServerMessage.Digits.class, name = "digits"),
        @JsonSubTypes.Type(value = ServerMessage.ClassifiedImage.class, name = "classified"),
        // rooms (docs/protocol.md, "Rooms")
        @JsonSubTypes.Type(value = ServerMessage.Joined.class, name = "joined"),
        @JsonSubTypes.Type(value = ServerMessage.Chart.class, name = "chart"),
        @JsonSubTypes.Type(value = ServerMessage.Exercise.class, name = "exercise"),
        @JsonSubTypes.Type(value = ServerMessage.Notice.class, name = "notice"),
        @JsonSubTypes.Type(value = ServerMessage.Spotlight.class, name = "spotlight"),
        @JsonSubTypes.Type(value = ServerMessage.RoomClosed.class, name = "roomClosed"),
        @JsonSubTypes.Type(value = ServerMessage.Teaching.class, name = "teaching"),
        @JsonSubTypes.Type(value = ServerMessage.Roster.class, name = "roster"),
        @JsonSubTypes.Type(value = ServerMessage.Watching.class, name = "watching"),
        @JsonSubTypes.Type(value = ServerMessage.Done.class, name = "done"),
        @JsonSubTypes.Type(value = ServerMessage.Saved.class, name = "saved"),
        // failover (docs/protocol.md, "Reconnecting")
        @JsonSubTypes.Type(value = ServerMessage.ResumeToken.class, name = "resumeToken"),
        @JsonSubTypes.Type(value = ServerMessage.Resumed.class, name = "resumed"),
})
public sealed interface ServerMessage {

    /** The session's description, its fields inline. */
    record Session(@JsonUnwrapped SessionDescription description) implements ServerMessage {}

    /** The run's points changed while it goes on (a drawing): {@code train} and {@code test} as in {@code session}. */
    record Points(java.util.List<double[]> train, java.util.List<double[]> test) implements ServerMessage {}

    /** {@code state}: paused, playing or diverged; {@code message}: why, and what to try. */
    record Status(String state, String message) implements ServerMessage {}

    /** The link after a change. */
    record Link(String hash) implements ServerMessage {}

    /** A refused request: why, and which request type (may be null). */
    record Error(String message, String request) implements ServerMessage {}

    /** The course views' data, its fields inline. */
    record Insights(@JsonUnwrapped org.nnplayground.playground.session.InsightsReport report) implements ServerMessage {}

    /** An image run's progress and digit views, its fields inline (images as base64). */
    record Digits(@JsonUnwrapped org.nnplayground.playground.session.DigitsReport report) implements ServerMessage {}

    /** One image's class probabilities and hidden activations, its fields inline. */
    record ClassifiedImage(@JsonUnwrapped org.nnplayground.playground.session.Classified result) implements ServerMessage {}

    /** A sweep's progress or table, its fields inline. */
    record Sweep(@JsonUnwrapped org.nnplayground.playground.sweep.SweepReport report) implements ServerMessage {}
    // ---- rooms

    /** A student is in a class: its code, their id and name, the current exercise and what it locks. */
    record Joined(String code, String studentId, String name, String exercise, Set<String> locked) implements ServerMessage {}

    /** The student's loss curve so far, sampled (a reloaded page redraws its chart). */
    record Chart(int[] epochs, float[] train, float[] test) implements ServerMessage {}

    /** The teacher pushed an exercise (the session is rebuilt on it); {@code locked}: keys and buttons turned off. */
    record Exercise(String link, Set<String> locked) implements ServerMessage {}

    /** A message from the teacher. */
    record Notice(String text) implements ServerMessage {}

    /** Which run is on the projector; {@code you}: it is this student's. */
    record Spotlight(String studentId, boolean you) implements ServerMessage {}

    /**
     * The socket's place in the class ended: why, and {@code reason}: closed, removed, left, or
     * elsewhere (the student opened the class in another tab: their place is there now).
     */
    record RoomClosed(String message, String reason) implements ServerMessage {}

    /** A teacher's socket was accepted for this room. */
    /** {@code joinUrl}: the link students open to join (what the dashboard shows and its QR code encodes). */
    record Teaching(String code, int students, String joinUrl) implements ServerMessage {}

    /** A dashboard update (see RosterUpdate), its fields inline. */
    record Roster(@JsonUnwrapped org.nnplayground.playground.room.RosterUpdate update) implements ServerMessage {}

    /** A read-only view of a student's run begins: their shown name. */
    record Watching(String studentId, String name) implements ServerMessage {}

    /** A teacher action was applied; {@code reach}: whom an action for every student reached (null for the others). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Done(String request, org.nnplayground.playground.room.Reach reach) implements ServerMessage {
        Done(String request) { this(request, null); }
    }

    /** A run was saved: its id, its short link ({@code /r/{id}}) and the epoch it was saved at. */
    record Saved(String id, String url, int epoch) implements ServerMessage {}

    // ---- failover

    /** The page's secret for taking its run back after a reconnect (kept per tab, sent in {@code resume}). */
    record ResumeToken(String token) implements ServerMessage {}

    /**
     * The answer to {@code resume}: {@code from} "checkpoint" (the run continues, paused, at
     * {@code epoch}; {@code offlineSeconds} since that checkpoint was taken, of which at most
     * {@code lostSeconds} were training lost: 0 when it was written where the run stopped, as in a
     * drain) or "none" (nothing to resume).
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    record Resumed(Integer epoch, Integer lostSeconds, Integer offlineSeconds, String from) implements ServerMessage {
        static Resumed none() { return new Resumed(null, null, null, "none"); }
    }
}
