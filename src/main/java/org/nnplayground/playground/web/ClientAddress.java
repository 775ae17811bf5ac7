package org.nnplayground.playground.web;

import io.javalin.http.Context;
import io.javalin.websocket.WsContext;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The client's address, for the per-address limits (sessions, rooms created, wrong codes, saves).
 * Directly connected, it is the socket's peer. Behind a load balancer every peer is the proxy, so
 * when the peer is one of {@code --trusted-proxies} the address comes from {@code X-Forwarded-For}:
 * its right-most hop that is not a trusted proxy. Hops to the left of that one were written by
 * the client itself and prove nothing; an untrusted peer's header is ignored for the same reason.
 */
public final class ClientAddress {
    private static final String HEADER = "X-Forwarded-For";
    private final List<Network> trusted;

    private ClientAddress(List<Network> trusted) { this.trusted = trusted; }

    /**
     * Trusts the given proxies: addresses ({@code 10.0.0.7}, {@code ::1}) or networks in CIDR form
     * ({@code 10.0.0.0/8}). An empty list trusts nobody (the peer is always the client).
     *
     * @throws IllegalArgumentException for an entry that is not an IP address or network, in plain words
     */
    public static ClientAddress trusting(List<String> proxies) {
        List<Network> nets = new ArrayList<>();
        for (String p : proxies) nets.add(Network.parse(p.trim()));
        return new ClientAddress(List.copyOf(nets));
    }

    /** Parses {@code --trusted-proxies}: comma-separated addresses or networks; blank = none. */
    public static List<String> parseList(String commaSeparated) {
        List<String> out = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            String t = part.trim();
            if (t.isEmpty()) continue;
            Network.parse(t); // refuse a bad entry at start, not at the first request
            out.add(t);
        }
        return List.copyOf(out);
    }

    /** An HTTP request's client (Javalin's {@code ctx.ip()} resolver). */
    public String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), Collections.list(ctx.req().getHeaders(HEADER)));
    }

    /** A WebSocket's client, from its upgrade request. */
    public String of(WsContext ctx) {
        SocketAddress peer = ctx.session.getRemoteSocketAddress();
        String p = peer instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(peer);
        List<String> headers = ctx.session.getUpgradeRequest().getHeaders(HEADER);
        return of(p, headers == null ? List.of() : headers);
    }

    /**
     * The client of a connection from {@code peer} carrying these {@code X-Forwarded-For} values
     * (several headers count as one list, in order).
     */
    public String of(String peer, List<String> forwardedFor) {
        InetAddress p = literal(peer == null ? null : stripPort(peer)); // Jetty may write IPv6 peers as "[::1]"
        if (p == null || !isTrusted(p)) return p == null ? peer : p.getHostAddress();
        List<String> hops = new ArrayList<>();
        for (String h : forwardedFor) if (h != null) hops.addAll(Arrays.asList(h.split(",")));
        InetAddress client = p;
        for (int i = hops.size() - 1; i >= 0; i--) {
            InetAddress hop = literal(stripPort(hops.get(i).trim()));
            // garbage in the header: keep the last hop a trusted proxy vouched for
            if (hop == null) break;
            client = hop;
            if (!isTrusted(hop)) break;
        }
        return client.getHostAddress();
    }

    private boolean isTrusted(InetAddress a) {
        for (Network n : trusted) if (n.contains(a)) return true;
        return false;
    }

    /** True when {@code a} is one of the trusted proxies (its connections carry many clients). */
    boolean trusts(InetAddress a) { return isTrusted(a); }

    /** "1.2.3.4:5678" and "[::1]:80" as some proxies write them: the address alone. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(1, end) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && hop.indexOf(':', colon + 1) < 0 ? hop.substring(0, colon) : hop;
    }

    /** A literal IPv4 or IPv6 address, never a DNS lookup; null when the text is none. */
    static InetAddress literal(String text) {
        if (text == null || text.isEmpty() || text.length() > 45) return null;
        boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+(%[\\w.]+)?");
        if (!v4 && !v6) return null;
        try {
            return InetAddress.getByName(text); // a literal: parsed, not looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address and a prefix length: {@code 10.0.0.0/8}; a bare address is the network of itself. */
    private record Network(byte[] base, int prefix) {
        static Network parse(String spec) {
            int slash = spec.indexOf('/');
            InetAddress a = literal(slash < 0 ? spec : spec.substring(0, slash));
            if (a == null) {
                throw new IllegalArgumentException("--trusted-proxies takes IP addresses or networks like 10.0.0.0/8, separated by commas (got '" + spec + "')");
            }
            int bits = a.getAddress().length * 8;
            int prefix = bits;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(spec.substring(slash + 1));
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("--trusted-proxies: '" + spec + "' needs a prefix length from 0 to " + bits);
                }
            }
            return new Network(a.getAddress(), prefix);
        }

        boolean contains(InetAddress a) {
            byte[] b = a.getAddress();
            if (b.length != base.length) return false;
            int full = prefix / 8;
            for (int i = 0; i < full; i++) if (b[i] != base[i]) return false;
            int rest = prefix % 8;
            if (rest == 0) return true;
            int mask = (0xff << (8 - rest)) & 0xff;
            return (b[full] & mask) == (base[full] & mask);
        }
    }
}
