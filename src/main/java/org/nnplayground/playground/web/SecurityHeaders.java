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

    void apply(Context ctx) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        // for browsers without CSP frame-ancestors; only expressible for the default policy
        if (sameOriginFramesOnly) ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    String policy() { return policy; }
}
