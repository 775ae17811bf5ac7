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
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the merged features meet in a real browser (rooms x saved runs x course views):
 * each test is a bug found by using the merged product as a student or a teacher would.
 */
@Tag("browser")
class CrossFeatureBrowserTest {
    private static Path dir;
    private static PlaygroundServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        dir = Files.createTempDirectory("cross-feature-browser");
        server = PlaygroundServer.start(ServerConfig.defaults().withPort(0)
                .withStore(new StoreSettings(dir.resolve("data"), null, 90, 100, StoreSettings.DEFAULT_MAX_RUN_BYTES)));
        ChromeDriverService service = BrowserSession.driverService();
        ChromeOptions options = BrowserSession.headless(dir.resolve("profile"), 1280, 900);
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (driver != null) driver.quit();
        } finally {
            server.stop();
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String base() { return "http://localhost:" + server.port(); }

    private static Object js(String script) { return ((JavascriptExecutor) driver).executeScript(script); }

    private static <T> T waitUntil(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, BrowserSession.WAIT, BrowserSession.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static String text(String id) { return driver.findElement(By.id(id)).getText(); }

    private static int epoch() { return Integer.parseInt(text("iter-number").replace(",", "")); }

    private static void screenshot(String name) throws IOException {
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(shots.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void firstFrame() {
        waitUntil(d -> (Boolean) js("return !!window.playgroundStats && window.playgroundStats.framesDrawn > 0"));
    }

    /** A student in a class saves their run, trains on, then opens the short link: they see the saved run, not their class session. */
    @Test
    void aClassMemberOpensTheirSavedRunsLink() throws Exception {
        driver.get(base() + "/health");   // a page of this origin, to create the room from
        js("localStorage.clear()");
        String code = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/rooms', {method: 'POST', body: ''}).then(r => r.json()).then(j => done(j.code));");
        driver.get(base() + "/?room=" + code);
        waitUntil(d -> d.findElement(By.id("student-name")).isDisplayed());
        driver.findElement(By.id("student-name")).sendKeys("Eve");
        driver.findElement(By.id("join-button")).click();
        waitUntil(d -> d.findElement(By.id("room-banner")).isDisplayed());
        firstFrame();
        for (int i = 1; i <= 5; i++) {
            driver.findElement(By.id("next-step-button")).click();
            String expected = String.format("000,%03d", i);
            waitUntil(d -> d.findElement(By.id("iter-number")).getText().equals(expected));
        }
        driver.findElement(By.id("save-run")).click();
        waitUntil(d -> d.findElement(By.id("share-link")).isDisplayed());
        String share = driver.findElement(By.id("share-link")).getAttribute("href");
        for (int i = 6; i <= 9; i++) {
            driver.findElement(By.id("next-step-button")).click();
            String expected = String.format("000,%03d", i);
            waitUntil(d -> d.findElement(By.id("iter-number")).getText().equals(expected));
        }

        driver.get(share);
        firstFrame();
        waitUntil(d -> epoch() == 5 ? true : null);
        screenshot("cross-class-member-opens-saved-run");
        List<?> errors = (List<?>) js("return [...document.querySelectorAll('#toasts .error, #toasts [data-kind=error]')].map(t => t.textContent)");
        assertTrue(errors.isEmpty(), "no error toast: " + errors);
        assertEquals(5, epoch(), "the saved run, paused where it was saved");

        // back in the class: their session is still at epoch 9
        driver.get(base() + "/?room=" + code);
        firstFrame();
        waitUntil(d -> epoch() == 9 ? true : null);
        assertTrue(driver.findElement(By.id("room-banner")).isDisplayed());
    }

    /** Drawing on the XOR table's map (fitted to -0.5..1.5) puts the point where it was clicked on the drawing's -6..6 map. */
    @Test
    void aPointDrawnOnATablesMapLandsWhereItWasClicked() throws Exception {
        // record the server's session messages (the page keeps no copy of the points)
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "const O = window.WebSocket; window.__sessions = [];"
                + "window.WebSocket = function (...a) { const ws = new O(...a); ws.addEventListener('message', e => {"
                + " if (typeof e.data === 'string' && e.data.includes('\"session\"')) window.__sessions.push(JSON.parse(e.data)); }); return ws; };"
                + "window.WebSocket.prototype = O.prototype; Object.assign(window.WebSocket, O);"));
        driver.get("about:blank");
        driver.get(base() + "/#dataset=xor-table&percTrainData=100&seed=0.3");
        firstFrame();
        js("document.getElementById('draw-panel').open = true");
        driver.findElement(By.id("draw-toggle")).click();
        org.openqa.selenium.WebElement map = driver.findElement(By.id("heatmap"));
        js("document.getElementById('heatmap').scrollIntoView({block: 'center'})");
        int w = map.getSize().getWidth();
        int h = map.getSize().getHeight();
        // 3/4 across, 1/4 down: (3, 3) on -6..6
        new org.openqa.selenium.interactions.Actions(driver).moveToElement(map, w / 4, -h / 4).click().perform();
        List<?> point = waitUntil(d -> {
            List<?> train = (List<?>) js("const s = window.__sessions.at(-1); return s && s.train.length === 1 && s.grid.max === 6 ? s.train[0] : null");
            return train;
        });
        double x = ((Number) point.get(0)).doubleValue();
        double y = ((Number) point.get(1)).doubleValue();
        screenshot("cross-draw-on-a-table");
        assertTrue(Math.abs(x - 3) < 0.3 && Math.abs(y - 3) < 0.3, "clicked at (3, 3) of the drawing's map, got (" + x + ", " + y + ")");
    }

    /** The teacher's dashboard on a phone (390 px): nothing is wider than the screen (it laid out 662 px wide). */
    @Test
    void theDashboardFitsAPhone() throws Exception {
        driver.get(base() + "/health");
        String teacherUrl = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/api/rooms', {method: 'POST', body: ''}).then(r => r.json()).then(j => done(j.teacherUrl));");
        org.openqa.selenium.Dimension desktop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            driver.get(teacherUrl);
            waitUntil(d -> d.findElement(By.id("room-code")).getText().replace("·", "").length() == 6 ? true : null);
            long inner = (Long) js("return window.innerWidth");
            long wide = (Long) js("return document.documentElement.scrollWidth");
            screenshot("cross-dashboard-phone");
            assertTrue(wide <= inner, "the dashboard is " + wide + " px wide in a " + inner + " px window");
        } finally {
            driver.manage().window().setSize(desktop);
        }
    }

    /** A teacher whose playground uses a CSV is told the class cannot get it, instead of "pushed" while students get a built-in data set. */
    @Test
    void pushingAPlaygroundWithACsvSaysWhyNot() throws Exception {
        driver.get(base() + "/health");
        js("localStorage.clear()");   // no class membership left by another test: this browser is the teacher's
        driver.get(base() + "/");
        firstFrame();
        driver.findElement(By.id("host-class")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/teach") ? true : null);
        driver.get(base() + "/");
        firstFrame();
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("example-csv"))).selectByValue("three_species.csv");
        waitUntil(d -> ((String) js("return document.getElementById('data-column').textContent")).contains("three_species.csv") ? true : null);
        waitUntil(d -> d.findElement(By.id("push-current")).isDisplayed());
        driver.findElement(By.id("push-current")).click();
        String toasts = waitUntil(d -> {
            String t = (String) js("return document.getElementById('toasts').textContent");
            return t.contains("CSV") || t.contains("Pushed") ? t : null;
        });
        screenshot("cross-push-csv");
        assertTrue(toasts.contains("cannot carry your CSV") && !toasts.contains("Pushed to class"), toasts);
    }
}
