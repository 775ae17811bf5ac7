package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Save a run in one browser, open its short link in another (a fresh profile: a new browser
 * context): same epoch, losses, chart and heatmap; the export links download non-empty files.
 */
@Tag("browser")
class SaveRunBrowserTest {
    private static Path dir;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("save-run-browser");
        server = PlaygroundServer.start(ServerConfig.defaults().withPort(0)
                .withStore(new StoreSettings(dir.resolve("data"), null, 90, 100, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
    }

    @AfterAll
    static void stop() throws IOException {
        server.stop();
        delete(dir);
    }

    @Test
    void aSavedRunOpensElsewhereExactlyAsSavedAndExports() throws Exception {
        Path downloads = dir.resolve("downloads");
        Files.createDirectories(downloads);
        String base = "http://localhost:" + server.port();
        String shareLink;
        String epoch;
        String lossTrain;
        String lossTest;
        String chart;
        String heatmap;
        ChromeDriver first = chromium("first", downloads);
        try {
            first.get(base + "/#dataset=xor&networkShape=4,2&activation=tanh&seed=0.42&showTestData=true");
            waitUntil(first, d -> (Boolean) js(first, "return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
            for (int i = 1; i <= 12; i++) {
                first.findElement(By.id("next-step-button")).click();
                String expected = String.format("000,%03d", i);
                waitUntil(first, d -> d.findElement(By.id("iter-number")).getText().equals(expected));
            }
            assertEquals("true", first.findElement(By.id("export-keras")).getAttribute("aria-disabled"), "exports wait for a save");
            first.findElement(By.id("save-run")).click();
            waitUntil(first, d -> d.findElement(By.id("share-link")).isDisplayed());
            shareLink = first.findElement(By.id("share-link")).getAttribute("href");
            assertTrue(shareLink.matches(".*/r/[0-9A-Za-z]{22}$"), shareLink);
            assertEquals(shareLink, first.findElement(By.id("share-link")).getText());
            epoch = text(first, "iter-number");
            lossTrain = text(first, "loss-train");
            lossTest = text(first, "loss-test");
            chart = (String) js(first, "return document.getElementById('linechart-canvas').toDataURL()");
            heatmap = (String) js(first, "return document.getElementById('heatmap-canvas').toDataURL()");
            screenshot(first, "save-run-1-saved");

            for (String id : new String[] {"export-keras", "export-tfjs-model", "export-tfjs-weights", "export-losses", "export-boundary"}) {
                first.findElement(By.id(id)).click();
            }
            try {
                waitUntil(first, d -> countDownloads(downloads) == 5);
            } catch (org.openqa.selenium.TimeoutException e) {
                try (Stream<Path> files = Files.list(downloads)) {
                    throw new AssertionError("downloads: " + files.map(p -> p.getFileName().toString()).toList(), e);
                }
            }
            try (Stream<Path> files = Files.list(downloads)) {
                for (Path f : files.toList()) assertTrue(Files.size(f) > 0, f + " is empty");
            }
            try (Stream<Path> files = Files.list(downloads)) {
                assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".py")));
            }
        } finally {
            first.quit();
        }

        ChromeDriver second = chromium("second", downloads);
        try {
            second.get(shareLink);
            waitUntil(second, d -> (Boolean) js(second, "return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
            waitUntil(second, d -> d.findElement(By.id("iter-number")).getText().equals(epoch));
            assertEquals(epoch, text(second, "iter-number"));
            assertEquals(lossTrain, text(second, "loss-train"));
            assertEquals(lossTest, text(second, "loss-test"));
            assertEquals(chart, js(second, "return document.getElementById('linechart-canvas').toDataURL()"), "the same chart");
            assertEquals(heatmap, js(second, "return document.getElementById('heatmap-canvas').toDataURL()"), "the same heatmap");
            assertTrue(second.findElement(By.id("share-link")).isDisplayed());
            screenshot(second, "save-run-2-opened-from-short-link");
        } finally {
            second.quit();
        }
    }

    private static long countDownloads(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(f -> !f.getFileName().toString().endsWith(".crdownload") && !f.getFileName().toString().endsWith(".tmp")).count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static ChromeDriver chromium(String name, Path downloads) throws IOException {
        Path profile = Files.createTempDirectory(dir, "chromium-" + name);
        ChromeDriverService service = BrowserSession.driverService();
        ChromeOptions options = BrowserSession.headless(profile, 1280, 900);
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false, "download.directory_upgrade", true,
                // five links clicked in a row: allow a page's several downloads without asking
                "profile.default_content_setting_values.automatic_downloads", 1));
        ChromeDriver driver = new ChromeDriver(service, options);
        // Chromium asks before keeping a .py from a site first visited today (nobody can answer in a
        // headless test); downloads allowed over the DevTools protocol are kept without asking
        driver.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow",
                "downloadPath", downloads.toAbsolutePath().toString(), "eventsEnabled", true));
        return driver;
    }

    private static <T> T waitUntil(WebDriver d, Function<WebDriver, T> condition) {
        return new WebDriverWait(d, Duration.ofSeconds(15), BrowserSession.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static Object js(WebDriver d, String script) { return ((JavascriptExecutor) d).executeScript(script); }

    private static String text(WebDriver d, String id) { return d.findElement(By.id(id)).getText(); }

    private static void screenshot(WebDriver d, String name) throws IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) d).getScreenshotAs(OutputType.BYTES));
    }

    private static void delete(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
