package org.nnplayground.playground.browser;

import org.nnplayground.playground.store.TestPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.ClusterSettings;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A page whose server restarts (a rolling restart's drain, then a server that vanishes) reconnects
 * by itself, shows the notice, and its run plays on from where it was: epoch, chart and settings.
 * Two servers in turn on the same port and the same PostgreSQL (PG_TEST_URL).
 */
@Tag("browser")
class FailoverBrowserTest {

    @Test
    void thePageReconnectsAfterItsServerRestartsAndTheRunPlaysOn() throws Exception {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        Path dir = Files.createTempDirectory("failover-browser");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerConfig config = ServerConfig.defaults().toBuilder().port(port)
                .store(new StoreSettings(dir, url, 90, 100, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .cluster(new ClusterSettings("browser-test", Duration.ofSeconds(1))).build();
        PlaygroundServer server = PlaygroundServer.start(config);
        ChromeDriver page = new ChromeDriver(BrowserSession.driverService(), BrowserSession.headless(dir.resolve("profile"), 1280, 900));
        try {
            page.get("http://localhost:" + port + "/#dataset=circle&networkShape=4,2&activation=tanh&seed=0.42&learningRate=0.03");
            waitUntil(page, d -> (Boolean) js(page, "return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
            new Select(page.findElement(By.id("learningRate"))).selectByValue("0.1");
            page.findElement(By.id("play-pause-button")).click();
            waitUntil(page, d -> epoch(page) >= 40);

            // a rolling restart: drained (checkpointed, closed with 1012), a new server on the same address
            server.drain();
            int before = epoch(page);
            server = PlaygroundServer.start(config);
            int[] resumedAt = awaitNotice(page);
            screenshot(page, "failover-1-after-drain");
            assertTrue(resumedAt[0] >= before, "nothing the page showed is lost: resumed at " + resumedAt[0] + ", shown " + before);
            assertEquals(0, resumedAt[1], "a drain loses no training, and the notice says so");
            waitUntil(page, d -> epoch(page) > resumedAt[0] + 20);  // plays on by itself
            assertEquals("0.1", new Select(page.findElement(By.id("learningRate"))).getFirstSelectedOption().getAttribute("value"));
            // the chart came back whole (the resumed frame carries every epoch) and goes on without a gap
            assertEquals(0L, js(page, "return window.playgroundStats.historyBreaks"), () -> String.valueOf(js(page, "return JSON.stringify(window.playgroundStats.breaks)")));

            // a server that vanishes (as with SIGKILL): the last checkpoint, at most a period old
            js(page, "document.querySelectorAll('.toast-close').forEach(b => b.click())");
            waitUntil(page, d -> epoch(page) > resumedAt[0] + 60);
            int shown = epoch(page);
            server.stopAbruptly();
            server = PlaygroundServer.start(config);
            int[] second = awaitNotice(page);
            assertTrue(second[0] > resumedAt[0] && second[0] <= shown + 200, "from the last checkpoint: " + second[0] + " (shown " + shown + ")");
            assertTrue(second[1] > 0, "a vanished server lost the training after its last checkpoint, and the notice says so");
            waitUntil(page, d -> epoch(page) > second[0] + 10);
            screenshot(page, "failover-2-after-kill");

            // a server that never comes back: the page stops trying and says so (the 2 minutes shortened here)
            ((JavascriptExecutor) page).executeAsyncScript("const done = arguments[0];"
                    + " import('/web/js/socket.js').then(m => { m.RECONNECT.giveUpMs = 1500; done(); })");
            server.stop();
            waitUntil(page, Duration.ofSeconds(60), d -> (Boolean) js(page,
                    "return [...document.querySelectorAll('.toast')].some(e => e.textContent.startsWith('The server has not answered'))"));
            screenshot(page, "failover-3-gave-up");
        } finally {
            page.quit();
            server.stop();
        }
    }

    /** Waits for the notice; returns the epoch it names and the seconds of training lost (0: none). */
    private static int[] awaitNotice(ChromeDriver page) {
        String notice = waitUntil(page, Duration.ofSeconds(30), d -> {
            Object t = js(page, "const n = [...document.querySelectorAll('.toast')].find(e => e.textContent.startsWith('Reconnected'));"
                    + " return n ? n.textContent : null");
            return t == null ? null : (String) t;
        });
        var m = java.util.regex.Pattern.compile("Reconnected to the server after \\d+ s: your run continues from epoch (\\d+) "
                + "\\((no training was lost|at most about (\\d+) s of training were lost)\\)\\.").matcher(notice);
        assertTrue(m.find(), notice);
        return new int[] {Integer.parseInt(m.group(1)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
    }

    private static int epoch(WebDriver page) {
        return Integer.parseInt(page.findElement(By.id("iter-number")).getText().replaceAll("[^0-9]", ""));
    }

    private static Object js(WebDriver page, String script) { return ((JavascriptExecutor) page).executeScript(script); }

    private static <T> T waitUntil(WebDriver page, Function<WebDriver, T> condition) { return waitUntil(page, BrowserSession.WAIT, condition); }

    private static <T> T waitUntil(WebDriver page, Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(page, timeout, Duration.ofMillis(50)).until(condition);
    }

    private static void screenshot(WebDriver page, String name) throws IOException {
        Files.createDirectories(BrowserSession.SCREENSHOTS);
        Files.write(BrowserSession.SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
