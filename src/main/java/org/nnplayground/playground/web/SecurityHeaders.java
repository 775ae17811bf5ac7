package org.nnplayground.playground.web;

import io.javalin.http.Context;

/**
 * Headers on every HTTP answer (page, static files, health, API): a strict Content-Security-Policy
 * (scripts, styles, data and sockets from this server only; no inline script; embedding only
 * where {@code --frame-ancestors} allows), no MIME sniffing, no referrer sent to other sites.
 */
final class SecurityHeaders {
    private final String policy;
    private final boolean sameOriginFramesOnly;

    SecurityHeaders(String frameAncestors) {
        this.policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
                + "frame-ancestors " + frameAncestors;
        this.sameOriginFramesOnly = frameAncestors.trim().equals("'self'");
    }

    void apply(Context ctx) { apply(ctx::header); }

    /** Puts each header with {@code put} (Jetty's own error pages take them this way). */
    void apply(java.util.function.BiConsumer<String, String> put) {
        put.accept("Content-Security-Policy", policy);
        put.accept("X-Content-Type-Options", "nosniff");
        put.accept("Referrer-Policy", "no-referrer");
        // for browsers without CSP frame-ancestors; only expressible for the default policy
        if (sameOriginFramesOnly) put.accept("X-Frame-Options", "SAMEORIGIN");
    }

    String policy() { return policy; }
}
