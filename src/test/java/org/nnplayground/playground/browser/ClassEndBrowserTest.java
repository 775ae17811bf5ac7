package org.nnplayground.playground.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names and the end of a class in four browsers (a teacher and three students, separate profiles):
 * two students named Ada are told apart, the dashboard counts "1 student", a removed student and
 * then every student of the closed class see a page that stays with every control back, the
 * closed dashboard is read-only and keeps its report, and the closed code says the class ended.
 */
@Tag("browser")
class ClassEndBrowserTest {
    private static final String EXERCISE = "dataset=xor&activation=tanh&networkShape=3&seed=0.5&activation_hide=true";
    private static PlaygroundServer server;
    private static Path data;
    private static final List<ChromeDriver> drivers = new ArrayList<>();

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("class-end-data-");
        server = ClassBrowsers.serverOn(data);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ChromeDriver d : drivers) Chromiums.give(d);
        server.stop();
        ClassBrowsers.deleteTree(data);
    }

    private static ChromeDriver chromium() {
        ChromeDriver d = Chromiums.take(1100, 800);
        drivers.add(d);
        return d;
    }

    private static <T> T waitUntil(WebDriver d, Function<WebDriver, T> condition) {
        return new WebDriverWait(d, BrowserSession.WAIT, BrowserSession.CLASS_POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    private static WebElement byId(WebDriver d, String id) { return d.findElement(By.id(id)); }

    private static Object js(WebDriver d, String script) { return ((JavascriptExecutor) d).executeScript(script); }

    private static String base() { return "http://localhost:" + server.port(); }

    /** Opens the join link and joins as {@code name}: the name the class gave back. */
    private static String join(WebDriver s, String code, String name) {
        s.get(base() + "/?room=" + code);
        waitUntil(s, d -> byId(d, "room-join").isDisplayed());
        byId(s, "student-name").sendKeys(name);
        byId(s, "join-button").click();
        waitUntil(s, d -> byId(d, "room-banner").isDisplayed());
        return waitUntil(s, d -> {
            String shown = byId(d, "room-banner-name").getText();
            return shown.isEmpty() ? null : shown.replace("· ", "");
        });
    }

    private static List<String> cardNames(WebDriver teacher) {
        return teacher.findElements(By.cssSelector(".student-card .student-name")).stream().map(WebElement::getText).sorted().toList();
    }

    /** A student's page after the class ended for them: the panel stays, every control is back. */
    private static void endedPage(WebDriver s, String title, String who) throws InterruptedException {
        waitUntil(s, d -> byId(d, "class-ended").isDisplayed());
        assertEquals(title, byId(s, "class-ended-title").getText());
        assertTrue(byId(s, "class-ended-text").getText().contains(who), byId(s, "class-ended-text").getText());
        assertFalse(byId(s, "room-banner").isDisplayed(), "no longer in the class");
        waitUntil(s, d -> byId(d, "activations").isDisplayed());
        assertTrue(byId(s, "class-ended-keep").getAttribute("href").contains("dataset=xor"), "the run's settings");
        assertFalse(byId(s, "class-ended-keep").getAttribute("href").contains("_hide"), "with every control");
        Thread.sleep(3000); // the old page reloaded after 2.5 s, losing its message: this one stays
        assertTrue(byId(s, "class-ended").isDisplayed(), "the page stays");
    }

    @Test
    void namesAreToldApartAndTheEndOfTheClassStays() throws Exception {
        HttpResponse<String> made = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/api/rooms"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"exercise\":\"" + EXERCISE + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode room = new ObjectMapper().readTree(made.body());
        String code = room.get("code").asText();
        String teacherUrl = room.get("teacherUrl").asText();
        String key = URLDecoder.decode(teacherUrl.substring(teacherUrl.indexOf("#key=") + 5), StandardCharsets.UTF_8);

        ChromeDriver teacher = chromium();
        teacher.get(teacherUrl);
        waitUntil(teacher, d -> byId(d, "dash-connection").getText().equals("live"));
        js(teacher, "window.confirm = () => true");

        ChromeDriver ada = chromium();
        ChromeDriver ada2 = chromium();
        ChromeDriver bob = chromium();
        assertEquals("Ada", join(ada, code, "Ada"));
        waitUntil(teacher, d -> byId(d, "student-count").getText().equals("1"));
        assertEquals("1 student", js(teacher, "return document.getElementById('student-count').textContent + document.getElementById('student-noun').textContent"));
        assertFalse(byId(ada, "activations").isDisplayed(), "the exercise hides the activation");
        assertEquals("Ada 2", join(ada2, code, "Ada"));
        assertEquals("Bob", join(bob, code, "Bob"));
        waitUntil(teacher, d -> cardNames(d).equals(List.of("Ada", "Ada 2", "Bob")));
        assertEquals("3 students", js(teacher, "return document.getElementById('student-count').textContent + document.getElementById('student-noun').textContent"));
        assertTrue(byId(teacher, "leaderboard-title").getText().contains("test loss"));

        // the teacher removes Ada 2: her page says so and stays, her playground has every control again
        WebElement card = waitUntil(teacher, d -> d.findElements(By.cssSelector(".student-card")).stream()
                .filter(c -> c.findElement(By.cssSelector(".student-name")).getText().equals("Ada 2")).findFirst().orElse(null));
        card.findElement(By.cssSelector(".remove-button")).click();
        endedPage(ada2, "You were removed from the class", "Your teacher removed you from class " + code);
        waitUntil(teacher, d -> cardNames(d).equals(List.of("Ada", "Bob")));
        // removal sticks: her name is refused in plain words
        ada2.get(base() + "/?room=" + code);
        waitUntil(ada2, d -> byId(d, "room-join").isDisplayed());
        byId(ada2, "student-name").sendKeys("Ada 2");
        byId(ada2, "join-button").click();
        waitUntil(ada2, d -> byId(d, "join-error").getText().contains("the teacher removed"));

        // the teacher closes the class: every student's page says so and stays
        byId(teacher, "close-room").click();
        endedPage(ada, "The class has ended", "Your teacher closed class " + code);
        endedPage(bob, "The class has ended", "Your teacher closed class " + code);

        // the dashboard is read-only and says so, also after a reload; the report is still there
        waitUntil(teacher, d -> byId(d, "dash-ended").isDisplayed());
        assertFalse(byId(teacher, "pause-all").isDisplayed(), "no live-looking buttons");
        teacher.navigate().refresh();
        waitUntil(teacher, d -> byId(d, "dash-ended").isDisplayed());
        assertTrue(byId(teacher, "dash-ended").getText().contains("This class has ended"));
        assertFalse(teacher.getPageSource().contains("teacher key is missing or wrong"));
        Object report = ((JavascriptExecutor) teacher).executeAsyncScript("const done = arguments[0];"
                + "fetch('/api/rooms/" + code + "/report.csv', { headers: { 'X-Teacher-Key': '" + key + "' } })"
                + ".then(r => r.text().then(t => done(r.status + '|' + t)))");
        assertTrue(report.toString().startsWith("200|name,"), report.toString());
        assertTrue(report.toString().contains("Bob"), "the report as the class ended: " + report);

        // joining the closed class says it has ended
        bob.get(base() + "/?room=" + code);
        waitUntil(bob, d -> byId(d, "room-join").isDisplayed());
        byId(bob, "student-name").sendKeys("Bob");
        byId(bob, "join-button").click();
        waitUntil(bob, d -> byId(d, "join-error").getText().contains("has ended"));
    }
}
