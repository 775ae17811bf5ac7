package org.nnplayground.playground.web;

import io.javalin.http.Context;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A saved run's exports (boundary.png, keras.py, the TF.js model, losses.csv) rendered once: a
 * saved run never changes, so its id and the export's name are its version. Answers carry an
 * ETag ({@code If-None-Match} answers 304 without a lookup); renders are kept up to a byte budget,
 * newest used last out; and each address may have a few renders a second (cached answers are free).
 */
final class ExportCache {
    /**
     * Renders one address may ask for a second (bursts of twice that): a page's four exports at
     * once, a few students behind one address, but no loop that keeps a trainer-sized render busy.
     */
    static final int RENDERS_PER_SECOND = 4;
    private static final long BUDGET_BYTES = 64L * 1024 * 1024;
    private static final String VERSION = String.valueOf(ExportCache.class.getPackage().getImplementationVersion());

    interface Render { byte[] bytes() throws Exception; }

    private final Map<String, byte[]> kept = new LinkedHashMap<>(16, 0.75f, true);
    private final AddressBuckets perAddress = new AddressBuckets(RENDERS_PER_SECOND);
    private long keptBytes;

    /**
     * The export {@code name} of run {@code id}: 304 when the client has it, the cached bytes, or
     * {@code render}'s (at most {@link #RENDERS_PER_SECOND} a second from one address, else 429).
     * A render that answered an error itself (an unknown run) returns null.
     */
    void serve(Context ctx, String id, String name, String type, String fileName, Render render) throws Exception {
        String tag = "\"" + id + "/" + name + "/" + VERSION + "\"";
        if (tag.equals(ctx.header("If-None-Match"))) {
            ctx.header("ETag", tag).status(304);
            return;
        }
        String key = id + "/" + name;
        byte[] bytes;
        synchronized (kept) {
            bytes = kept.get(key);
        }
        if (bytes == null) {
            if (!perAddress.tryAcquire(ctx.ip())) {
                ctx.header("Retry-After", "1").status(429).contentType("application/json")
                        .result("{\"error\":\"too many exports: at most " + RENDERS_PER_SECOND + " a second from one address; try again in a moment\"}");
                return;
            }
            bytes = render.bytes();
            if (bytes == null) return;
            keep(key, bytes);
        }
        ctx.header("ETag", tag).header("Cache-Control", "private, max-age=3600");
        ctx.contentType(type).header("Content-Disposition", "inline; filename=\"" + fileName + "\"").result(bytes);
    }

    private void keep(String key, byte[] bytes) {
        if (bytes.length > BUDGET_BYTES / 4) return;
        synchronized (kept) {
            byte[] old = kept.put(key, bytes);
            keptBytes += bytes.length - (old == null ? 0 : old.length);
            var oldest = kept.entrySet().iterator();
            while (keptBytes > BUDGET_BYTES && oldest.hasNext()) {
                keptBytes -= oldest.next().getValue().length;
                oldest.remove();
            }
        }
    }

}
