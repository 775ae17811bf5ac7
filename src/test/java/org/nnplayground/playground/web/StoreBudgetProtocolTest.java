package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nnplayground.playground.store.StoreSettings;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The store's budget: saves are refused in plain words once saved runs fill it, /health shows the
 * size against the budget, and once room is freed saves are taken again without a restart.
 */
class StoreBudgetProtocolTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** About 1 MB a snapshot (41,000 weights with their gradients and Adam's moments). */
    private static final String BIG = "networkShape=200,200&optimizer=adam";
    private static final int BUDGET_MB = 16;

    @TempDir
    Path temp;

    @Test
    void savesAreRefusedWhenTheBudgetIsSpentAndTakenAgainOnceRoomIsFreed() throws Exception {
        Path data = temp.resolve("data");
        PlaygroundServer server = PlaygroundServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withStore(new StoreSettings(data, null, 90, 1000, StoreSettings.DEFAULT_MAX_RUN_BYTES, BUDGET_MB)));
        try {
            List<String> saved = new ArrayList<>();
            HttpResponse<String> r = post(server);
            while (r.statusCode() == 201 && saved.size() < 100) {
                saved.add(JSON.readTree(r.body()).get("id").asText());
                r = post(server);
            }
            assertEquals(503, r.statusCode(), "refused once the budget is spent: " + r.body());
            String message = JSON.readTree(r.body()).get("error").asText();
            assertTrue(message.contains("storage is full") && message.contains("of 16.0 MiB"), message);
            assertTrue(saved.size() >= 5 && saved.size() <= 40, saved.size() + " saves of about 1 MB fit in 16 MiB");
            JsonNode store = JSON.readTree(get(server, "/health").body()).get("store");
            assertEquals((long) BUDGET_MB << 20, store.get("budgetBytes").asLong());
            assertTrue(store.get("usedBytes").asLong() <= (long) BUDGET_MB << 20, store.toString());
            assertTrue(store.get("usedBytes").asLong() > (long) (BUDGET_MB - 3) << 20, store.toString());
            assertEquals(200, get(server, "/api/runs/" + saved.get(0)).statusCode(), "what was saved stays readable");

            // the operator frees room (here: deletes half of the runs) while the server runs
            try (Connection con = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath().resolve("playground")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""); Statement st = con.createStatement()) {
                for (String id : saved.subList(0, saved.size() / 2)) st.executeUpdate("DELETE FROM runs WHERE id = '" + id + "'");
            }
            long deadline = System.nanoTime() + 60_000_000_000L;
            r = post(server);
            while (r.statusCode() == 503 && System.nanoTime() < deadline) {
                Thread.sleep(250);
                r = post(server);
            }
            assertEquals(201, r.statusCode(), "taken again once room is freed, no restart: " + r.body());
        } finally {
            server.stop();
        }
    }

    private static HttpResponse<String> post(PlaygroundServer server) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/runs"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("link", BIG, "epochs", 1)))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(PlaygroundServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
