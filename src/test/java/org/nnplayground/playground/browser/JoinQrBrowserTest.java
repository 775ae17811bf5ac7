package org.nnplayground.playground.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nnplayground.playground.QrImages;
import org.nnplayground.playground.browser.ClassBrowsers.Browser;
import org.nnplayground.playground.web.PlaygroundServer;
import org.nnplayground.playground.web.ServerConfig;
import org.openqa.selenium.OutputType;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A teacher who opened the playground on localhost hosts a class: the dashboard shows a join link
 * students can reach (this machine's network address, not localhost) and a QR code of it; the QR
 * code, read from the screen's pixels, is that link, and a student's browser opening it gets the
 * join form with the code filled in.
 */
@Tag("browser")
class JoinQrBrowserTest {
    private static PlaygroundServer server;
    private static Path data;
    private static final ClassBrowsers browsers = new ClassBrowsers(BrowserSession.WAIT);

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("join-qr-data-");
        server = ClassBrowsers.serverOn(data);
    }

    @AfterAll
    static void stop() throws IOException {
        browsers.close();
        server.stop();
        ClassBrowsers.deleteTree(data);
    }

    /** Whether this machine has an up, non-loopback IPv4 address (then the link must not say localhost). */
    private static boolean hasNetworkAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp() || ni.isLoopback()) continue;
            for (var a : Collections.list(ni.getInetAddresses())) if (a instanceof Inet4Address && !a.isLinkLocalAddress()) return true;
        }
        return false;
    }

    /**
     * The text of the QR code as the page shows it (a screenshot of the image). On a busy machine one
     * screenshot may catch the image mid-paint and not decode, so it is taken again, for up to 30 s; a
     * code that never decodes, or decodes to another text, still fails.
     */
    private static String decodedQr(Browser teacher) throws Exception {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            var pixels = ImageIO.read(new ByteArrayInputStream(teacher.byId("join-qr").getScreenshotAs(OutputType.BYTES)));
            try {
                return QrImages.decode(pixels);
            } catch (com.google.zxing.ReaderException unreadable) {
                if (System.nanoTime() > until) throw unreadable;
                Thread.sleep(500);
            }
        }
    }

    @Test
    void theQrCodeOnTheDashboardIsTheJoinLinkItShows() throws Exception {
        Browser teacher = browsers.open(1920, 1080);
        teacher.driver().get("http://localhost:" + server.port() + "/#dataset=xor&activation=tanh&seed=0.42");
        teacher.waitForFrame();
        teacher.byId("host-class").click();
        teacher.waitUntil(d -> teacher.byId("dash-connection").getText().equals("live"));
        String code = teacher.byId("room-code").getText();
        String link = teacher.byId("join-url").getText();
        assertTrue(link.endsWith(":" + server.port() + "/?room=" + code), link);
        if (hasNetworkAddress()) assertFalse(link.contains("localhost") || link.contains("127.0.0.1"), "students cannot reach " + link);

        teacher.waitUntil(d -> Boolean.TRUE.equals(teacher.js(
                "const i = document.getElementById('join-qr'); return i.complete && i.naturalWidth > 0 && !i.hidden;")));
        var box = teacher.byId("join-qr").getRect();
        assertTrue(box.getWidth() >= 200 && box.getHeight() >= 200, "large enough for a projector: " + box.getDimension());
        teacher.screenshot("join-qr-dashboard");
        assertEquals(link, decodedQr(teacher));

        Browser student = browsers.open(1100, 800);
        student.driver().get(link);
        student.waitUntil(d -> student.byId("room-join").isDisplayed());
        assertEquals(code, student.byId("room-code-input").getAttribute("value"));
    }
}
