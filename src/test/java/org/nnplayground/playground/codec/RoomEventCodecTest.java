package org.nnplayground.playground.codec;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Room events as notification payloads: every event survives the JSON round trip; summaries are split under the limit. */
class RoomEventCodecTest {
    private final RoomEventCodec codec = new RoomEventCodec();

    static RoomEvent.RemoteCard card(String id, int thumbCount, String link) {
        byte[] thumbs = new byte[thumbCount * 100];
        for (int i = 0; i < thumbs.length; i++) thumbs[i] = (byte) (i * 37);
        return new RoomEvent.RemoteCard(id, 120, 0.25, Double.NaN, 0.9, 0.85, "classification", "playing", 37, 1_700_000_000_000L,
                thumbs, thumbCount, 0.2, 37, 100, 1_700_000_000_500L, link);
    }

    @Test
    void everyEventComesBackEqual() {
        List<RoomEvent> events = List.of(
                new RoomEvent.ExercisePushed("dataset=xor&seed=0.5", Set.of("play", "learningRate")),
                new RoomEvent.PauseAll(), new RoomEvent.ResumeAll(), new RoomEvent.ResetAll(),
                new RoomEvent.Notice("Stop at epoch 500 \"please\" — merci"), new RoomEvent.Spotlight("abc"), new RoomEvent.Spotlight(null),
                new RoomEvent.Removed("abc"), new RoomEvent.Closed(), new RoomEvent.Anonymized(true),
                new RoomEvent.StudentJoined("id1", "f".repeat(64), "Zoë", 7, 1_700_000_000_000L, "dataset=circle"),
                new RoomEvent.StudentLeft("id1"), new RoomEvent.Attached("id1", "replica-b"),
                new RoomEvent.ClassView("replica-b", true), new RoomEvent.ClassView("replica-b", false));
        for (RoomEvent e : events) {
            List<String> payloads = codec.encode("replica-a", "ACDEFG", e);
            assertEquals(1, payloads.size());
            RoomEventCodec.Envelope back = codec.decode(payloads.get(0));
            assertEquals("replica-a", back.replica());
            assertEquals("ACDEFG", back.code());
            assertEquals(e, back.event(), payloads.get(0));
        }
        assertTrue(codec.encode("r", "ACDEFG", new RoomEvent.PauseAll()).get(0).contains("\"type\":\"pauseAll\""), "type names on the wire");
    }

    @Test
    void cardsKeepTheirFiguresThumbnailsAndNaN() {
        RoomEvent.RemoteCard c = card("s1", 3, "dataset=spiral3&networkShape=8,8");
        RoomEvent.Cards back = (RoomEvent.Cards) codec.decode(codec.encode("a", "ACDEFG", new RoomEvent.Cards("a", List.of(c))).get(0)).event();
        RoomEvent.RemoteCard r = back.cards().get(0);
        assertEquals("a", back.replica());
        assertArrayEquals(c.thumbs(), r.thumbs());
        assertTrue(Double.isNaN(r.lossTest()), "a missing test loss stays missing");
        assertEquals(c.withoutLink().withoutThumbs().toString().replaceAll("\\[B@\\w+", ""),
                r.withoutLink().withoutThumbs().toString().replaceAll("\\[B@\\w+", ""));
        assertEquals(c.link(), r.link());
    }

    @Test
    void aLargeSummaryIsSplitUnderTheLimitAndLosesNoCard() {
        List<RoomEvent.RemoteCard> cards = new ArrayList<>();
        // 200 students, 4-class runs (4 thumbnails each) with long links: far more than one notification
        for (int i = 0; i < 200; i++) cards.add(card("student" + i, 4, "dataset=blobs4&networkShape=8,8,8&seed=0." + i + "&x=true".repeat(20)));
        List<String> payloads = codec.encode("replica-a", "ACDEFG", new RoomEvent.Cards("replica-a", cards));
        assertTrue(payloads.size() > 10, payloads.size() + " notifications");
        List<String> ids = new ArrayList<>();
        for (String p : payloads) {
            assertTrue(p.getBytes(StandardCharsets.UTF_8).length <= RoomEventCodec.MAX_PAYLOAD_BYTES, p.length() + " bytes");
            RoomEvent.Cards chunk = assertInstanceOf(RoomEvent.Cards.class, codec.decode(p).event());
            for (RoomEvent.RemoteCard r : chunk.cards()) {
                ids.add(r.id());
                assertEquals(400, r.thumbs().length);
                assertTrue(r.link().startsWith("dataset=blobs4"));
            }
        }
        assertEquals(cards.stream().map(RoomEvent.RemoteCard::id).toList(), ids, "every card, once, in order");
    }

    @Test
    void oneCardTooBigLosesItsLinkThenItsThumbnails() {
        RoomEventCodec small = new RoomEventCodec(1200);
        RoomEvent.RemoteCard big = card("s1", 10, "dataset=blobs4&" + "x=true&".repeat(100));
        List<String> p = small.encode("a", "ACDEFG", new RoomEvent.Cards("a", List.of(card("s0", 1, null), big)));
        assertEquals(2, p.size());
        RoomEvent.RemoteCard shrunk = ((RoomEvent.Cards) small.decode(p.get(1)).event()).cards().get(0);
        assertNull(shrunk.link());
        assertEquals(0, shrunk.thumbCount());
        assertEquals(120, shrunk.epoch());
    }

    @Test
    void theLongestExerciseFitsOneNotification() {
        // every setting away from its default, every control hidden: the longest canonical link
        StringBuilder link = new StringBuilder("dataset=spiral3&networkShape=256,256,256,256,256,256,256,256,256,256&optimizer=adam"
                + "&loss=crossentropy&output=softmax&dropout=0.5&init=glorot&standardize=true&lrSchedule=exp&lrDecay=0.123456"
                + "&lrPeriod=12345&earlyStop=999&speed=1000&learningRate=0.003&regularization=L2&regularizationRate=0.003");
        for (org.nnplayground.playground.link.LinkKey k : org.nnplayground.playground.link.LinkKey.values()) link.append('&').append(k.key()).append("_hide=true");
        for (String hidden : List.of("playButton", "stepButton", "resetButton", "numHiddenLayers")) link.append('&').append(hidden).append("_hide=true");
        String canonical = org.nnplayground.playground.room.Exercise.of(link.toString()).link();
        List<String> p = codec.encode("replica-with-a-long-name-of-sixty-characters-aaaaaaaaaaaaaaa", "ACDEFG",
                new RoomEvent.ExercisePushed(canonical, org.nnplayground.playground.room.Exercise.of(canonical).locked()));
        assertEquals(1, p.size());
        assertTrue(p.get(0).length() < RoomEventCodec.MAX_PAYLOAD_BYTES / 2, p.get(0).length() + " bytes");
    }

    @Test
    void anUnreadablePayloadIsRefusedInWords() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> codec.decode("{\"replica\":\"a\",\"event\":{\"type\":\"fly\"}}"));
        assertTrue(e.getMessage().startsWith("not a room event"), e.getMessage());
    }
}
