package org.nnplayground.playground.session;

import org.nnplayground.playground.link.PlaygroundLink;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The frames of the golden frame file (src/test/resources/frames/), built the way a session builds
 * them, from fixed links and seeds: a small network with a scalar grid, a three-class softmax
 * with a class grid, and a network near the 100,000-parameter limit (its weight count needs the
 * u32 of frame format v2).
 */
public final class GoldenFrames {
    private GoldenFrames() {}

    /** Name -> {link, epochs to train, selected node (-1: the output)}. */
    private static final Object[][] CASES = {
        {"small-scalar", "activation=tanh&networkShape=4,2&seed=0.12345&dataset=circle&percTrainData=50&batchSize=10", 5, 3},
        {"small-classes", "activation=relu&networkShape=5&seed=0.5&dataset=blobs3&percTrainData=70&batchSize=10", 3, -1},
        {"big", "networkShape=100,100,100,100,100,100,100,100,100,100&seed=0.25&percTrainData=10&batchSize=10", 1, -1},
    };

    public static Map<String, ByteBuffer> build() {
        Map<String, ByteBuffer> out = new LinkedHashMap<>();
        for (Object[] c : CASES) {
            TrainingRun run = TrainingRun.create(PlaygroundLink.parse((String) c[1], new Random(1)).settings(), null);
            LossHistory history = new LossHistory();
            for (int e = 0; e < (int) c[2]; e++) history.add(run.trainer().trainEpoch());
            FrameBuilder frames = new FrameBuilder(run, 50);
            int selected = (int) c[3] < 0 ? frames.nodeCount() - 1 : (int) c[3];
            out.put((String) c[0], frames.build(run.network(), run.trainer().lastStats(), history, selected));
        }
        return out;
    }
}
