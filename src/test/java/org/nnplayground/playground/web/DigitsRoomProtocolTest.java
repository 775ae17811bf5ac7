package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.web.RoomClient.Made;
import org.nnplayground.playground.web.RoomClient.Pupil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class on the digits: the teacher sets an MNIST exercise, the students' runs are image runs, the
 * leaderboard ranks them by test accuracy, and each card shows the test accuracy and a couple of the
 * student's mistaken test digits (halved to 14x14).
 */
class DigitsRoomProtocolTest {
    private static final String DIGITS = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("digits-room-");
        server = PlaygroundServer.start(RoomServers.config(data));
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    @Test
    void anMnistExerciseRanksByTestAccuracyAndCardsShowMistakenDigits() throws Exception {
        Made room = RoomClient.room(server, DIGITS);
        try (Pupil ada = RoomClient.join(server, room, "Ada"); Pupil ben = RoomClient.join(server, room, "Ben");
             WsClient t = RoomClient.teacher(server, room)) {
            JsonNode session = ada.socket().next("session");
            assertEquals(28, session.get("imageSide").asInt(), "the exercise built an image run");
            assertTrue(session.get("link").asText().contains("dataset=mnist"), session.toString());
            // Ben learns far slower (the rate applies live, before his step in his queue): after an epoch he is behind Ada
            ben.socket().send("{\"type\":\"set\",\"key\":\"learningRate\",\"value\":\"0.00001\"}");
            ada.socket().send("{\"type\":\"step\",\"epochs\":2}");
            ben.socket().send("{\"type\":\"step\",\"epochs\":1}");

            // the two cards come in either order, in the same roster update or in two: keep each one's newest
            java.util.Map<String, JsonNode> cards = new java.util.HashMap<>();
            waitRoster(t, m -> {
                for (JsonNode c : m.get("cards")) cards.put(c.get("id").asText(), c);
                return cards.containsKey(ada.id()) && cards.get(ada.id()).get("epoch").asInt() == 2
                        && cards.containsKey(ben.id()) && cards.get(ben.id()).get("epoch").asInt() == 1;
            }, "Ada's card after two epochs and Ben's after one");
            JsonNode adaCard = cards.get(ada.id()), benCard = cards.get(ben.id());
            for (JsonNode card : new JsonNode[] {adaCard, benCard}) {
                double accuracy = card.get("metricTest").asDouble();
                assertTrue(accuracy > 0 && accuracy < 1, "the card's test accuracy: " + card);
                JsonNode mistakes = card.get("mistakes");
                assertEquals(14, mistakes.get("side").asInt(), "mistakes are halved to 14x14");
                assertEquals(2, mistakes.get("labels").size(), "two mistaken digits: " + mistakes);
                assertEquals(2 * 14 * 14, Base64.getDecoder().decode(mistakes.get("images").asText()).length);
                for (int i = 0; i < 2; i++) {
                    int label = mistakes.get("labels").get(i).asInt(), said = mistakes.get("predicted").get(i).asInt();
                    assertNotEquals(label, said, "a mistake is a wrong answer");
                    assertTrue(label >= 0 && label < 10 && said >= 0 && said < 10);
                }
                assertTrue(card.toString().length() < 1500, "a card stays small: " + card.toString().length());
            }
            double adaAccuracy = adaCard.get("metricTest").asDouble(), benAccuracy = benCard.get("metricTest").asDouble();
            assertTrue(adaAccuracy > benAccuracy, "Ada " + adaAccuracy + ", Ben " + benAccuracy);

            JsonNode board = waitRoster(t, m -> m.get("leaderboard").size() == 2
                    && m.get("leaderboard").get(0).get("epoch").asInt() == 2 && m.get("leaderboard").get(1).get("epoch").asInt() == 1,
                    "a leaderboard of both").get("leaderboard");
            assertEquals(ada.id(), board.get(0).get("id").asText(), "the higher accuracy first: " + board);
            assertEquals(adaAccuracy, board.get(0).get("accuracyTest").asDouble(), 1e-12);
            assertEquals(benAccuracy, board.get(1).get("accuracyTest").asDouble(), 1e-12);
            assertEquals(adaCard.get("lossTest").asDouble(), board.get(0).get("lossTest").asDouble(), 1e-12, "its loss beside it");
        }
        RoomClient.http(server, "POST", "/api/rooms/" + room.code() + "/actions", "{\"type\":\"closeRoom\"}", room.key());
    }

    /** A roster update passing {@code wanted}, waiting up to a minute (image epochs on a busy machine). */
    private static JsonNode waitRoster(WsClient t, Predicate<JsonNode> wanted, String what) throws Exception {
        for (int attempt = 0; ; attempt++) {
            try {
                return t.next(m -> m.path("type").asText().equals("roster") && wanted.test(m), what);
            } catch (AssertionError notYet) {
                if (attempt == 5) throw notYet;
            }
        }
    }
}
