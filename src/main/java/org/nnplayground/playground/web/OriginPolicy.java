package org.nnplayground.playground.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which pages may open a WebSocket: the server's own page (the Origin's host and port are the
 * request's Host) and the origins listed in {@code --allowed-origins} ("*" opens it to any).
 * A request without an Origin is not from a browser page (browsers always send it on WebSocket
 * upgrades), so no foreign page can be behind it; it is let through.
 */
final class OriginPolicy {
    private final List<String> allowed;

    OriginPolicy(List<String> allowed) { this.allowed = allowed; }

    boolean allows(String origin, String host) {
        if (origin == null) return true;
        String o = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.contains("*") || allowed.contains(o)) return true;
        if (host == null) return false;
        try {
            URI u = URI.create(o);
            if (u.getHost() == null || u.getScheme() == null) return false;
            int port = u.getPort() >= 0 ? u.getPort() : (u.getScheme().equals("https") ? 443 : 80);
            return authority(u.getHost(), port).equals(authorityOfHost(host.trim().toLowerCase(Locale.ROOT), port));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
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
