package org.nnplayground.playground.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address the dashboard tells students, from made-up network interfaces. */
class JoinAddressTest {
    private static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);   // a literal: no lookup
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static JoinAddress.Interface up(String name, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) list.add(ip(a));
        return new JoinAddress.Interface(name, true, false, false, list);
    }

    private static final JoinAddress.Interface LO = new JoinAddress.Interface("lo", true, true, false, List.of(ip("127.0.0.1"), ip("::1")));

    @Test
    void thePublicUrlWinsWithoutItsTrailingSlash() {
        JoinAddress a = new JoinAddress("https://play.school.example/", () -> List.of(up("eth0", "192.168.1.20")));
        assertEquals("https://play.school.example/?room=ABC123", a.joinUrl("http", "localhost:8080", "ABC123"));
        assertEquals("https://play.school.example", a.base("http", "10.0.0.2:8080"));
    }

    @Test
    void aNonLoopbackAddressTheBrowserUsedIsKept() {
        JoinAddress a = new JoinAddress(null, () -> List.of(up("eth0", "192.168.1.20")));
        assertEquals("http://10.1.2.3:8080", a.base("http", "10.1.2.3:8080"));
        assertEquals("https://teacher-pc.local", a.base("https", "teacher-pc.local"));
        assertEquals("http://[2001:db8::5]:8080", a.base("http", "[2001:db8::5]:8080"));
    }

    @Test
    void loopbackGivesTheMachinesFirstUsableIpv4WithThePortTheBrowserUsed() {
        JoinAddress a = new JoinAddress(null, () -> List.of(LO,
                new JoinAddress.Interface("wlan0", false, false, false, List.of(ip("192.168.9.9"))),   // down
                up("docker0", "172.17.0.1"),
                up("veth12ab", "172.18.0.1"),
                new JoinAddress.Interface("eth0:1", true, false, true, List.of(ip("10.9.9.9"))),       // virtual
                up("eth0", "fe80::1", "2001:db8::7", "169.254.3.3", "192.168.1.20"),
                up("eth1", "10.0.0.5")));
        for (String host : List.of("localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080", "app.localhost:8080")) {
            assertEquals("http://192.168.1.20:8080", a.base("http", host), host);
        }
        assertEquals("http://192.168.1.20/?room=XYZ789", a.joinUrl("http", "localhost", "XYZ789"));
    }

    @Test
    void ipv6OnlyWhenThereIsNoIpv4AndNeverLinkLocalOrWithAScope() throws Exception {
        InetAddress scoped = java.net.Inet6Address.getByAddress(null, ip("2001:db8::9").getAddress(), 3);
        JoinAddress a = new JoinAddress(null, () -> List.of(LO,
                new JoinAddress.Interface("eth0", true, false, false, List.of(ip("fe80::2"), scoped))));
        assertEquals("http://[2001:db8:0:0:0:0:0:9]:8080", a.base("http", "localhost:8080"));
    }

    @Test
    void withNoUsableInterfaceTheBrowsersAddressStays() {
        JoinAddress a = new JoinAddress(null, () -> List.of(LO, up("docker0", "172.17.0.1")));
        assertEquals("http://localhost:8080", a.base("http", "localhost:8080"));
        assertEquals("http://localhost", a.base("http", null));
    }

    @Test
    void loopbackNamesAreToldWithoutALookup() {
        for (String n : List.of("localhost", "127.0.0.1", "127.1.2.3", "[::1]", "::1", "0.0.0.0", "x.localhost")) assertTrue(JoinAddress.loopback(n), n);
        for (String n : List.of("192.168.1.2", "localhost.school.example", "[2001:db8::1]", "1270.0.0.1", "teacher")) assertFalse(JoinAddress.loopback(n), n);
    }
}
