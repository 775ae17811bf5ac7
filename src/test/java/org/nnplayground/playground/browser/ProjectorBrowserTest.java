package org.nnplayground.playground.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.browser.ClassBrowsers.Browser;
import org.nnplayground.playground.web.PlaygroundServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher and three students, each in their own Chromium: the dashboard's projector mode shows
 * the spotlit run live under its anonymous label, three runs side by side with the setting they
 * differ in highlighted, and the whole class with a boundary per student drawn from at least
 * 40x40 points of the model (read from the canvas), changing while they train.
 */
@Tag("browser")
class ProjectorBrowserTest {
    private static final String EXERCISE = "dataset=xor&activation=tanh&networkShape=4,2&learningRate=0.03&seed=0.5";
    private static PlaygroundServer server;
    private static Path data;
    private static final ClassBrowsers browsers = new ClassBrowsers(Duration.ofSeconds(30));

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("projector-data-");
        server = ClassBrowsers.serverOn(data);
    }

    @AfterAll
    static void stop() throws IOException {
        browsers.close();
        server.stop();
        ClassBrowsers.deleteTree(data);
    }

    private static String base() { return "http://localhost:" + server.port(); }

    private static void join(Browser s, String code, String name) {
        s.driver().get(base() + "/?room=" + code);
        s.waitUntil(d -> s.byId("room-join").isDisplayed());
        s.byId("student-name").sendKeys(name);
        s.byId("join-button").click();
        s.waitUntil(d -> s.byId("room-banner").isDisplayed());
        s.waitForFrame();
    }

    private static void play(Browser s) {
        s.waitUntil(d -> s.byId("play-pause-button").isDisplayed());
        if (!s.playing()) s.byId("play-pause-button").click();
        s.waitUntil(d -> s.playing());
    }

    private static WebElement card(Browser teacher, String id) {
        return teacher.driver().findElement(By.cssSelector(".student-card[data-student-id='" + id + "']"));
    }

    /** The epoch a projector panel shows (0 before its first frame). */
    private static int panelEpoch(WebElement panel) {
        String text = panel.findElement(By.cssSelector(".run-epoch")).getText().replace(",", "");
        return text.matches("\\d+") ? Integer.parseInt(text) : 0;
    }

    @Test
    void spotlightCompareAndClassViewOnTheProjector() throws Exception {
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/rooms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"exercise\":\"" + EXERCISE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode room = new ObjectMapper().readTree(made.body());
        String code = room.get("code").asText();

        Browser teacher = browsers.open(1920, 1080);
        // headless Chromium may start smaller than asked on a machine without a screen: the projector is 1920x1080
        teacher.driver().manage().window().setSize(new Dimension(1920, 1080));
        teacher.driver().get(room.get("teacherUrl").asText());
        teacher.waitUntil(d -> teacher.byId("dash-connection").getText().equals("live"));
        assertEquals(1920L, ((Number) teacher.js("return window.innerWidth")).longValue(), "a projector's width");
        // headless Chromium's screen is 800x600: full screen would shrink the window to it
        teacher.js("Element.prototype.requestFullscreen = function () { return Promise.resolve(); }");

        List<String> names = List.of("Ada", "Bob", "Cyd");
        List<Browser> students = new ArrayList<>();
        for (String name : names) {
            Browser s = browsers.open(1000, 760);
            join(s, code, name);
            students.add(s);
        }
        // Bob trains faster: the comparison must show the learning rate as their difference
        new Select(students.get(1).byId("learningRate")).selectByValue("0.3");
        for (Browser s : students) play(s);

        teacher.waitUntil(d -> teacher.byId("student-count").getText().equals("3"));
        Map<String, String> ids = new HashMap<>();
        for (WebElement c : teacher.all(".student-card")) ids.put(c.findElement(By.cssSelector(".student-name")).getText(), c.getAttribute("data-student-id"));
        assertEquals(3, ids.size(), ids.toString());

        // spotlight, anonymized: the projector names Bob by his anonymous label only
        teacher.byId("anonymize").click();
        teacher.waitUntil(d -> teacher.all(".student-card .student-name").stream().allMatch(e -> e.getText().startsWith("Student ")));
        String bobLabel = card(teacher, ids.get("Bob")).findElement(By.cssSelector(".student-name")).getText();
        card(teacher, ids.get("Bob")).findElement(By.cssSelector(".spotlight-button")).click();
        teacher.waitUntil(d -> teacher.byId("projector-spotlight").isDisplayed());
        teacher.waitUntil(d -> teacher.byId("spotlight-name").getText().equals(bobLabel));
        WebElement spotPanel = teacher.driver().findElement(By.cssSelector("#spotlight-run .run-panel"));
        assertEquals(ids.get("Bob"), spotPanel.getAttribute("data-student-id"));
        int first = teacher.waitUntil(d -> panelEpoch(spotPanel) > 0 ? panelEpoch(spotPanel) : null);
        teacher.waitUntil(d -> panelEpoch(spotPanel) > first);  // live
        String projected = teacher.byId("projector").getText();
        assertFalse(projected.contains("Bob"), "the real name is hidden: " + projected);
        assertTrue(teacher.all("#projector-spotlight button, #projector-spotlight input, #projector-spotlight select").isEmpty(),
                "the spotlight has nothing to click");
        teacher.screenshot("projector-spotlight");
        var map = teacher.driver().findElement(By.cssSelector("#spotlight-run .run-heat")).getRect();
        assertTrue(map.getWidth() >= 600 && map.getHeight() >= 600, "a large output map: " + map.getDimension());
        assertTrue(students.get(1).driver().getPageSource().contains("Your run is on the projector"), "Bob is told");

        // compare: three students side by side, live, the learning rate highlighted as their difference
        teacher.byId("projector-exit").click();
        teacher.waitUntil(d -> teacher.byId("student-grid").isDisplayed());
        for (String name : names) card(teacher, ids.get(name)).findElement(By.cssSelector(".compare-button")).click();
        assertEquals("Compare (3)", teacher.byId("compare").getText());
        teacher.byId("compare").click();
        teacher.waitUntil(d -> teacher.byId("projector-compare").isDisplayed());
        List<WebElement> panels = teacher.all("#compare-panels .run-panel");
        assertEquals(3, panels.size());
        for (WebElement p : panels) {
            int e0 = teacher.waitUntil(d -> panelEpoch(p) > 0 ? panelEpoch(p) : null);
            teacher.waitUntil(d -> panelEpoch(p) > e0);
            assertTrue(p.findElement(By.cssSelector(".run-name")).getText().startsWith("Student "), "anonymized");
        }
        teacher.waitUntil(d -> teacher.all("#compare-panels tr.differs[data-key='learningRate']").size() == 3);
        assertTrue(teacher.all("#compare-panels tr.differs[data-key='activation']").isEmpty(), "the same activation is not highlighted");
        List<String> rates = teacher.all("#compare-panels tr[data-key='learningRate'] td").stream().map(e -> e.getAttribute("textContent")).toList();
        for (WebElement p : panels) {
            var chart = p.findElement(By.cssSelector(".run-chart")).getRect();
            var panel = p.getRect();
            assertTrue(chart.getY() + chart.getHeight() <= panel.getY() + panel.getHeight(), "the loss chart ends inside its panel: "
                    + chart + " in " + panel);
            assertTrue(chart.getHeight() >= 150, "a loss chart one can read: " + chart.getDimension());
        }
        for (String name : names) {
            String chart = "#compare-panels .run-panel[data-student-id='" + ids.get(name) + "'] .run-chart";
            teacher.waitUntil(d -> ((Number) teacher.js(DRAWN_PIXELS, chart)).longValue() > 100);
        }
        teacher.screenshot("projector-compare");
        assertEquals(List.of("0.03", "0.3", "0.03"), orderBy(panels, ids, rates));

        // the class view: every student's boundary from a 40x40 grid of the model, redrawn while they train
        teacher.byId("projector-class-tab").click();
        teacher.waitUntil(d -> teacher.all("#class-thumbs .class-thumb").size() == 3);
        for (String name : names) {
            String css = "#class-thumbs .class-tile[data-student-id='" + ids.get(name) + "'] canvas";
            teacher.waitUntil(d -> ((Number) teacher.js("return document.querySelector(arguments[0]).width", css)).intValue() >= 40);
            long w = ((Number) teacher.js("return document.querySelector(arguments[0]).width", css)).longValue();
            long h = ((Number) teacher.js("return document.querySelector(arguments[0]).height", css)).longValue();
            assertTrue(w >= 40 && h >= 40, name + "'s thumbnail is " + w + "x" + h);
            long colours = ((Number) teacher.js(DISTINCT_COLOURS, css)).longValue();
            assertTrue(colours > 4, name + "'s thumbnail has " + colours + " colours: a real picture, not blocks");
            var shown = teacher.driver().findElement(By.cssSelector(css)).getRect();
            assertTrue(shown.getWidth() >= w, "shown at least at its own size: " + shown.getDimension());
            String before = (String) teacher.js(PIXELS, css);
            teacher.waitUntil(d -> !before.equals(teacher.js(PIXELS, css)));   // updated while training
        }
        teacher.waitUntil(d -> teacher.byId("class-histogram-caption").getText().equals("Test accuracy of 3 students"));
        long drawnLoss = ((Number) teacher.js(DRAWN_PIXELS, "#class-losses")).longValue();
        assertTrue(drawnLoss > 100, "the loss curves are drawn: " + drawnLoss);
        assertNotEquals(0L, ((Number) teacher.js(DRAWN_PIXELS, "#class-histogram")).longValue());
        Thread.sleep(1500); // a few more roster updates: the curves get longer for the picture
        teacher.screenshot("projector-class");

        // a reloaded dashboard draws the curves it had (the tab keeps them), not only what comes after
        long firstEpoch = ((Number) teacher.js(FIRST_CURVE_EPOCH, code)).longValue();
        teacher.driver().navigate().refresh();
        teacher.waitUntil(d -> teacher.byId("dash-connection").getText().equals("live"));
        teacher.js("Element.prototype.requestFullscreen = function () { return Promise.resolve(); }");
        teacher.byId("projector-open").click();
        teacher.waitUntil(d -> teacher.all("#class-thumbs .class-thumb").size() == 3);
        assertTrue(firstEpoch < 100, "the curves kept start near the start of the runs: " + firstEpoch);
        teacher.waitUntil(d -> ((Number) teacher.js(DRAWN_PIXELS, "#class-losses")).longValue() > 100);
        teacher.waitUntil(d -> ((Number) teacher.js(FIRST_CURVE_EPOCH, code)).longValue() == firstEpoch);
    }

    /** The earliest epoch of the class view's curves as the tab keeps them over a reload (-1: none), written as the page goes. */
    private static final String FIRST_CURVE_EPOCH = """
            dispatchEvent(new PageTransitionEvent('pagehide'));
            const kept = JSON.parse(sessionStorage.getItem('playground.classCurves.' + arguments[0]) ?? '{}');
            const firsts = Object.values(kept).map(c => c.epochs[0]);
            return firsts.length === 3 ? Math.min(...firsts) : -1;""";

    /** The learning rates of the panels, in the order of the names Ada, Bob, Cyd. */
    private static List<String> orderBy(List<WebElement> panels, Map<String, String> ids, List<String> rates) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("Ada", "Bob", "Cyd")) {
            for (int i = 0; i < panels.size(); i++) if (panels.get(i).getAttribute("data-student-id").equals(ids.get(name))) out.add(rates.get(i));
        }
        return out;
    }

    private static final String DISTINCT_COLOURS = """
            const c = document.querySelector(arguments[0]);
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            const seen = new Set();
            for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
            return seen.size;""";

    private static final String PIXELS = """
            const c = document.querySelector(arguments[0]);
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let h = 0;
            for (let i = 0; i < d.length; i++) h = (h * 31 + d[i]) | 0;
            return String(h);""";

    private static final String DRAWN_PIXELS = """
            const c = document.querySelector(arguments[0]);
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            let n = 0;
            for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n;""";
}
