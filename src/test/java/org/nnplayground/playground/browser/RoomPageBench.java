package org.nnplayground.playground.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The teacher's projector page under a class (a benchmark, not a test; {@code bench.RoomBench}
 * runs it while its students play): headless Chromium at 1920x1080 opens the dashboard in the
 * class view, and the page counts its animation frames (requestAnimationFrame callbacks, each
 * interval between two) and those in which the class view was redrawn (its loss chart cleared),
 * with the time of those callbacks. Goal: at least 30 frames/s while every card changes.
 */
public final class RoomPageBench {
    private RoomPageBench() {}

    /**
     * Runs before the page's own scripts: counts the animation frames and, of the page's own
     * requestAnimationFrame callbacks, those that redrew the class view and how long they took.
     */
    private static final String COUNTERS = """
            (() => {
              const b = window.__roomBench = { frames: 0, intervals: [], redraws: 0, redrawMs: [], draws: 0, last: 0, on: false };
              const raf = window.requestAnimationFrame.bind(window);
              const clear = CanvasRenderingContext2D.prototype.clearRect;
              CanvasRenderingContext2D.prototype.clearRect = function (...a) {
                if (this.canvas.id === 'class-losses') b.draws++;
                return clear.apply(this, a);
              };
              window.requestAnimationFrame = cb => raf(t => {
                const draws = b.draws, t0 = performance.now();
                cb(t);
                if (b.on && b.draws > draws) { b.redraws++; b.redrawMs.push(performance.now() - t0); }
              });
              const loop = t => {
                if (b.on) { b.frames++; if (b.last) b.intervals.push(t - b.last); }
                b.last = t;
                raf(loop);
              };
              raf(loop);
            })();""";

    private static final String SUMMARY = """
            const b = window.__roomBench;
            b.on = false;
            const q = (a, p) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : NaN; };
            return { frames: b.frames, redraws: b.redraws, intervalP50: q(b.intervals, 0.5), intervalP95: q(b.intervals, 0.95),
                     intervalMax: Math.max(0, ...b.intervals), redrawP50: q(b.redrawMs, 0.5), redrawP95: q(b.redrawMs, 0.95),
                     tiles: document.querySelectorAll('#class-thumbs .class-tile').length };""";

    /** Opens {@code teacherUrl}'s projector class view with {@code students} cards, then measures for {@code seconds}. */
    public static void measure(String teacherUrl, int students, int seconds) throws Exception {
        Path profile = Files.createTempDirectory("room-page-bench-");
        ChromeDriver driver = new ChromeDriver(BrowserSession.driverService(), BrowserSession.headless(profile, 1920, 1080));
        try {
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", COUNTERS));
            // the view parameter opens the dashboard in its projector mode, on the class view
            driver.get(teacherUrl.replace("/teach?", "/teach?view=projector&"));
            JavascriptExecutor js = driver;
            js.executeScript("Element.prototype.requestFullscreen = function () { return Promise.resolve(); }");
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                    ((Number) js.executeScript("return document.querySelectorAll('#class-thumbs .class-tile').length")).intValue() >= students);
            Thread.sleep(2000); // every card has its boundary
            js.executeScript("window.__roomBench.on = true");
            Thread.sleep(seconds * 1000L);
            @SuppressWarnings("unchecked")
            Map<String, Object> s = (Map<String, Object>) js.executeScript(SUMMARY);
            double frames = number(s, "frames") / seconds;
            System.out.printf(Locale.ROOT, "projector page (headless Chromium 1920x1080, class view of %d tiles): %.1f frames/s "
                            + "(goal: at least 30), frame interval median %.1f ms, p95 %.1f ms, max %.0f ms; class view redrawn "
                            + "%.1f times/s, %.1f ms median, p95 %.1f ms%n", ((Number) s.get("tiles")).intValue(), frames,
                    number(s, "intervalP50"), number(s, "intervalP95"), number(s, "intervalMax"), number(s, "redraws") / seconds,
                    number(s, "redrawP50"), number(s, "redrawP95"));
        } finally {
            driver.quit();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double number(Map<String, Object> s, String key) { return s.get(key) instanceof Number n ? n.doubleValue() : Double.NaN; }
}
