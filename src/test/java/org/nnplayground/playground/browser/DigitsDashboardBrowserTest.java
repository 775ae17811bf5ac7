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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The teacher's dashboard of a digits class: the card shows two mistaken digits, the leaderboard (and its heading) the test accuracy. */
@Tag("browser")
class DigitsDashboardBrowserTest {
    private static final String DIGITS = "dataset=mnist&networkShape=16&activation=relu&optimizer=adam&batchSize=50"
            + "&learningRate=0.003&seed=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PlaygroundServer server;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        server = PlaygroundServer.start(ServerConfig.defaults().withPort(0));
        driver = Chromiums.take(1280, 900);
    }

    @AfterAll
    static void stop() {
        Chromiums.give(driver);
        server.stop();
    }

    private static JsonNode post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void theCardShowsMistakenDigitsAndTheLeaderboardTheAccuracy() throws Exception {
        JsonNode room = post("/api/rooms", JSON.writeValueAsString(java.util.Map.of("exercise", DIGITS)));
        String code = room.get("code").asText();
        String token = post("/api/rooms/" + code + "/students", "{\"name\":\"Ada\"}").get("token").asText();
        // the student as a page would be: resume, one epoch once the run is built, every frame acknowledged
        WebSocket student = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + server.port() + "/ws/room"),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            if (text.indexOf("\"type\":\"session\"") >= 0) ws.sendText("{\"type\":\"step\",\"epochs\":1}", true);
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                        if (last) ws.sendText("{\"type\":\"ack\"}", true);
                        ws.request(1);
                        return null;
                    }
                }).join();
        try {
            student.sendText("{\"type\":\"resume\",\"token\":\"" + token + "\"}", true).join();
            driver.get(room.get("teacherUrl").asText());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(90), Duration.ofMillis(100));
            wait.until(d -> d.findElements(By.cssSelector(".student-card .student-mistakes canvas")).size() == 2);
            Object labels = driver.executeScript("return [...document.querySelectorAll('.student-mistake > span')].map(s => s.textContent)");
            for (Object label : (java.util.List<?>) labels) {
                String[] said = label.toString().split("→");
                assertEquals(2, said.length, label.toString());
                assertTrue(!said[0].equals(said[1]), "a mistake: " + label);
            }
            Object ink = driver.executeScript("const c = document.querySelector('.student-mistake canvas');"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let light = 0; for (let i = 0; i < d.length; i += 4) if (d[i] > 100) light++; return [c.width, light > 5]");
            assertEquals(java.util.List.of(14L, true), ink, "a 14x14 digit, light on dark");
            wait.until(d -> d.findElement(By.id("leaderboard")).getText().contains("test accuracy"));
            // the heading says what the board ranks by: an image run's accuracy, not its loss
            assertEquals("Leaderboard: best test accuracy", driver.findElement(By.id("leaderboard-title")).getText());
            assertTrue(driver.findElement(By.id("leaderboard-hint")).getText().startsWith("Each student's highest test accuracy"));
            Files.write(Path.of("/tmp", "digits-dashboard.png"), driver.getScreenshotAs(OutputType.BYTES));
        } finally {
            student.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        }
    }
}
