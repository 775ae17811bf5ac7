package org.nnplayground.playground.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.nnplayground.playground.session.SessionDescription;

/** Every text message the server sends (docs/protocol.md); binary frames are separate. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerMessage.Session.class, name = "session"),
        @JsonSubTypes.Type(value = ServerMessage.Status.class, name = "status"),
        @JsonSubTypes.Type(value = ServerMessage.Link.class, name = "link"),
        @JsonSubTypes.Type(value = ServerMessage.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerMessage.Insights.class, name = "insights"),
        @JsonSubTypes.Type(value = ServerMessage.Sweep.class, name = "sweep"),
        @JsonSubTypes.Type(value = ServerMessage.Saved.class, name = "saved"),
})
public sealed interface ServerMessage {

    /** The session's description, its fields inline. */
    record Session(@JsonUnwrapped SessionDescription description) implements ServerMessage {}

    /** {@code state}: paused, playing or diverged; {@code message}: why, and what to try. */
    record Status(String state, String message) implements ServerMessage {}

    /** The link after a change. */
    record Link(String hash) implements ServerMessage {}

    /** A refused request: why, and which request type (may be null). */
    record Error(String message, String request) implements ServerMessage {}

    /** The course views' data, its fields inline. */
    record Insights(@JsonUnwrapped org.nnplayground.playground.session.InsightsReport report) implements ServerMessage {}

    /** A sweep's progress or table, its fields inline. */
    record Sweep(@JsonUnwrapped org.nnplayground.playground.sweep.SweepReport report) implements ServerMessage {}
    /** A run was saved: its id, its short link ({@code /r/{id}}) and the epoch it was saved at. */
    record Saved(String id, String url, int epoch) implements ServerMessage {}
}
