package org.nnplayground.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * Measures in the page (window.playgroundStats, performance.now) the time to draw one frame and the
 * frames per second the browser shows for C1 and C2 at speed max, and for the book's 2-128-64-1
 * network at one epoch a frame. Targets: draw <= 8 ms,
 * >= 60 frames/s on C1, >= 30 on C2. The asserts check the browser's share: it draws a frame in
 * well under 8 ms (median) and shows nearly every frame the server delivers; how many frames the
 * server delivers is the server's share. The figures are printed for docs/benchmarks.md.
 * A benchmark, not a test: its targets are times that a loaded machine misses, so the suite does not
 * run it (surefire takes only *Test classes); run it with {@code -Dtest=FrameRateBrowserBench} on a
 * quiet host. {@link FrameRateBrowserTest} keeps the parts that do not depend on time.
 */
class FrameRateBrowserBench extends BrowserTest {
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0"
            + "&noise=0&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    static final String C2 = "activation=relu&regularization=L2&batchSize=10&dataset=spiral&learningRate=0.03"
            + "&regularizationRate=0.001&noise=0&networkShape=8,8,8,8,8,8&seed=0.12345&percTrainData=50&x=true"
            + "&y=true&xTimesY=true&xSquared=true&ySquared=true&sinX=true&sinY=true&problem=classification";
    static final long WARM_UP_MS = 1500;
    static final long MEASURE_MS = Long.getLong("bench.measureMs", 5000);

    @Test
    void c1() throws Exception {
        Map<String, Object> s = measure("C1", C1);
        assertBrowserKeepsUp(s);
    }

    @Test
    void c2() throws Exception {
        Map<String, Object> s = measure("C2", C2);
        assertBrowserKeepsUp(s);
    }

    /** The book's 2-128-64-1 network at the link's speed (one epoch a frame), as BigNetworkBrowserTest plays it. */
    @Test
    void book() throws Exception {
        Map<String, Object> s = measure("2-128-64-1", BigNetworkBrowserTest.BOOK, null);
        assertBrowserKeepsUp(s);
    }

    private static void assertBrowserKeepsUp(Map<String, Object> s) {
        assertTrue(number(s, "framesReceived") >= 20, "frames arrive while playing: " + s);
        assertTrue(number(s, "drawMedianMs") <= 8, "draw time: " + s);
        assertTrue(number(s, "drawP95Ms") <= 16, "a frame draws within one 60 Hz interval: " + s);
        // A new frame on most animation frames the browser gets, up to the frames that arrive (loose:
        // the browser shares two cores with the server training at full speed).
        double showable = Math.min(number(s, "receivedPerSecond"), number(s, "animationFramesPerSecond"));
        assertTrue(number(s, "drawnPerSecond") >= 0.6 * showable, "frames shown: " + s);
        assertEquals(0.0, number(s, "historyBreaks"), "every epoch reaches the chart: " + s);
    }

    static Map<String, Object> measure(String name, String link) throws Exception {
        return measure(name, link, "0");
    }

    /** Plays {@code link} at {@code speed} (epochs a frame; null: the link's own) and measures in the page. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> measure(String name, String link, String speed) throws Exception {
        browser.open(link);
        if (speed != null) new Select(browser.byId("speed")).selectByValue(speed);
        browser.byId("play-pause-button").click();
        browser.waitUntil(d -> browser.byId("play-pause-button").getAttribute("class").contains("playing"));
        Thread.sleep(WARM_UP_MS);
        browser.js("window.playgroundStats.reset()");
        Thread.sleep(MEASURE_MS);
        Map<String, Object> s = (Map<String, Object>) browser.js("return window.playgroundStats.summary()");
        browser.screenshot("6-" + name.toLowerCase(Locale.ROOT) + "-speed-" + (speed == null ? "link" : speed));
        browser.byId("play-pause-button").click();
        System.out.printf(Locale.ROOT, "[frame-rate] %s: %.1f frames/s shown (%.1f received, %.1f animation frames/s),"
                        + " draw median %.2f ms,"
                        + " p95 %.2f ms, max %.2f ms, epoch %s (%d frames in %.1f s)%n", name,
                number(s, "drawnPerSecond"), number(s, "receivedPerSecond"), number(s, "animationFramesPerSecond"),
                number(s, "drawMedianMs"),
                number(s, "drawP95Ms"), number(s, "drawMaxMs"), browser.text("iter-number"),
                ((Number) s.get("framesDrawn")).intValue(), number(s, "seconds"));
        System.out.println("[frame-rate] " + name + " mean ms per part: " + s.get("partsMeanMs"));
        return s;
    }

    /** A figure of the summary; JSON has no NaN, so a missing figure reads as NaN. */
    static double number(Map<String, Object> s, String key) {
        return s.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
