package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.nnplayground.playground.browser.ClassBrowsers.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A class in four browsers (separate profiles, like four computers): a teacher hosts from the page,
 * three students join (by link, by typed code), play; the dashboard shows them live; pause all,
 * a pushed exercise with locked controls, a reload that keeps the run, anonymized names.
 */
@Tag("browser")
class ClassroomBrowserTest {
    private static PlaygroundServer server;
    private static Path data;
    private static final ClassBrowsers browsers = new ClassBrowsers(BrowserSession.WAIT);

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("classroom-data-");
        server = ClassBrowsers.serverOn(data);
    }

    @AfterAll
    static void stop() throws IOException {
        browsers.close();
        server.stop();
        ClassBrowsers.deleteTree(data);
    }

    private static Browser chromium(int width, int height) throws IOException { return browsers.open(width, height); }

    private static String base() { return "http://localhost:" + server.port() + "/"; }

    /** Card id -> epoch shown on the dashboard. */
    private static Map<String, Integer> cardEpochs(Browser teacher) {
        Map<String, Integer> out = new HashMap<>();
        for (WebElement card : teacher.all(".student-card")) {
            String text = card.findElement(By.cssSelector(".student-epoch")).getText();
            out.put(card.getAttribute("data-student-id"), Integer.parseInt(text.replaceAll("\\D", "")));
        }
        return out;
    }

    private static void join(Browser s, String name) {
        s.byId("student-name").sendKeys(name);
        s.byId("join-button").click();
        s.waitUntil(d -> s.byId("room-banner").isDisplayed());
        s.waitForFrame();
    }

    @Test
    void aTeacherAndThreeStudents() throws Exception {
        Browser teacher = chromium(1280, 900);
        teacher.driver().get(base() + "#dataset=xor&activation=tanh&networkShape=4,2&learningRate=0.03&seed=0.42");
        teacher.waitForFrame();
        teacher.byId("host-class").click();
        teacher.waitUntil(d -> teacher.byId("dash-connection").getText().equals("live"));
        String code = teacher.byId("room-code").getText();
        assertTrue(code.matches("[A-Z0-9]{6}"), code);
        assertFalse(teacher.driver().getCurrentUrl().contains("key="), "the key leaves the address bar (projector)");

        Browser ann = chromium(1100, 800);
        ann.driver().get(base() + "?room=" + code);                           // by link
        ann.waitUntil(d -> ann.byId("room-join").isDisplayed());
        assertEquals(code, ann.byId("room-code-input").getAttribute("value"));
        join(ann, "Ann");
        assertTrue(ann.byId("room-banner").getText().contains(code));
        assertTrue(ann.byId("iter-number").isDisplayed());

        Browser bob = chromium(1100, 800);
        bob.driver().get(base());                                             // by typing the code
        bob.waitForFrame();
        bob.screenshot("class-0-page-with-class-buttons");
        bob.byId("join-class").click();
        bob.byId("room-code-input").sendKeys(code.substring(0, 3).toLowerCase() + " " + code.substring(3));
        bob.byId("student-name").sendKeys("Bob <b>bold</b>");
        bob.screenshot("class-0-join-form");
        bob.byId("student-name").clear();
        join(bob, "Bob <b>bold</b>");                                         // shown as text, never as HTML

        Browser cy = chromium(1100, 800);
        cy.driver().get(base() + "?room=" + code);
        cy.waitUntil(d -> cy.byId("room-join").isDisplayed());
        join(cy, "Cy");
        List<Browser> students = List.of(ann, bob, cy);
        for (Browser s : students) assertTrue(s.js("return location.hash").toString().contains("dataset=xor"), "the host's playground is the exercise");

        for (Browser s : students) s.byId("play-pause-button").click();
        teacher.waitUntil(d -> teacher.all(".student-card").size() == 3);
        teacher.waitUntil(d -> cardEpochs(teacher).values().stream().allMatch(e -> e > 0));
        Map<String, Integer> first = cardEpochs(teacher);
        // the dashboard's next updates, as soon as every card has one (a wait, not a fixed 1.5 s)
        Map<String, Integer> later = teacher.waitUntil(d -> {
            Map<String, Integer> now = cardEpochs(teacher);
            return first.keySet().stream().allMatch(id -> now.getOrDefault(id, 0) > first.get(id)) ? now : null;
        });
        for (String id : first.keySet()) assertTrue(later.get(id) > first.get(id), "card " + id + " advances: " + first + " -> " + later);
        assertTrue(teacher.all(".student-name").stream().anyMatch(e -> e.getText().equals("Bob <b>bold</b>")), "names are text");
        assertEquals(0, teacher.all(".student-name b").size());
        teacher.screenshot("class-1-dashboard-live");
        ann.screenshot("class-2-student-in-room");

        // pause all: every student stops (how fast is a benchmark's question: a loaded machine may take longer)
        teacher.byId("pause-all").click();
        for (Browser s : students) s.waitUntil(d -> !s.playing());
        Map<String, Integer> stopped = new HashMap<>();
        for (int i = 0; i < 3; i++) stopped.put("s" + i, students.get(i).epoch());
        Thread.sleep(700);
        for (int i = 0; i < 3; i++) assertEquals(stopped.get("s" + i), students.get(i).epoch(), "no more epochs after pause all");

        // a pushed exercise changes every student's controls and hides the locked ones
        String exercise = base() + "#dataset=circle&activation=relu&learningRate=0.1&networkShape=3&seed=0.7"
                + "&learningRate_hide=true&activation_hide=true&playButton_hide=false";
        teacher.byId("exercise-link").clear();
        teacher.byId("exercise-link").sendKeys(exercise);
        teacher.byId("push-exercise").click();
        try {
            ann.waitUntil(d -> ann.js("return location.hash").toString().contains("dataset=circle"));
        } catch (RuntimeException e) {
            teacher.screenshot("class-fail-teacher");
            ann.screenshot("class-fail-student");
            throw new AssertionError("push did not arrive; dashboard says: " + teacher.byId("dash-toasts").getText()
                    + "; student hash " + ann.js("return location.hash"), e);
        }
        for (Browser s : students) {
            s.waitUntil(d -> s.js("return location.hash").toString().contains("dataset=circle"));
            s.waitUntil(d -> !s.byId("learningRate").isDisplayed() && !s.byId("activations").isDisplayed());
            assertEquals("0.1", s.byId("learningRate").getAttribute("value"));
            assertEquals("relu", s.byId("activations").getAttribute("value"));
            assertTrue(s.byId("batchSize").isDisplayed(), "controls the exercise leaves open stay");
            assertTrue(s.byId("sweep-run").isEnabled(), "play is not hidden: the sweep stays on");
        }
        ann.screenshot("class-3-student-after-push");

        // a reload keeps the card and the epoch
        for (int i = 0; i < 4; i++) ann.byId("next-step-button").click();
        ann.waitUntil(d -> ann.epoch() == 4);
        String annId = teacher.waitUntil(d -> teacher.all(".student-card").stream()
                .filter(c -> c.findElement(By.cssSelector(".student-name")).getText().equals("Ann")).findFirst()
                .map(c -> c.getAttribute("data-student-id")).orElse(null));
        ann.driver().navigate().refresh();
        ann.waitForFrame();
        ann.waitUntil(d -> ann.byId("room-banner").isDisplayed());
        ann.waitUntil(d -> ann.epoch() == 4);
        assertTrue(ann.js("return location.hash").toString().contains("dataset=circle"), "same run after the reload");
        teacher.waitUntil(d -> cardEpochs(teacher).get(annId) == 4);
        assertEquals(3, teacher.all(".student-card").size(), "the same card, not a new student");
        ann.screenshot("class-4-student-after-reload");

        // anonymize hides every name on the dashboard
        teacher.byId("anonymize").click();
        teacher.waitUntil(d -> teacher.all(".student-name").stream().allMatch(e -> e.getText().matches("Student \\d")));
        String page = teacher.driver().getPageSource();
        assertFalse(page.contains("Ann") || page.contains("Cy") || page.contains("Bob"), "no real name left on the dashboard");
        teacher.waitUntil(d -> teacher.all("#leaderboard li").size() == 3
                && teacher.all("#leaderboard li").stream().allMatch(li -> li.getText().contains("13 parameters")));
        teacher.screenshot("class-5-dashboard-anonymized");

        // opening a card shows that run, read-only
        String tabs = teacher.driver().getWindowHandle();
        teacher.all(".student-card").get(0).click();
        teacher.waitUntil(d -> d.getWindowHandles().size() == 2);
        for (String h : teacher.driver().getWindowHandles()) if (!h.equals(tabs)) teacher.driver().switchTo().window(h);
        teacher.waitForFrame();
        teacher.waitUntil(d -> teacher.byId("watch-name").getText().startsWith("Student"));
        assertTrue((Boolean) teacher.js("return document.body.classList.contains('read-only')"));
        teacher.screenshot("class-6-teacher-watches-a-run");

        // the spotlight: that run on the dashboard's projector view, anonymized, and the student is told
        teacher.driver().switchTo().window(tabs);
        // headless Chromium's screen is 800x600: full screen would shrink the window to it
        teacher.js("Element.prototype.requestFullscreen = function () { return Promise.resolve(); }");
        WebElement spotCard = teacher.all(".student-card").get(0);
        String spotId = spotCard.getAttribute("data-student-id");
        String spotName = spotCard.findElement(By.cssSelector(".student-name")).getText();
        assertTrue(spotName.startsWith("Student"), spotName);
        spotCard.findElement(By.cssSelector(".spotlight-button")).click();
        teacher.waitUntil(d -> teacher.byId("projector-spotlight").isDisplayed());
        teacher.waitUntil(d -> teacher.byId("spotlight-name").getText().equals(spotName));
        teacher.waitUntil(d -> !teacher.driver().findElement(By.cssSelector("#spotlight-run .run-epoch")).getText().equals("–"));
        assertFalse(teacher.byId("dash-header").isDisplayed(), "the projector has the whole screen");
        teacher.screenshot("class-7-spotlight-on-the-projector");
        Browser spotlit = spotId.equals(annId) ? ann : null;
        if (spotlit != null) spotlit.waitUntil(d -> spotlit.byId("toasts").getText().contains("projector"));
        teacher.byId("projector-exit").click();
        teacher.waitUntil(d -> teacher.byId("dash-header").isDisplayed());

        // a locked button's keyboard shortcut is off too: space no longer plays, the right arrow still steps
        teacher.driver().switchTo().window(tabs);
        teacher.byId("exercise-link").clear();
        teacher.byId("exercise-link").sendKeys("dataset=gauss&networkShape=2&seed=0.4&playButton_hide=true");
        teacher.byId("push-exercise").click();
        bob.waitUntil(d -> bob.js("return location.hash").toString().contains("dataset=gauss") && !bob.byId("play-pause-button").isDisplayed());
        // a sweep trains too: the hidden play button turns it off on the page (and the server refuses it)
        bob.waitUntil(d -> !bob.byId("sweep-run").isEnabled());
        bob.screenshot("class-9-play-hidden-sweep-off");
        bob.waitForFrame();
        int before = bob.epoch();
        new org.openqa.selenium.interactions.Actions(bob.driver()).sendKeys(org.openqa.selenium.Keys.SPACE).perform();
        Thread.sleep(700);
        assertFalse(bob.playing(), "space does not play when the play button is locked");
        assertEquals(before, bob.epoch());
        new org.openqa.selenium.interactions.Actions(bob.driver()).sendKeys(org.openqa.selenium.Keys.ARROW_RIGHT).perform();
        bob.waitUntil(d -> bob.epoch() == before + 1);

        // the teacher's own playground in another tab: pushing it is one click
        teacher.driver().switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        teacher.driver().get(base() + "#dataset=spiral&networkShape=6,6&activation=tanh&seed=0.2&discretize_hide=true");
        teacher.waitForFrame();
        teacher.waitUntil(d -> teacher.byId("push-current").isDisplayed());
        assertTrue(teacher.byId("push-current").getText().contains(code));
        teacher.byId("push-current").click();
        for (Browser s : students) s.waitUntil(d -> s.js("return location.hash").toString().contains("dataset=spiral"));
        teacher.screenshot("class-8-teacher-pushes-a-playground");
    }
}
