package org.nnplayground.playground.web;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The address students type or scan to reach this server: {@code --public-url} when given; else the
 * address the teacher's browser used, unless that is loopback (a teacher who opened localhost shows
 * the class nothing it can reach); else this machine's first network address with the same port.
 */
final class JoinAddress {
    /** One network interface as far as the choice needs it (injected in tests). */
    record Interface(String name, boolean up, boolean loopback, boolean virtual, List<InetAddress> addresses) {}

    /** Names of bridges and tunnels of containers and virtual machines: not the classroom's network. */
    private static final List<String> VIRTUAL_PREFIXES =
            List.of("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "lxc", "cni", "podman", "flannel", "zt", "tailscale");

    private final String publicUrl;
    private final Supplier<List<Interface>> interfaces;

    JoinAddress(String publicUrl) { this(publicUrl, JoinAddress::machineInterfaces); }

    JoinAddress(String publicUrl, Supplier<List<Interface>> interfaces) {
        this.publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.replaceAll("/+$", "");
        this.interfaces = interfaces;
    }

    /** The join link of room {@code code}: the playground page with the code (room.js opens its join form). */
    String joinUrl(String scheme, String hostHeader, String code) {
        return base(scheme, hostHeader) + "/?room=" + code;
    }

    /** {@code scheme://host[:port]} students can reach, without a trailing slash. */
    String base(String scheme, String hostHeader) {
        if (publicUrl != null) return publicUrl;
        String host = hostHeader == null ? "" : hostHeader.trim();
        String name = host;
        String port = "";
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']') && host.indexOf(':') == colon) {   // host:port, not a bare IPv6
            name = host.substring(0, colon);
            port = host.substring(colon);
        } else if (host.startsWith("[") && colon > host.lastIndexOf(']')) {                   // [v6]:port
            name = host.substring(0, colon);
            port = host.substring(colon);
        }
        if (!name.isEmpty() && !loopback(name)) return scheme + "://" + host;
        String address = machineAddress();
        return scheme + "://" + (address != null ? address : host.isEmpty() ? "localhost" : name) + port;
    }

    /** The first usable IPv4 address of an up, physical interface; an IPv6 one only when there is no IPv4. */
    private String machineAddress() {
        String v6 = null;
        for (Interface i : interfaces.get()) {
            if (!i.up() || i.loopback() || i.virtual() || virtualName(i.name())) continue;
            for (InetAddress a : i.addresses()) {
                if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()) continue;
                if (a instanceof Inet4Address) return a.getHostAddress();
                if (a instanceof Inet6Address && v6 == null) {
                    String text = a.getHostAddress();
                    int scope = text.indexOf('%');
                    v6 = "[" + (scope >= 0 ? text.substring(0, scope) : text) + "]";
                }
            }
        }
        return v6;
    }

    private static boolean virtualName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return VIRTUAL_PREFIXES.stream().anyMatch(n::startsWith);
    }

    /** localhost names and loopback literals, decided without a DNS lookup. */
    static boolean loopback(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("[") && n.endsWith("]")) n = n.substring(1, n.length() - 1);
        if (n.equals("localhost") || n.endsWith(".localhost")) return true;
        if (n.matches("127(\\.\\d{1,3}){3}") || n.equals("0.0.0.0")) return true;
        return n.equals("::1") || n.equals("0:0:0:0:0:0:0:1") || n.equals("::");
    }

    private static List<Interface> machineInterfaces() {
        List<Interface> out = new ArrayList<>();
        try {
            for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                try {
                    out.add(new Interface(ni.getName(), ni.isUp(), ni.isLoopback(), ni.isVirtual(), Collections.list(ni.getInetAddresses())));
                } catch (SocketException e) {
                    // an interface that went away while listed: not one students can use
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: the caller falls back to the address the browser used
        }
        return out;
    }
}
