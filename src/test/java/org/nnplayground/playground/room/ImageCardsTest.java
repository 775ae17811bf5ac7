package org.nnplayground.playground.room;

import org.junit.jupiter.api.Test;
import org.nnplayground.playground.codec.RoomEventCodec;
import org.nnplayground.playground.session.ImageMistakes;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Image runs in a class: ranked by test accuracy, and their mistaken images cross replicas with their card. */
class ImageCardsTest {
    @Test
    void imageRunsRankByTestAccuracyNotLoss() {
        List<Leaderboard.Entry> board = Leaderboard.top(List.of(
                new Leaderboard.Entry("plain", "P", 0.01, 9, 10, 1000),
                new Leaderboard.Entry("sure-but-wrong", "S", 0.20, 100, 5, 1000, 0.90),
                new Leaderboard.Entry("right-but-unsure", "R", 0.35, 100, 5, 2000, 0.94),
                new Leaderboard.Entry("smaller-tie", "T", 0.50, 50, 5, 3000, 0.90),
                new Leaderboard.Entry("none", "N", Double.NaN, 0, 0, 0, Double.NaN)), 10);
        // higher accuracy first although its loss is higher; ties to fewer parameters; loss-ranked rows after image rows
        assertEquals(List.of("right-but-unsure", "smaller-tie", "sure-but-wrong", "plain"), board.stream().map(Leaderboard.Entry::id).toList());
    }

    @Test
    void aRemoteCardCarriesItsMistakesAndBestAccuracyAndDropsTheImagesLast() {
        ImageMistakes mistakes = new ImageMistakes(14, new byte[2 * 196], new int[] {3, 4}, new int[] {8, 9});
        mistakes.images()[5] = (byte) 200;
        RoomEvent.RemoteCard card = new RoomEvent.RemoteCard("s1", 3, 0.3, 0.35, 0.9, 0.91, "classification", "playing", 12730,
                1000, new byte[0], 0, 0.35, 12730, 3, 900, "dataset=mnist&networkShape=16", 0.91, mistakes, null);
        RoomEventCodec codec = new RoomEventCodec();
        RoomEvent.Cards back = (RoomEvent.Cards) codec.decode(codec.encode("a", "ACDEFG", new RoomEvent.Cards("a", List.of(card))).get(0)).event();
        RoomEvent.RemoteCard r = back.cards().get(0);
        assertEquals(0.91, r.bestAccuracyTest());
        assertEquals(14, r.mistakes().side());
        assertArrayEquals(mistakes.images(), r.mistakes().images());
        assertArrayEquals(new int[] {3, 4}, r.mistakes().labels());
        assertArrayEquals(new int[] {8, 9}, r.mistakes().predicted());
        assertNull(card.withoutThumbs().mistakes(), "the last resort to fit a notification drops the images too");
        assertEquals(0.91, card.withoutThumbs().bestAccuracyTest());
    }
}
