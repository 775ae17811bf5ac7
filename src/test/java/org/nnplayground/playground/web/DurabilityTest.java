package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.PlaygroundApp;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Save, SIGKILL the server process right after the answer, start it again: the run loads. */
class DurabilityTest {
    private static final Pattern LISTENING = Pattern.compile("http://[^:]+:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void aSavedRunSurvivesSigkill() throws Exception {
        String id;
        Process first = startServer();
        try (WsClient c = WsClient.connect(portOf(first))) {
            c.send("{\"type\":\"load\",\"link\":\"dataset=spiral&networkShape=8,4&optimizer=adam&seed=0.2\"}");
            c.frameAt(0);
            c.send("{\"type\":\"step\",\"epochs\":30}");
            c.frameAt(30);
            c.send("{\"type\":\"save\"}");
            id = c.next("saved").get("id").asText();
            first.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close of the database
            assertTrue(first.waitFor(10, TimeUnit.SECONDS));
            assertEquals(137, first.exitValue(), "killed by SIGKILL");
        } finally {
            first.destroyForcibly();
        }
        Process second = startServer();
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + portOf(second) + "/api/runs/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode run = new ObjectMapper().readTree(r.body());
            assertEquals(30, run.get("epoch").asInt());
            assertEquals(31, run.get("lossHistory").get("train").size());
        } finally {
            second.destroy();
            second.waitFor(10, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private Process startServer() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), PlaygroundApp.class.getName(),
                "serve", "--port", "0", "--host", "127.0.0.1", "--data-dir", dir.resolve("data").toString(), "--workers", "1")
                .redirectErrorStream(true).start();
    }

    /** Reads the child's output until it says where it listens (then keeps draining it). */
    private static int portOf(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) port.complete(Integer.parseInt(m.group(1)));
                }
            } catch (Exception ignored) {
                // the process was killed
            }
            port.completeExceptionally(new AssertionError("the server exited before listening"));
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
        return port.get(180, TimeUnit.SECONDS); // a limit: a JVM starts slowly on a loaded machine
    }
}
