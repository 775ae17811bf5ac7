package org.nnplayground.playground.codec;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nnplayground.playground.room.RoomEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Room events as PostgreSQL notification payloads: {@code {"replica","code","event":{"type",...}}}
 * in JSON, each under NOTIFY's 8000-byte limit. A {@link RoomEvent.Cards} summary too big for one
 * notification is split into several; a card too big alone loses its link, then its thumbnails
 * (docs/protocol.md, "Several servers").
 */
public final class RoomEventCodec {
    /** PostgreSQL refuses payloads of 8000 bytes or more; the rest is headroom for the envelope's variations. */
    public static final int MAX_PAYLOAD_BYTES = 7900;

    /** One notification: who sent it, for which room, what happened. */
    public record Envelope(String replica, String code, RoomEvent event) {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
            @JsonSubTypes.Type(value = RoomEvent.ExercisePushed.class, name = "exercisePushed"),
            @JsonSubTypes.Type(value = RoomEvent.PauseAll.class, name = "pauseAll"),
            @JsonSubTypes.Type(value = RoomEvent.ResumeAll.class, name = "resumeAll"),
            @JsonSubTypes.Type(value = RoomEvent.ResetAll.class, name = "resetAll"),
            @JsonSubTypes.Type(value = RoomEvent.Notice.class, name = "notice"),
            @JsonSubTypes.Type(value = RoomEvent.Spotlight.class, name = "spotlight"),
            @JsonSubTypes.Type(value = RoomEvent.Removed.class, name = "removed"),
            @JsonSubTypes.Type(value = RoomEvent.Closed.class, name = "closed"),
            @JsonSubTypes.Type(value = RoomEvent.Anonymized.class, name = "anonymized"),
            @JsonSubTypes.Type(value = RoomEvent.StudentJoined.class, name = "studentJoined"),
            @JsonSubTypes.Type(value = RoomEvent.StudentLeft.class, name = "studentLeft"),
            @JsonSubTypes.Type(value = RoomEvent.Attached.class, name = "attached"),
            @JsonSubTypes.Type(value = RoomEvent.Cards.class, name = "cards"),
            @JsonSubTypes.Type(value = RoomEvent.ClassView.class, name = "classView"),
    })
    private interface TypeNames {}

    private final ObjectMapper mapper = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .addMixIn(RoomEvent.class, TypeNames.class);
    private final int limit;

    public RoomEventCodec() { this(MAX_PAYLOAD_BYTES); }

    /** A codec with a smaller limit (tests of the splitting). */
    RoomEventCodec(int limitBytes) { this.limit = limitBytes; }

    /** The payloads that carry {@code event}: one, or several for a large card summary; each at most the limit in UTF-8 bytes. */
    public List<String> encode(String replica, String code, RoomEvent event) {
        if (event instanceof RoomEvent.Cards cards) return encodeCards(replica, code, cards);
        String one = write(new Envelope(replica, code, event));
        if (fits(one)) return List.of(one);
        // names (24), notices (200) and canonical exercise links (one value per link key, about
        // 1.5 kB at most) are bounded far below the limit: only a bug could get here
        throw new IllegalArgumentException("a room event does not fit a notification (" + bytes(one) + " bytes)");
    }

    /** The envelope in a payload; an unreadable one (another version's) is refused with the parser's words. */
    public Envelope decode(String payload) {
        try {
            return mapper.readValue(payload, Envelope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a room event: " + e.getOriginalMessage(), e);
        }
    }

    private List<String> encodeCards(String replica, String code, RoomEvent.Cards cards) {
        List<String> out = new ArrayList<>();
        List<RoomEvent.RemoteCard> chunk = new ArrayList<>();
        String last = null;
        for (RoomEvent.RemoteCard card : cards.cards()) {
            chunk.add(card);
            String payload = write(new Envelope(replica, code, new RoomEvent.Cards(cards.replica(), chunk)));
            if (fits(payload)) {
                last = payload;
                continue;
            }
            chunk.remove(chunk.size() - 1);
            if (last != null) out.add(last);
            chunk.clear();
            last = alone(replica, code, cards.replica(), card, chunk);
        }
        if (last != null) out.add(last);
        return out;
    }

    /** A chunk of one card (shrunk until it fits); {@code chunk} is left holding it. */
    private String alone(String replica, String code, String owner, RoomEvent.RemoteCard card, List<RoomEvent.RemoteCard> chunk) {
        for (RoomEvent.RemoteCard c : List.of(card, card.withoutLink(), card.withoutLink().withoutThumbs())) {
            chunk.clear();
            chunk.add(c);
            String payload = write(new Envelope(replica, code, new RoomEvent.Cards(owner, chunk)));
            if (fits(payload)) return payload;
        }
        throw new IllegalStateException("a card without link and thumbnails is a few hundred bytes");
    }

    private boolean fits(String payload) { return bytes(payload) <= limit; }

    private static int bytes(String s) { return s.getBytes(StandardCharsets.UTF_8).length; }

    private String write(Envelope e) {
        try {
            return mapper.writeValueAsString(e);
        } catch (JsonProcessingException x) {
            throw new IllegalStateException("cannot encode a room event", x);
        }
    }
}
