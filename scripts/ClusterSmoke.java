import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The checks of scripts/cluster-smoke.sh, run THROUGH nginx against two replicas on one PostgreSQL.
 *
 * <pre>java -cp target/playground.jar scripts/ClusterSmoke.java CHECK LB VIA_A VIA_B PID_A PID_B</pre>
 *
 * CHECK is {@code room}, {@code saved}, {@code kill} or {@code drain}. LB is nginx's balanced port
 * (deploy/nginx/playground.conf as it is); VIA_A and VIA_B are ports of the same nginx pinned to one
 * replica each (generated from the same file), so the smoke decides where a socket lands: on
 * loopback every client is 127.0.0.1, and the address hash would put them all on one replica.
 * Reconnections after a failure always go through LB, as a student's page would. Prints
 * {@code PASS <check>: ...} or {@code FAIL <check>: ...} lines; exit 0 only when every step passed.
 * Jackson comes from the playground jar; everything else is the JDK (java.net.http).
 */
public final class ClusterSmoke {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String C1 = "activation=tanh&batchSize=10&dataset=circle&learningRate=0.03&regularizationRate=0&noise=0"
            + "&networkShape=4,2&seed=0.12345&percTrainData=50&x=true&y=true&problem=classification";
    /** The exercise the teacher pushes: another network, a hidden (locked) learning rate. */
    static final String PUSHED = "activation=relu&batchSize=10&dataset=xor&learningRate=0.01&noise=0&networkShape=3"
            + "&seed=0.5&percTrainData=50&x=true&y=true&problem=classification&learningRate_hide=true";
    /** Failover promise: a killed replica's students play on elsewhere within this. */
    static final long RESUME_LIMIT_MS = 10_000;

