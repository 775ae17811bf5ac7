package org.nnplayground.playground.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;

import java.util.stream.Collectors;

/**
 * Reads one client message for both sockets ({@code /ws} and {@code /ws/room}): a JSON object with
 * a known {@code type}, or an IllegalArgumentException that says what is wrong in the protocol's
 * words (never a Java type: {@code null}, arrays, numbers and strings are answered, not thrown).
 */
final class MessageParser {
    private MessageParser() {}

    static ClientMessage parse(ObjectMapper mapper, String text) {
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

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
