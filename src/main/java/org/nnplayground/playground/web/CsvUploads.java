package org.nnplayground.playground.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.nnplayground.playground.data.CsvException;
import org.nnplayground.playground.data.CsvImport;
import org.nnplayground.playground.data.CsvOptions;
import org.nnplayground.playground.data.DataSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CSV files over HTTP ({@code POST /api/csv}), so a 2 MiB file never crosses the socket: the length
 * is checked before a byte of the body is read (413), uploads are limited per address (429), and the
 * file is parsed on one reader thread of its own, never a trainer thread (at most
 * {@link #MAX_WAITING} wait for it, beyond that 503). The parsed data waits here, under a random id,
 * for the socket's {@code {"type":"loadCsv","upload":id}}, which builds the run on it in the
 * session's turn. Ids are used once and kept {@link #KEEP_NANOS} at most; at most {@link #MAX_KEPT}
 * wait at once (the oldest go first), about 3 MiB each at the largest.
 */
final class CsvUploads implements AutoCloseable {
    /** Files that may wait for the reader thread (each holds its body, at most 2 MiB). */
    static final int MAX_WAITING = 4;
    /** Parsed files kept for their socket message. */
    static final int MAX_KEPT = 32;
    static final long KEEP_NANOS = 60_000_000_000L;
    /** Uploads a second from one address (bursts of twice that; a class behind one NAT shares it). */
    static final int PER_SECOND = 1;
    private static final long READ_TIMEOUT_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(CsvUploads.class);
    private static final String BUSY = "the server is reading other files; try again in a few seconds";

    private record Parsed(DataSet data, long at) {}

    private final ObjectMapper mapper;
    private final ThreadPoolExecutor reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(MAX_WAITING), r -> {
                Thread t = new Thread(r, "csv-reader");
                t.setDaemon(true);
                return t;
            });
    private final Map<String, Parsed> kept = new LinkedHashMap<>();
    private final AddressBuckets perAddress = new AddressBuckets(PER_SECOND);
    private final SecureRandom ids = new SecureRandom();

    CsvUploads(ObjectMapper mapper) { this.mapper = mapper; }

    /** Declares {@code POST /api/csv} (docs/protocol.md); pages of other origins are refused as on /ws. */
    void register(RoutesConfig routes, OriginPolicy origins) {
        routes.post("/api/csv", ctx -> {
            if (!origins.allows(ctx.header("Origin"), ctx.header("Host"))) error(ctx, 403, "this page's origin may not upload files");
            else post(ctx);
        });
    }

    private void post(Context ctx) throws Exception {
        long length = ctx.req().getContentLengthLong();
        // every refusal before the body is read closes the connection: Jetty would otherwise read
        // and discard the body to keep it alive, and a flood of refused uploads would cost that much
        if (length < 0) {
            refuse(ctx, 411, "send the file with its length (a Content-Length header)");
            return;
        }
        if (length > CsvImport.MAX_BYTES) {
            refuse(ctx, 413, "file too large: " + length + " bytes, limit " + CsvImport.MAX_BYTES + " (" + CsvImport.MAX_SIZE + ")");
            return;
        }
        if (!perAddress.tryAcquire(ctx.ip())) {
            ctx.header("Retry-After", "1");
            refuse(ctx, 429, "one CSV upload a second from one address; try again in a moment");
            return;
        }
        if (reader.getQueue().remainingCapacity() == 0) {
            ctx.header("Retry-After", "2");
            refuse(ctx, 503, BUSY);
            return;
        }
        String name = ctx.queryParam("name");
        String label = ctx.queryParam("label");
        if (name != null && name.length() > 200) name = name.substring(0, 200);
        byte[] body = BoundedBody.read(ctx, (int) length);
        if (body == null || body.length != length) {
            error(ctx, 400, "the file ended before its Content-Length");
            return;
        }
        CsvOptions options = new CsvOptions(label == null || label.isBlank() ? null : label, name);
        Future<DataSet> parsing;
        try {
            parsing = reader.submit(() -> CsvImport.read(new String(body, StandardCharsets.UTF_8), options));
        } catch (RejectedExecutionException busy) {
            ctx.header("Retry-After", "2");
            error(ctx, 503, BUSY);
            return;
        }
        DataSet data;
        try {
            data = parsing.get(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CsvException csv) {
                error(ctx, 400, csv.getMessage());
            } else {
                LOG.warn("reading an uploaded CSV failed", e.getCause());
                error(ctx, 500, "the server could not read this file");
            }
            return;
        } catch (TimeoutException e) {
            parsing.cancel(true);
            error(ctx, 503, "reading the file took too long; try again in a few seconds");
            return;
        }
        String id = keep(data);
        ctx.status(201).contentType("application/json").result(mapper.writeValueAsString(Map.of(
                "upload", id, "rows", data.samples().size(), "columns", data.numInputs() + 1)));
    }

    /**
     * Parses a small CSV sent inline on the socket on the reader thread, then builds the session on
     * it; a refusal or a bad file is an {@code error} for {@code loadCsv}.
     */
    void parse(Connection c, String content, String name, String label) {
        if (content.length() <= CsvImport.INLINE_BYTES) {
            // a small file is read on the socket's thread: a whole class loading an example at once
            // must not queue behind (or be refused by) the reader kept for big files
            read(c, content, name, label);
            return;
        }
        try {
            reader.execute(() -> read(c, content, name, label));
        } catch (RejectedExecutionException busy) {
            c.send(new ServerMessage.Error(BUSY, "loadCsv"));
        }
    }

    private static void read(Connection c, String content, String name, String label) {
        try {
            DataSet data = CsvImport.read(content, new CsvOptions(label, name));
            if (c.session() != null) c.session().loadData(data);
        } catch (CsvException e) {
            c.send(new ServerMessage.Error(e.getMessage(), "loadCsv"));
        }
    }

    /** The parsed data of upload {@code id}, once; an IllegalArgumentException in plain words when there is none. */
    DataSet take(String id) {
        Parsed p;
        synchronized (kept) {
            forgetOld(System.nanoTime());
            p = kept.remove(id);
        }
        if (p == null) throw new IllegalArgumentException("no uploaded file '" + id + "' (an upload is kept 60 s and used once); upload it again");
        return p.data();
    }

    private String keep(DataSet data) {
        byte[] random = new byte[16];
        ids.nextBytes(random);
        String id = HexFormat.of().formatHex(random);
        synchronized (kept) {
            forgetOld(System.nanoTime());
            while (kept.size() >= MAX_KEPT) {
                Iterator<String> oldest = kept.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            kept.put(id, new Parsed(data, System.nanoTime()));
        }
        return id;
    }

    private void forgetOld(long now) {
        kept.values().removeIf(p -> now - p.at() > KEEP_NANOS);
    }


    /** An error answered from the headers alone: the unread body is not drained, the connection closes. */
    private void refuse(Context ctx, int status, String message) throws Exception {
        ctx.header("Connection", "close");
        error(ctx, status, message);
    }

    private void error(Context ctx, int status, String message) throws Exception {
        ctx.status(status).contentType("application/json").result(mapper.writeValueAsString(Map.of("error", message)));
    }

    @Override
    public void close() { reader.shutdownNow(); }
}