    static String lb, viaA, viaB;
    static long pidA, pidB;
    static final List<String> failures = new ArrayList<>();
    static String check;

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.err.println("usage: ClusterSmoke room|saved|kill|drain LB_PORT VIA_A_PORT VIA_B_PORT PID_A PID_B");
            System.exit(64);
        }
        check = args[0];
        lb = "127.0.0.1:" + args[1];
        viaA = "127.0.0.1:" + args[2];
        viaB = "127.0.0.1:" + args[3];
        pidA = Long.parseLong(args[4]);
        pidB = Long.parseLong(args[5]);
        List<Socket> open = new ArrayList<>();
        try {
            switch (check) {
                case "room" -> room(open);
                case "saved" -> saved(open);
                case "kill" -> kill(open);
                case "drain" -> drain(open);
                default -> throw new IllegalArgumentException("unknown check " + check);
            }
        } catch (Step failed) {
            failures.add(failed.getMessage());
        } catch (Exception e) {
            failures.add("unexpected " + e);
        } finally {
            for (Socket s : open) s.abort();
        }
        for (String f : failures) System.out.println("FAIL " + check + ": " + f);
        System.exit(failures.isEmpty() ? 0 : 1);
    }

    // ---------------------------------------------------------------- the checks

    /** (a) Teacher on replica a, students on a and b: cards, pause all, push reach everyone. */
    static void room(List<Socket> open) throws Exception {
        expectReplica(viaA, "a");
        expectReplica(viaB, "b");
        Room room = Room.create(viaA);
        Socket teacher = room.teach(viaA, open);
        Socket onA = room.student(viaA, "Ada", open);
        Socket onB = room.student(viaB, "Bea", open);
        for (Socket s : List.of(onA, onB)) {
            s.send("{\"type\":\"play\"}");
            s.frameWith(e -> e >= 5, 10, "student's frames while playing");
        }
        teacher.cardsWhere(cards -> cards.size() == 2 && cards.values().stream().allMatch(c -> c.path("epoch").asInt() > 0),
                10, "both students' cards (one per replica) on the dashboard with epochs");
        pass("dashboard on a shows the cards of students on a and on b");

        teacher.send("{\"type\":\"pauseAll\"}");
        for (Socket s : List.of(onA, onB)) s.next(m -> is(m, "status") && m.path("state").asText().equals("paused"), 5, "'paused' after pause all");
        pass("pause all reaches the students on both replicas");

        teacher.send("{\"type\":\"pushExercise\",\"link\":\"" + PUSHED + "\"}");
        for (Socket s : List.of(onA, onB)) {
            // the exercise (its locks) and the rebuilt session come in either order
            boolean exercise = false, session = false;
            while (!exercise || !session) {
                JsonNode m = s.next(x -> is(x, "exercise") || is(x, "session") && x.path("link").asText().contains("dataset=xor"), 5,
                        "the pushed exercise and a session on its link");
                if (is(m, "exercise") && !m.path("link").asText().contains("dataset=xor")) throw new Step("pushed exercise arrived as " + m);
                exercise |= is(m, "exercise");
                session |= is(m, "session");
            }
        }
        pass("push reaches the students on both replicas");
        pass("room across replicas (teacher on a, students on a and b)");
    }

    /** (b) A run saved on replica a opens on a and on b (page, JSON, and over b's socket). */
    static void saved(List<Socket> open) throws Exception {
        Socket solo = Socket.open(viaA, "/ws", open);
        solo.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
        solo.next(m -> is(m, "session"), 10, "session");
        solo.send("{\"type\":\"step\",\"epochs\":7}");
        solo.frameWith(e -> e == 7, 10, "frame at epoch 7");
        solo.send("{\"type\":\"save\"}");
        JsonNode saved = solo.next(m -> is(m, "saved"), 10, "saved");
        String id = saved.path("id").asText();
        for (String via : List.of(viaA, viaB)) {
            HttpResponse<String> page = get(via, "/r/" + id);
            if (page.statusCode() != 200) throw new Step("/r/" + id + " via " + via + " answered " + page.statusCode());
            HttpResponse<String> run = get(via, "/api/runs/" + id);
            if (run.statusCode() != 200 || JSON.readTree(run.body()).path("epoch").asInt() != 7) {
                throw new Step("/api/runs/" + id + " via " + via + " answered " + run.statusCode() + " " + abbreviate(run.body()));
            }
        }
        Socket onB = Socket.open(viaB, "/ws", open);
        onB.send("{\"type\":\"loadRun\",\"run\":\"" + id + "\"}");
        onB.next(m -> is(m, "session"), 10, "session of the saved run on b");
        onB.frameWith(e -> e == 7, 10, "the saved run's frame at epoch 7 on b");
        pass("run saved on a opens on a and b (/r/" + id + ", /api/runs, loadRun over b's socket)");
    }

    /** (c) SIGKILL of replica b: its room student and solo page resume on a through nginx within 10 s. */
    static void kill(List<Socket> open) throws Exception {
        Socket solo = Socket.open(viaB, "/ws", open);
        String soloToken = soloPlaying(solo);
        Placed placed = attempt("a room student on b", () -> Placed.studentOnB("Kim", open));
        // checkpoints every 2 s (--checkpoint-seconds 2): 4 s later one holds at least these epochs
        int soloBefore = solo.lastEpoch;
        int studentBefore = placed == null ? -1 : placed.student.lastEpoch;
        Thread.sleep(4000);
        long t0 = System.nanoTime();
        if (!ProcessHandle.of(pidB).map(ProcessHandle::destroyForcibly).orElse(false)) throw new Step("could not SIGKILL replica b (pid " + pidB + ")");
        solo.closed.get(5, TimeUnit.SECONDS);

        attempt("solo page", () -> {
            JsonNode resumed = resumeSolo(soloToken, soloBefore, open);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > RESUME_LIMIT_MS) throw new Step("the solo page resumed after " + ms + " ms (limit 10 s)");
            expectReplica(lb, "a");
            pass("after SIGKILL of b the solo page resumed on a through nginx in " + ms + " ms at epoch " + resumed.path("epoch").asInt()
                    + " (had " + soloBefore + " 4 s before the kill; lost " + resumed.path("lostSeconds").asText() + " s)");
            return null;
        });
        if (placed == null) return;
        attempt("room student", () -> {
            int epoch = resumeStudent(placed.student, studentBefore, open);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (ms > RESUME_LIMIT_MS) throw new Step("the room student resumed after " + ms + " ms (limit 10 s)");
            placed.teacher.cardsWhere(cards -> cards.values().stream().anyMatch(c -> c.path("id").asText().equals(placed.student.studentId)
                    && !List.of("away", "left").contains(c.path("state").asText()) && c.path("epoch").asInt() >= studentBefore),
                    10, "the resumed student's card back in the room (not away, epoch kept)");
            pass("after SIGKILL of b the room student resumed on a in " + ms + " ms at epoch " + epoch + " (had " + studentBefore
                    + "), their card is back on the dashboard on a");
            return null;
        });
    }

    /** (d) SIGTERM of replica b: sockets closed with 1012, every run resumed on a with nothing lost. */
    static void drain(List<Socket> open) throws Exception {
        expectReplica(viaB, "b");
        Socket solo = Socket.open(viaB, "/ws", open);
        String soloToken = soloPlaying(solo);
        Placed placed = attempt("a room student on b", () -> Placed.studentOnB("Lou", open));
        Thread.sleep(1000);
        if (!ProcessHandle.of(pidB).map(ProcessHandle::destroy).orElse(false)) throw new Step("could not SIGTERM replica b (pid " + pidB + ")");
        int soloCode = solo.closed.get(20, TimeUnit.SECONDS);
        // the last frame the page saw: the drain's checkpoint must hold at least that epoch
        int soloLast = solo.lastEpoch;
        attempt("solo page", () -> {
            if (soloCode != 1012) throw new Step("the drain closed the solo socket with " + soloCode + " (wanted 1012)");
            JsonNode resumed = resumeSolo(soloToken, soloLast, open);
            pass("after SIGTERM of b the solo socket closed with 1012 and the run resumed on a at epoch "
                    + resumed.path("epoch").asInt() + " (the last frame seen: " + soloLast + ")");
            return null;
        });
        if (placed != null) {
            attempt("room student", () -> {
                int code = placed.student.closed.get(5, TimeUnit.SECONDS);
                int last = placed.student.lastEpoch;
                if (code != 1012) throw new Step("the drain closed the room student's socket with " + code + " (wanted 1012)");
                int epoch = resumeStudent(placed.student, last, open);
                pass("after SIGTERM of b the room student's socket closed with 1012 and the run resumed on a at epoch " + epoch
                        + " (the last frame seen: " + last + ")");
                return null;
            });
        }
        boolean exited = ProcessHandle.of(pidB).map(p -> {
            try {
                p.onExit().get(20, TimeUnit.SECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }).orElse(true);
        if (!exited) throw new Step("replica b still runs 20 s after SIGTERM");
        if (failures.isEmpty()) pass("clean drain: b exited, no run lost");
    }

    /** A room made on a with its teacher's dashboard on a, and one student on b, playing. */
    record Placed(Socket teacher, Socket student) {
        static Placed studentOnB(String name, List<Socket> open) throws Exception {
            Room room = Room.create(viaA);
            Socket teacher = room.teach(viaA, open);
            Socket student = room.student(viaB, name, open);
            student.send("{\"type\":\"play\"}");
            student.frameWith(e -> e >= 5, 10, "the student's frames on b");
            return new Placed(teacher, student);
        }
    }

    /** The solo page reconnects through nginx and sends its token: the 'resumed' answer (checked). */
    static JsonNode resumeSolo(String token, int atLeast, List<Socket> open) throws Exception {
        Socket back = Socket.open(lb, "/ws", open);
        back.send("{\"type\":\"resume\",\"token\":\"" + token + "\"}");
        JsonNode resumed = back.next(m -> is(m, "resumed"), 10, "'resumed' for the solo page");
        if (!resumed.path("from").asText().equals("checkpoint") || resumed.path("epoch").asInt() < atLeast) {
            throw new Step("resume answered " + resumed + " (wanted from checkpoint, epoch >= " + atLeast + ")");
        }
        back.frameWith(e -> e >= atLeast, 10, "the solo run's frame at epoch >= " + atLeast);
        return resumed;
    }

    /** The room student's page reconnects through nginx and resumes: the epoch of its first frame (checked). */
    static int resumeStudent(Socket student, int atLeast, List<Socket> open) throws Exception {
        Socket back = Socket.open(lb, "/ws/room", open);
        back.send("{\"type\":\"resume\",\"token\":\"" + student.token + "\"}");
        back.next(m -> is(m, "joined"), 10, "'joined' after the student's resume on another replica");
        int epoch = back.frameWith(e -> e >= atLeast, 10, "the student's run at epoch >= " + atLeast + " (not reset)");
        JsonNode resumed = back.received(m -> is(m, "resumed"));
        if (resumed != null) System.out.println("  (the room student's page was told: " + resumed + ")");
        return epoch;
    }

    /** One part of a check: a failure is recorded (FAIL line) and the other parts still run. */
    static <T> T attempt(String part, java.util.concurrent.Callable<T> step) {
        try {
            return step.call();
        } catch (Step failed) {
            failures.add(part + ": " + failed.getMessage());
        } catch (Exception e) {
            failures.add(part + ": unexpected " + e);
        }
        return null;
    }

    /** Loads C1 on a solo socket and plays it: the page's resume token. */
    static String soloPlaying(Socket solo) throws Exception {
        solo.send("{\"type\":\"load\",\"link\":\"" + C1 + "\"}");
        solo.next(m -> is(m, "session"), 10, "session");
        solo.send("{\"type\":\"play\"}");
        solo.frameWith(e -> e >= 5, 10, "solo frames while playing");
        JsonNode token = solo.seen(m -> is(m, "resumeToken"), 5, "a 'resumeToken' for the solo page");
        return token.path("token").asText();
    }

    /** When /health names its replica, the pinned port must reach that one. */
    static void expectReplica(String via, String replica) throws Exception {
        JsonNode h = JSON.readTree(get(via, "/health").body());
        if (h.has("replica") && !h.path("replica").asText().equals(replica)) {
            throw new Step(via + " reached replica " + h.path("replica").asText() + ", not " + replica);
        }
    }

    // ---------------------------------------------------------------- rooms

    /** A room created over HTTP through {@code via}: its code and teacher key. */
    record Room(String code, String key) {
        static Room create(String via) throws Exception {
            JsonNode made = post(via, "/api/rooms", "{\"exercise\":\"" + C1 + "\"}");
            String url = made.path("teacherUrl").asText();
            return new Room(made.path("code").asText(), URLDecoder.decode(url.substring(url.indexOf("#key=") + 5), StandardCharsets.UTF_8));
        }

        Socket teach(String via, List<Socket> open) throws Exception {
            Socket t = Socket.open(via, "/ws/room", open);
            t.send("{\"type\":\"teach\",\"code\":\"" + code + "\",\"key\":\"" + key + "\"}");
            t.next(m -> is(m, "teaching"), 10, "'teaching'");
            return t;
        }

        /** Joins over HTTP and resumes over the room socket, both through {@code via}. */
        Socket student(String via, String name, List<Socket> open) throws Exception {
            JsonNode joined = post(via, "/api/rooms/" + code + "/students", "{\"name\":\"" + name + "\"}");
            Socket s = Socket.open(via, "/ws/room", open);
            s.token = joined.path("token").asText();
            s.studentId = joined.path("studentId").asText();
            s.send("{\"type\":\"resume\",\"token\":\"" + s.token + "\"}");
            s.next(m -> is(m, "joined"), 10, "'joined' for " + name + " via " + via);
            s.frameWith(e -> true, 10, name + "'s first frame");
            return s;
        }
    }

    // ---------------------------------------------------------------- a socket

    /** A page's socket: text messages as JSON, frames' epochs (each acknowledged), rosters merged, close code. */
    static final class Socket implements WebSocket.Listener {
        final BlockingQueue<JsonNode> texts = new LinkedBlockingQueue<>();
        final List<JsonNode> history = new ArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final Map<String, JsonNode> cards = new LinkedHashMap<>();
        final StringBuilder text = new StringBuilder();
        ByteBuffer binary = ByteBuffer.allocate(0);
        volatile int lastEpoch = -1;
        String token, studentId;
        WebSocket ws;

        static Socket open(String via, String path, List<Socket> open) {
            Socket s = new Socket();
            try {
                s.ws = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(URI.create("ws://" + via + path), s).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new Step("could not open ws://" + via + path + ": " + rootCause(e));
            }
            open.add(s);
            return s;
        }

        synchronized void send(String json) {
            try {
                ws.sendText(json, true).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new Step("could not send " + abbreviate(json) + ": " + rootCause(e));
            }
        }

        void abort() { if (ws != null) ws.abort(); }

        @Override
        public void onOpen(WebSocket w) { w.request(Long.MAX_VALUE); }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    JsonNode m = JSON.readTree(text.toString());
                    if (is(m, "roster")) {
                        synchronized (cards) {
                            if (m.path("full").asBoolean()) cards.clear();
                            for (JsonNode c : m.path("cards")) cards.put(c.path("id").asText(), c);
                            for (JsonNode r : m.path("removed")) cards.remove(r.asText());
                        }
                    }
                    synchronized (history) { history.add(m); }
                    texts.add(m);
                } catch (Exception e) {
                    System.out.println("  (unreadable text message: " + abbreviate(text.toString()) + ")");
                }
                text.setLength(0);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            ByteBuffer joined = ByteBuffer.allocate(binary.remaining() + data.remaining());
            joined.put(binary).put(data).flip();
            binary = joined;
            if (last) {
                // frame: u8 version, u8 grid mode, u32 epoch (little-endian), ... (docs/protocol.md)
                if (binary.remaining() >= 6) lastEpoch = binary.order(ByteOrder.LITTLE_ENDIAN).getInt(2);
                binary = ByteBuffer.allocate(0);
                CompletableFuture.runAsync(() -> {
                    try {
                        send("{\"type\":\"ack\"}");
                    } catch (Step closing) {
                        // the socket is going away (a killed or draining replica)
                    }
                });
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
            closed.complete(status);
            return null;
        }

        @Override
        public void onError(WebSocket w, Throwable error) { closed.complete(1006); }

        /** The next text message that matches (others are skipped), or a failed step. */
        JsonNode next(Predicate<JsonNode> wanted, int seconds, String what) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (true) {
                long left = until - System.nanoTime();
                JsonNode m = left > 0 ? texts.poll(left, TimeUnit.NANOSECONDS) : null;
                if (m == null) throw new Step("no " + what + " within " + seconds + " s; last messages: " + recent());
                if (is(m, "error")) System.out.println("  (server error message: " + m.path("message").asText() + ")");
                if (wanted.test(m)) return m;
            }
        }

        /** A text message already received that matches, or null. */
        JsonNode received(Predicate<JsonNode> wanted) {
            synchronized (history) {
                for (JsonNode m : history) if (wanted.test(m)) return m;
            }
            return null;
        }

        /** A text message that matches, already received or coming. */
        JsonNode seen(Predicate<JsonNode> wanted, int seconds, String what) throws InterruptedException {
            synchronized (history) {
                for (JsonNode m : history) if (wanted.test(m)) return m;
            }
            return next(wanted, seconds, what);
        }

        /** Waits for a frame whose epoch matches: that epoch. */
        int frameWith(java.util.function.IntPredicate wanted, int seconds, String what) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                int e = lastEpoch;
                if (e >= 0 && wanted.test(e)) return e;
                if (closed.isDone()) break;
                Thread.sleep(20);
            }
            throw new Step("no " + what + " within " + seconds + " s (last frame's epoch " + lastEpoch + "); last messages: " + recent());
        }

        /** Waits until the dashboard's cards (merged from rosters) match. */
        void cardsWhere(Predicate<Map<String, JsonNode>> wanted, int seconds, String what) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < until) {
                synchronized (cards) {
                    if (wanted.test(cards)) return;
                }
                Thread.sleep(50);
            }
            synchronized (cards) {
                List<String> seen = new ArrayList<>();
                for (JsonNode c : cards.values()) seen.add(c.path("name").asText() + " " + c.path("state").asText() + " epoch " + c.path("epoch").asText());
                throw new Step("no " + what + " within " + seconds + " s; the dashboard shows " + seen);
            }
        }

        String recent() {
            synchronized (history) {
                List<String> last = new ArrayList<>();
                for (int i = Math.max(0, history.size() - 4); i < history.size(); i++) last.add(abbreviate(history.get(i).toString()));
                for (JsonNode m : history) if (is(m, "resumed")) last.add(0, m.toString());
                return last + (closed.isDone() ? " (closed: " + closed.join() + ")" : "");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A failed step: its message says what was expected and what came. */
    static final class Step extends RuntimeException {
        Step(String message) { super(message, null, false, false); }
    }

    static boolean is(JsonNode m, String type) { return m.path("type").asText().equals(type); }

    static void pass(String what) { System.out.println("PASS " + check + ": " + what); }

    static JsonNode post(String via, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + via + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) throw new Step("POST " + path + " via " + via + " answered " + r.statusCode() + ": " + abbreviate(r.body()));
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> get(String via, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + via + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String abbreviate(String s) { return s.length() > 240 ? s.substring(0, 240) + "..." : s; }

    static String rootCause(Throwable e) {
        while (e.getCause() != null) e = e.getCause();
        return e.toString();
    }
}
