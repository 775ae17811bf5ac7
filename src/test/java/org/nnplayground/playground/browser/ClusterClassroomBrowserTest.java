package org.nnplayground.playground.browser;

import org.nnplayground.playground.store.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.room.RoomLimits;
import org.nnplayground.playground.store.StoreSettings;
import org.nnplayground.playground.web.ClusterSettings;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.nnplayground.playground.browser.ClassBrowsers.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One class on two servers sharing a PostgreSQL (PG_TEST_URL), in real browsers: the teacher's
 * dashboard on server one shows a student whose page is on server two, pause all stops her there,
 * and when server two is replaced by a new one on the same address (a restart), her page resumes
 * its run from the checkpoint and says so.
 */
@Tag("browser")
class ClusterClassroomBrowserTest {
    private static PlaygroundServer one;
    private static PlaygroundServer two;
    private static final List<Path> dirs = new ArrayList<>();
    private static final ClassBrowsers browsers = new ClassBrowsers(BrowserSession.WAIT);

    static ServerConfig config(String replica, int port) throws IOException {
        Path dir = Files.createTempDirectory("cluster-class-");
        dirs.add(dir);
        return ServerConfig.defaults().toBuilder().port(port)
                .store(new StoreSettings(dir, TestPostgres.url(), 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES))
                .rooms(RoomLimits.defaults())
                .cluster(new ClusterSettings(replica, Duration.ofSeconds(1)))
                .build();
    }

    @BeforeAll
    static void start() throws IOException {
        String url = TestPostgres.url();
        assumeTrue(url != null && !url.isBlank(), "PG_TEST_URL is not set (scripts/test.sh sets it)");
        one = PlaygroundServer.start(config("one", 0));
        two = PlaygroundServer.start(config("two", 0));
    }

    @AfterAll
    static void stop() throws IOException {
        browsers.close();
        if (one != null) one.stop();
        if (two != null) two.stop();
        for (Path dir : dirs) ClassBrowsers.deleteTree(dir);
    }

    private static Browser chromium(int width, int height) throws IOException { return browsers.open(width, height); }

    private static Map<String, String> cardStates(Browser teacher) {
        Map<String, String> out = new HashMap<>();
        for (WebElement card : teacher.all(".student-card")) out.put(card.findElement(By.cssSelector(".student-name")).getText(), card.getAttribute("data-state"));
        return out;
    }

    private static int cardEpoch(Browser teacher, String name) {
        for (WebElement card : teacher.all(".student-card")) {
            if (card.findElement(By.cssSelector(".student-name")).getText().equals(name)) {
                return Integer.parseInt(card.findElement(By.cssSelector(".student-epoch")).getText().replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static void join(Browser s, PlaygroundServer server, String code, String name) {
        s.driver().get("http://localhost:" + server.port() + "/?room=" + code);
        s.waitUntil(d -> s.byId("room-join").isDisplayed());
        s.byId("student-name").sendKeys(name);
        s.byId("join-button").click();
        s.waitUntil(d -> s.byId("room-banner").isDisplayed());
        s.waitForFrame();
    }

    @Test
    void aDashboardOnOneServerLeadsAStudentOnTheOtherWhoSurvivesItsRestart() throws Exception {
        Browser teacher = chromium(1280, 800);
        teacher.driver().get("http://localhost:" + one.port() + "/#dataset=xor&activation=tanh&networkShape=4,2&learningRate=0.03&seed=0.42");
        teacher.waitForFrame();
        teacher.byId("host-class").click();
        teacher.waitUntil(d -> teacher.byId("dash-connection").getText().equals("live"));
        String code = teacher.byId("room-code").getText();

        Browser ann = chromium(1100, 800);
        join(ann, two, code, "Ann");                       // on the other server
        Browser bob = chromium(1100, 800);
        join(bob, one, code, "Bob");
        for (Browser s : List.of(ann, bob)) s.byId("play-pause-button").click();
        teacher.waitUntil(d -> teacher.all(".student-card").size() == 2);
        teacher.waitUntil(d -> cardEpoch(teacher, "Ann") > 0 && cardEpoch(teacher, "Bob") > 0);
        int first = cardEpoch(teacher, "Ann");
        teacher.waitUntil(d -> cardEpoch(teacher, "Ann") > first);
        teacher.screenshot("cluster-1-dashboard-on-one-student-on-two");

        // pause all reaches the student on the other server (how fast is the cluster bench's question)
        teacher.byId("pause-all").click();
        ann.waitUntil(d -> !ann.playing());
        teacher.waitUntil(d -> "paused".equals(cardStates(teacher).get("Ann")));
        int paused = ann.epoch();

        // server two is replaced by a new one on the same address (a restart): Ann's page reconnects
        int port = two.port();
        Thread.sleep(1000); // her paused run's checkpoint (taken when it stopped) is written
        two.stopAbruptly();
        two = PlaygroundServer.start(config("two-again", port));
        ann.waitUntil(d -> ann.all("#toasts .toast").stream().anyMatch(t -> t.getText().contains("your run continues from epoch " + paused)));
        ann.waitForFrame();
        assertEquals(paused, ann.epoch(), "her run goes on from where it was paused");
        ann.screenshot("cluster-2-student-resumed-on-a-new-server");
        ann.byId("play-pause-button").click();
        teacher.waitUntil(d -> cardEpoch(teacher, "Ann") > paused && "playing".equals(cardStates(teacher).get("Ann")));
        teacher.screenshot("cluster-3-dashboard-after-the-restart");
    }
}
