package org.nnplayground.playground.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.QrImages;
import org.nnplayground.playground.web.RoomClient.Made;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The room's join QR code ({@code GET /api/rooms/{code}/qr.svg}) and the join link the dashboard is told. */
class JoinQrProtocolTest {
    private static Path data;
    private static PlaygroundServer server;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("join-qr-");
        server = PlaygroundServer.start(RoomServers.config(data).toBuilder().publicUrl("https://play.school.example/").build());
    }

    @AfterAll
    static void stop() throws Exception { RoomServers.stop(server, data); }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theQrCodeDecodesToTheJoinLinkTheTeachersDashboardIsTold() throws Exception {
        Made room = RoomClient.room(server, null);
        WsClient teacher = RoomClient.withRole(server, "{\"type\":\"teach\",\"code\":\"" + room.code() + "\",\"key\":\"" + room.key() + "\"}");
        String joinUrl = teacher.nextKeepingOthers("teaching").get("joinUrl").asText();
        teacher.close();
        assertEquals("https://play.school.example/?room=" + room.code(), joinUrl);
        assertEquals(joinUrl, room.json().get("joinUrl").asText(), "the link POST /api/rooms answers is the dashboard's");

        // no teacher key, any case of the code: the link is what the projector shows everyone
        HttpResponse<String> r = get("/api/rooms/" + room.code().toLowerCase() + "/qr.svg");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("image/svg+xml"));
        assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"), "the other routes' security headers");
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals(joinUrl, QrImages.decode(QrImages.draw(r.body(), 8)));
    }

    @Test
    void onlyAClassCodeIsEncoded() throws Exception {
        HttpResponse<String> r = get("/api/rooms/" + "NOT%20A%20CODE%3Cscript%3E" + "/qr.svg");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("6 letters and digits"), r.body());
        assertEquals(400, get("/api/rooms/ABCDEFG/qr.svg").statusCode());
    }
}
