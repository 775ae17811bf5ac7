package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.nnplayground.playground.FrameBytes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.link.PlaygroundLink;

/**
 * Which frames carry node thumbnails (docs/protocol.md): a network of more than 64 nodes sends them
 * with every 4th frame while frames follow each other, and with every frame that does not (a
 * pause, an edit, a new run); a smaller network with every frame. A frame without them differs
 * from one with them only in its thumbnail count and grid bytes.
 */
class FrameThumbsRateTest {
    static final String BOOK = "activation=relu&batchSize=10&dataset=circle&learningRate=0.01&networkShape=128,64"
            + "&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&networkShape=4,2"
            + "&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";

    @Test
    void aBigNetworkSendsThumbnailsWithEveryFourthPacedFrame() {
        TrainingRun run = run(BOOK);
        FrameOutbox outbox = outbox(run);
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < 9; i++) counts.add(thumbCount(trainAndTake(run, outbox, true)));
        // the first paced frame of a new run has them, then every 4th
        assertEquals(List.of(193, 0, 0, 0, 193, 0, 0, 0, 193), counts);
        // a frame that is not paced (a pause, an edit) always has them, and the count starts again
        assertEquals(193, thumbCount(trainAndTake(run, outbox, false)));
        assertEquals(0, thumbCount(trainAndTake(run, outbox, true)));
    }

    @Test
    void aSmallNetworkSendsThumbnailsWithEveryFrame() {
        TrainingRun run = run(C1);
        FrameOutbox outbox = outbox(run);
        for (int i = 0; i < 6; i++) assertEquals(7, thumbCount(trainAndTake(run, outbox, true)));
    }

    @Test
    void aNewPlaneSendsThumbnailsWithTheNextFrame() {
        TrainingRun run = run(BOOK);
        FrameOutbox outbox = outbox(run);
        trainAndTake(run, outbox, true);
        assertEquals(0, thumbCount(trainAndTake(run, outbox, true)));
        outbox.newPlane(run);
        assertEquals(193, thumbCount(trainAndTake(run, outbox, true)));
    }

    @Test
    void aFrameWithoutThumbnailsIsTheSameFrameWithoutThem() {
        TrainingRun run = run(BOOK);
        run.trainer().trainEpoch();
        FrameBuilder frames = new FrameBuilder(run, 50);
        LossHistory history = new LossHistory();
        history.add(run.trainer().lastStats());
        int output = frames.nodeCount() - 1;
        byte[] with = FrameBytes.bytes(frames.build(run.network(), run.trainer().lastStats(), history, output, true));
        byte[] thumbsOfWith = frames.outputThumbs().clone();
        byte[] without = FrameBytes.bytes(frames.build(run.network(), run.trainer().lastStats(), history, output, false));
        // everything before the thumbnail count is the same; the count is 0; the output's thumbnail stays
        int countAt = with.length - FrameBytes.compressedLength(with) - 8;
        assertArrayEquals(java.util.Arrays.copyOf(with, countAt), java.util.Arrays.copyOf(without, countAt));
        assertEquals(193, ByteBuffer.wrap(with, countAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertEquals(0, ByteBuffer.wrap(without, countAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
        assertArrayEquals(thumbsOfWith, frames.outputThumbs());
        assertTrue(without.length < with.length, without.length + " bytes without, " + with.length + " with");
    }

    private static TrainingRun run(String link) {
        return TrainingRun.create(PlaygroundLink.parse(link, new Random(1)).settings(), null);
    }

    private static FrameOutbox outbox(TrainingRun run) {
        FrameOutbox outbox = new FrameOutbox(50);
        outbox.newRun(run, SessionDescription.of(run, List.of()));
        return outbox;
    }

    private static ByteBuffer trainAndTake(TrainingRun run, FrameOutbox outbox, boolean paced) {
        outbox.epoch(run.trainer().trainEpoch());
        return outbox.take(run, run.trainer().lastStats(), paced);
    }

    /** The frame's thumbCount: the u32 before compressedLength, which the DEFLATE stream follows to the end. */
    private static int thumbCount(ByteBuffer frame) {
        byte[] b = FrameBytes.bytes(frame);
        return ByteBuffer.wrap(b, b.length - FrameBytes.compressedLength(b) - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }


}
