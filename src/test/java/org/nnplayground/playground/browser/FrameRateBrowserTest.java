package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the page's frame path must do however busy the machine is: frames arrive and are drawn, no
 * more are drawn than arrived, and every epoch reaches the loss chart. How fast is
 * {@link FrameRateBrowserBench}'s question.
 */
class FrameRateBrowserTest extends BrowserTest {

    @Test
    void c1FramesAreDrawnAndEveryEpochReachesTheChart() throws Exception {
        assertEveryFrameCounted(FrameRateBrowserBench.measure("C1", FrameRateBrowserBench.C1));
    }

    @Test
    void c2FramesAreDrawnAndEveryEpochReachesTheChart() throws Exception {
        assertEveryFrameCounted(FrameRateBrowserBench.measure("C2", FrameRateBrowserBench.C2));
    }

    private static void assertEveryFrameCounted(Map<String, Object> s) {
        double received = FrameRateBrowserBench.number(s, "framesReceived");
        double drawn = FrameRateBrowserBench.number(s, "framesDrawn");
        assertTrue(received >= 1 && drawn >= 1, "frames arrive and are drawn while playing: " + s);
        // the counters restart between a frame's arrival and its draw: one frame may be counted drawn only
        assertTrue(drawn <= received + 1, "a frame is drawn at most once: " + s);
        assertEquals(0.0, FrameRateBrowserBench.number(s, "historyBreaks"), "every epoch reaches the chart: " + s);
    }
}
