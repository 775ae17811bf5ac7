package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projector's class view over a real socket: while a dashboard shows it ({@code classView}), a
 * playing student's card brings a 40x40 boundary of their run that changes as they train, a
 * dashboard that opens later gets it at once, and a teacher socket that only watches
 * ({@code dashboard: false}) gets no roster updates; while nobody shows it, no boundary is drawn.
 */
class ClassViewProtocolTest {
    private PlaygroundServer server;
    private Path data;

    @BeforeEach
    void start() throws Exception {
        data = Files.createTempDirectory("class-view-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterEach
    void stop() throws Exception { RoomServers.stop(server, data); }

    private static byte[] grid(JsonNode card) { return Base64.getDecoder().decode(card.get("boundary").get("grid").asText()); }

    /** True for a message of {@code type}; notes any roster on the way (next() drops what it passes over). */
    private static boolean roster(JsonNode m, AtomicBoolean seen, String type) {
        if (m.path("type").asText().equals("roster")) seen.set(true);
        return m.path("type").asText().equals(type);
    }

    @Test
    void cardsBringEachStudentsBoundaryAsItChanges() throws Exception {
        RoomClient.Made room = RoomClient.room(server, "dataset=xor&activation=tanh&networkShape=4,2&learningRate=0.3&seed=0.5");
        try (WsClient teacher = RoomClient.teacher(server, room);
             RoomClient.Pupil ada = RoomClient.join(server, room, "Ada")) {
            teacher.send("{\"type\":\"classView\",\"on\":true}");
            ada.socket().send("{\"type\":\"play\"}");
            Set<String> seen = new HashSet<>();
            while (seen.size() < 3) {
                JsonNode card = RoomClient.card(teacher, ada.id(), c -> c.hasNonNull("boundary") && c.get("epoch").asInt() > 0, "a card with a boundary");
                JsonNode b = card.get("boundary");
                assertEquals(40, b.get("size").asInt());
                assertFalse(b.get("classes").asBoolean(), "one output node: display bytes");
                byte[] g = grid(card);
                assertEquals(40 * 40, g.length);
                Set<Byte> values = new HashSet<>();
                for (byte v : g) values.add(v);
                assertTrue(values.size() > 4, "a picture, not one colour: " + values.size());
                seen.add(Base64.getEncoder().encodeToString(g));
            }

            // a dashboard opened later has the boundary with its first card
            try (WsClient late = RoomClient.teacher(server, room)) {
                JsonNode first = RoomClient.card(late, ada.id(), c -> true, "the first card");
                assertNotNull(first.get("boundary"));
                assertEquals(40 * 40, grid(first).length);
            }

            // a socket that only watches is a teacher (it may watch) without roster updates
            try (WsClient watcher = WsClient.connectTo(server.port(), "/ws/room")) {
                watcher.send("{\"type\":\"teach\",\"code\":\"" + room.code() + "\",\"key\":\"" + room.key() + "\",\"dashboard\":false}");
                AtomicBoolean roster = new AtomicBoolean();
                watcher.next(m -> roster(m, roster, "teaching"), "teaching");
                watcher.send("{\"type\":\"watch\",\"studentId\":\"" + ada.id() + "\"}");
                watcher.next(m -> roster(m, roster, "watching"), "watching");
                watcher.nextFrame(f -> true, "a frame of the watched run");
                // the other dashboard gets two more updates meanwhile; the watcher none
                for (int i = 0; i < 2; i++) RoomClient.card(teacher, ada.id(), c -> true, "a card");
                watcher.send("{\"type\":\"spotlight\",\"studentId\":\"" + ada.id() + "\"}");
                watcher.next(m -> roster(m, roster, "done"), "done");
                RoomClient.card(teacher, ada.id(), c -> true, "a card after the spotlight");
                assertFalse(roster.get() || watcher.texts.stream().anyMatch(m -> m.path("type").asText().equals("roster")),
                        "no roster for a watching socket");
            }
        }
    }

    @Test
    void boundariesAreDrawnOnlyWhileADashboardShowsTheClassView() throws Exception {
        RoomClient.Made room = RoomClient.room(server, "dataset=circle&activation=tanh&networkShape=4&learningRate=0.1&seed=0.5");
        try (WsClient teacher = RoomClient.teacher(server, room);
             WsClient other = RoomClient.teacher(server, room);
             RoomClient.Pupil ada = RoomClient.join(server, room, "Ada")) {
            ada.socket().send("{\"type\":\"play\"}");
            // nobody shows the class view: cards over 200 epochs (more than 3 s of frames at 60 a second) and no boundary
            RoomClient.cardsWithoutBoundary(teacher, ada.id(), 200, false);

            other.send("{\"type\":\"classView\",\"on\":true}");
            JsonNode card = RoomClient.card(teacher, ada.id(), c -> c.hasNonNull("boundary"), "a boundary once a dashboard shows the class view");
            assertEquals(40 * 40, grid(card).length);

            // its dashboard closes: nobody shows it any more, and the boundaries stop
            other.close();
            RoomClient.cardsWithoutBoundary(teacher, ada.id(), 200, true);

            // a paused run draws its boundary as soon as the class view opens
            ada.socket().send("{\"type\":\"pause\"}");
            RoomClient.card(teacher, ada.id(), c -> c.get("state").asText().equals("paused"), "Ada paused");
            teacher.send("{\"type\":\"classView\",\"on\":true}");
            JsonNode paused = RoomClient.card(teacher, ada.id(), c -> c.hasNonNull("boundary"), "the paused run's boundary");
            assertEquals("paused", paused.get("state").asText());
        }
    }
}
