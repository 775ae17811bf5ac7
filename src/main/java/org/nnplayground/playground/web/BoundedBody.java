package org.nnplayground.playground.web;

import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A request body read with a limit of the route's own, instead of {@code ctx.body()} (held to
 * Javalin's 1 MB for every route): a declared length over the limit is refused before a byte is
 * read, and a body without one is read no further than the limit.
 */
final class BoundedBody {
    private BoundedBody() {}

    /** The body, or null when it is longer than {@code max} bytes (the caller answers 413). */
    static byte[] read(Context ctx, int max) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) return null;
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }

    /** The body as UTF-8 text; {@link TooLarge} (answered 413) when it is longer than {@code max} bytes. */
    static String text(Context ctx, int max, String what) throws IOException {
        byte[] body = read(ctx, max);
        if (body == null) throw new TooLarge(tooLarge(ctx.req().getContentLengthLong(), max, what));
        return new String(body, StandardCharsets.UTF_8);
    }

    /** A body longer than its route takes; the message says how long one may be. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) { super(message); }
    }

    /** The 413 message: how large a body may be, in plain words. */
    static String tooLarge(long declared, int max, String what) {
        return "the request is too large" + (declared > 0 ? " (" + declared + " bytes)" : "")
                + ": at most " + max + " bytes (" + what + ")";
    }
}
