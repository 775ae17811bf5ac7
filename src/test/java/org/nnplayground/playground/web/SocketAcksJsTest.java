package org.nnplayground.playground.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The page's acknowledgements (web/js/socket.js) under Node: two frames an ack, a lone one after 40 ms. */
class SocketAcksJsTest {
    @Test
    void thePageAcknowledgesTwoFramesAtATime() throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed");
        Process p = new ProcessBuilder("node", "--test", "src/test/js/socket-acks.test.mjs").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "node --test did not finish");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("# pass 3"), out);
        // the server's exact-text fast path reads what the page writes
        assertEquals(2, MessageGate.exactAck("{\"type\":\"ack\",\"frames\":2}"));
        assertEquals(1, MessageGate.exactAck("{\"type\":\"ack\"}"));
        assertEquals(0, MessageGate.exactAck("{\"type\":\"ack\",\"frames\":4}"));
    }

    private static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
