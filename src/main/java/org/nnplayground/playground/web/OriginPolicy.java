package org.nnplayground.playground.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which pages may open a socket or change state: the public URL's origin ({@code --public-url}),
 * the origins listed in {@code --allowed-origins} ("*" opens it to any), and the page's own origin
 * when the request's Host cannot be a rebound DNS name: an IP address or a loopback name
 * ({@code localhost}). A page on a name the attacker controls that resolves to this server
 * (DNS rebinding) sends a matching Origin and Host, so a matching name proves nothing; only a
 * configured name does. A request without an Origin is not from a browser page (browsers send it
 * on every socket upgrade and every POST), so no foreign page can be behind it; it is let through.
 */
final class OriginPolicy {
    private final List<String> allowed;

    /** {@code publicUrl} may be null (then only addresses and loopback names count as the page's own). */
    OriginPolicy(List<String> allowed, String publicUrl) {
        List<String> all = new ArrayList<>(allowed);
        if (publicUrl != null && !publicUrl.isBlank()) all.add(originOf(publicUrl));
        this.allowed = List.copyOf(all);
    }

    OriginPolicy(List<String> allowed) { this(allowed, null); }

    boolean allows(String origin, String host) {
        if (origin == null) return true;
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) return true;
        if (host == null) return false;
        try {
            URI u = URI.create(o);
            if (u.getHost() == null || u.getScheme() == null) return false;
            int port = u.getPort() >= 0 ? u.getPort() : (u.getScheme().equals("https") ? 443 : 80);
            return cannotBeRebound(u.getHost()) && authority(u.getHost(), port).equals(authorityOfHost(host.trim().toLowerCase(Locale.ROOT), port));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** An IP literal or a loopback name: no DNS answer an attacker controls can put another server behind it. */
    static boolean cannotBeRebound(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) return true;
        if (h.startsWith("[") && h.endsWith("]")) return true; // IPv6 literal
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** "scheme://host[:port]" of a URL, the form browsers send as Origin (default ports left out). */
    static String originOf(String url) {
        URI u = URI.create(url.trim().toLowerCase(Locale.ROOT));
        if (u.getScheme() == null || u.getHost() == null || !u.getScheme().matches("https?")) {
            throw new IllegalArgumentException("--public-url takes the address pages are loaded from, like https://playground.school.edu (got '" + url + "')");
        }
        boolean defaultPort = u.getPort() < 0 || u.getPort() == (u.getScheme().equals("https") ? 443 : 80);
        return u.getScheme() + "://" + u.getHost() + (defaultPort ? "" : ":" + u.getPort());
    }

    /** "host:port" of a Host header; a Host without a port takes the Origin's default. */
    private static String authorityOfHost(String host, int defaultPort) {
        int colon = host.lastIndexOf(':');
        boolean hasPort = colon > 0 && host.indexOf(']') < colon;
        if (!hasPort) return authority(host, defaultPort);
        return authority(host.substring(0, colon), Integer.parseInt(host.substring(colon + 1)));
    }

    private static String authority(String host, int port) { return host + ":" + port; }
}
