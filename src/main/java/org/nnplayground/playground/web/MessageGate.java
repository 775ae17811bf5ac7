package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.util.stream.Collectors;

/**
 * What every text message from a page passes before it reaches a session, on the playground socket
 * ({@code /ws}) and the class-room socket ({@code /ws/room}) alike: the message rate (frame
 * acknowledgements excepted), the size limits, one CSV upload a second, and parsing into a
 * {@link ClientMessage} with errors in the protocol's words, never Java's.
 */
final class MessageGate {
    /** The acknowledgements as web/js/protocol.js writes them (other spellings are parsed as usual). */
    private static final String ACK = "{\"type\":\"ack\"}";
    private static final String ACK_PREFIX = "{\"type\":\"ack\",\"frames\":";

    private final ServerConfig config;
    private final ObjectMapper mapper;

    MessageGate(ServerConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    /**
     * The message to act on, or null when there is nothing more to do: an acknowledgement (taken
     * here) or a refused message (its error already sent on {@code c}).
     */
    ClientMessage admit(Connection c, String text) {
        // the page's exact acks, one every two frames: no JSON parsing needed
        int acked = exactAck(text);
        if (acked > 0) {
            c.ack(acked);
            return null;
        }
        // acknowledgements come once per frame, so they are not counted against the message rate
        boolean maybeAck = text.length() < 64 && text.contains("ack");
        if (!maybeAck && !c.limiter().tryAcquire()) {
            c.sendRateLimited("too many messages: at most " + config.messagesPerSecond() + " per second");
            return null;
        }
        if (text.length() > config.maxCsvBytes()) {
            c.send(new ServerMessage.Error("message too large (" + text.length() + " bytes)", null));
            return null;
        }
        // a big message (a CSV) costs milliseconds to parse on this socket thread: one a second
        if (text.length() > config.maxMessageBytes() && !c.uploads().tryAcquire()) {
            c.send(new ServerMessage.Error("one CSV upload a second at most; wait for the answer to the last one", "loadCsv"));
            return null;
        }
        ClientMessage m;
        try {
            m = parse(text);
        } catch (IllegalArgumentException e) {
            c.send(new ServerMessage.Error(e.getMessage(), null));
            return null;
        }
        if (m instanceof ClientMessage.Ack a) {
            try {
                c.ack(a.count());
            } catch (IllegalArgumentException e) {
                c.send(new ServerMessage.Error(e.getMessage(), "ack"));
            }
            return null;
        }
        if (maybeAck && !c.limiter().tryAcquire()) {
            c.sendRateLimited("too many messages: at most " + config.messagesPerSecond() + " per second");
            return null;
        }
        if (!(m instanceof ClientMessage.LoadCsv) && text.length() > config.maxMessageBytes()) {
            c.send(new ServerMessage.Error("message too large (" + text.length() + " bytes, at most " + config.maxMessageBytes() + ")", null));
            return null;
        }
        return m;
    }

    /** A binary message: counted against the message rate like text, then refused (the protocol is JSON text). */
    void refuseBinary(Connection c) {
        if (!c.limiter().tryAcquire()) {
            c.sendRateLimited("too many messages: at most " + config.messagesPerSecond() + " per second");
            return;
        }
        c.send(new ServerMessage.Error("binary messages are not accepted; send JSON text", null));
    }

    /** Frames acknowledged by {@code {"type":"ack"}} or {@code {"type":"ack","frames":D}} written exactly so (D a digit within the window); 0 for any other text. */
    static int exactAck(String text) {
        if (text.equals(ACK)) return 1;
        if (text.length() != ACK_PREFIX.length() + 2 || !text.startsWith(ACK_PREFIX) || text.charAt(text.length() - 1) != '}') return 0;
        int n = text.charAt(ACK_PREFIX.length()) - '0';
        return n >= 1 && n <= Connection.MAX_FRAMES_UNACKED ? n : 0;
    }

    /** A JSON object with a known {@code type}, or an IllegalArgumentException that says what is wrong in the protocol's words. */
    ClientMessage parse(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON" + where(e));
        }
        if (tree == null || !tree.isObject()) {
            throw new IllegalArgumentException("a message must be a JSON object with a 'type' field, e.g. {\"type\":\"play\"}");
        }
        JsonNode type = tree.get("type");
        if (type == null || !type.isTextual()) throw new IllegalArgumentException("missing message type: add a 'type' field, e.g. \"type\":\"play\"");
        try {
            return mapper.treeToValue(tree, ClientMessage.class);
        } catch (InvalidTypeIdException e) {
            throw new IllegalArgumentException("unknown message type '" + type.asText() + "'");
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException("malformed '" + type.asText() + "' message: " + fieldOf(e) + " has the wrong kind of value");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed '" + type.asText() + "' message");
        }
    }

    /** The offending field's name (its path), never a Java type. */
    private static String fieldOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "a field" : "field '" + path + "'";
    }

    /** Where the JSON broke, in plain words (Jackson's own message names its internals); also for the room routes. */
    static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
