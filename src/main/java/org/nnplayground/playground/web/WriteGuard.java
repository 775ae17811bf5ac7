package org.nnplayground.playground.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;

import java.util.Locale;
import java.util.Set;

/**
 * Refuses state-changing requests (every method but GET, HEAD and OPTIONS) that a page of another
 * site could have sent: an {@code Origin} the {@link OriginPolicy} does not accept, a
 * {@code Sec-Fetch-Site} of another site, or, from a client that sends neither, a body type an
 * HTML form or a no-cors fetch can send without a preflight (a preflight is never answered, so
 * JSON or text/csv from another site cannot arrive). Scripts and tools that send no Origin keep
 * working.
 */
final class WriteGuard {
    private static final Set<HandlerType> SAFE = Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS);
    /** The body types a cross-site form or no-cors fetch may send without asking first. */
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private final OriginPolicy origins;

    WriteGuard(OriginPolicy origins) { this.origins = origins; }

    /** A before-handler: answers 403 and skips the route when the request may come from another site. */
    void apply(Context ctx) {
        if (SAFE.contains(ctx.method())) return;
        String refusal = refusal(ctx.header("Origin"), ctx.header("Sec-Fetch-Site"), ctx.contentType(), ctx.header("Host"));
        if (refusal == null) return;
        ctx.status(403).contentType("application/json").result("{\"error\":\"" + refusal + "\"}");
        ctx.skipRemainingHandlers();
    }

    /** Why the request is refused, or null to let it through. */
    String refusal(String origin, String fetchSite, String contentType, String host) {
        if (origin != null) {
            return origins.allows(origin, host) ? null
                    : "this page's origin may not change anything here (the server's --public-url or --allowed-origins decide)";
        }
        String site = fetchSite == null ? "" : fetchSite.trim().toLowerCase(Locale.ROOT);
        if (site.equals("cross-site") || site.equals("same-site")) return "requests from another site may not change anything here";
        String type = contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (FORM_TYPES.contains(type) && !site.equals("same-origin")) {
            return "send the body as JSON (or the CSV as text/csv): a form's body type could come from any site";
        }
        return null;
    }
}
