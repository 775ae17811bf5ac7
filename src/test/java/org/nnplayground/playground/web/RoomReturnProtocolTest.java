package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student who reloads (or loses the network) finds their run as they left it: playing or paused. */
class RoomReturnProtocolTest {
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("rooms-return-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static WsClient resume(String token) throws Exception {
        WsClient c = WsClient.connectTo(server.port(), "/ws/room");
        c.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
        c.nextKeepingOthers("joined");
        return c;
    }

    private static JsonNode status(WsClient c, String state) throws Exception {
        return c.next(m -> m.path("type").asText().equals("status") && m.get("state").asText().equals(state), state);
    }

    @Test
    void aReloadedPageContinuesPlayingOrPausedAsBefore() throws Exception {
        String[] room = RoomServers.room(server, "dataset=xor&activation=tanh&networkShape=3&learningRate=0.03&seed=0.5");
        String playing = RoomServers.created(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Player")).get("token").asText();
        String paused = RoomServers.created(server, "/api/rooms/" + room[0] + "/students", Map.of("name", "Pauser")).get("token").asText();

        WsClient p = resume(playing);
        p.send("{\"type\":\"play\"}");
        status(p, "playing");
        int before = p.frameAt(5).epoch();
        p.abort(); // the tab reloads: no close frame, a new socket
        WsClient q = resume(paused);
        q.send("{\"type\":\"step\",\"epochs\":3}");
        q.frameAt(3);
        q.close();

        try (WsClient p2 = resume(playing); WsClient q2 = resume(paused)) {
            status(p2, "playing");
            assertTrue(p2.frameAt(before + 10).epoch() >= before + 10, "the run trains on after the reload");
            JsonNode s = status(q2, "paused");
            assertEquals("paused", s.get("state").asText());
            assertEquals(3, q2.frameAt(3).epoch(), "the paused run is where it was");
        }
    }
}
