package org.nnplayground.playground.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What waits for a session's turn: one build, the newest set per key, a bound on the rest. */
class RequestQueueTest {
    private final RequestQueue queue = new RequestQueue();

    private static RequestQueue.Request request(String name, RequestQueue.Kind kind, String key) {
        return new RequestQueue.Request(name, kind, key, kind == RequestQueue.Kind.BUILD, () -> {});
    }

    private List<String> drain() {
        List<String> names = new ArrayList<>();
        for (RequestQueue.Request r; (r = queue.poll()) != null; ) names.add(r.name());
        return names;
    }

    @Test
    void theNewestSetOfAKeyReplacesTheWaitingOneInItsNewPlace() {
        queue.offer(request("set lr 0.1", RequestQueue.Kind.SET, "learningRate"));
        queue.offer(request("set batch 5", RequestQueue.Kind.SET, "batchSize"));
        queue.offer(request("set lr 0.3", RequestQueue.Kind.SET, "learningRate"));
        queue.offer(request("set lr 0.01", RequestQueue.Kind.SET, "learningRate"));
        assertEquals(List.of("set batch 5", "set lr 0.01"), drain());
    }

    @Test
    void aBuildDropsWhatWasMeantForTheOldRunButKeepsWhatSurvivesIt() {
        queue.offer(request("load a", RequestQueue.Kind.BUILD, null));
        queue.offer(request("set lr", RequestQueue.Kind.SET, "learningRate"));
        queue.offer(request("select", RequestQueue.Kind.OTHER, null));
        queue.offer(request("viewers", RequestQueue.Kind.KEEP, null));
        queue.offer(request("load b", RequestQueue.Kind.BUILD, null));
        queue.offer(request("set lr after", RequestQueue.Kind.SET, "learningRate"));
        assertEquals(List.of("viewers", "load b", "set lr after"), drain());
    }

    @Test
    void beyondTheBoundRequestsAreRefusedInPlainWords() {
        for (int i = 0; i < RequestQueue.MAX_WAITING; i++) assertNull(queue.offer(request("select " + i, RequestQueue.Kind.OTHER, null)));
        String why = queue.offer(request("one more", RequestQueue.Kind.OTHER, null));
        assertTrue(why.startsWith("too many requests waiting (32)"), why);
        assertEquals(RequestQueue.MAX_WAITING, queue.size());
        // a build still gets in: it replaces what was waiting for the old run
        assertNull(queue.offer(request("load", RequestQueue.Kind.BUILD, null)));
        assertEquals(List.of("load"), drain());
    }
}
