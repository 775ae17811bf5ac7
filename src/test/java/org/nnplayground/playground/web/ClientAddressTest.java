package org.nnplayground.playground.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which address the per-address limits count: the peer, or X-Forwarded-For's right-most untrusted hop. */
class ClientAddressTest {
    private static final ClientAddress NOBODY = ClientAddress.trusting(List.of());
    private static final ClientAddress LOCAL_PROXY = ClientAddress.trusting(List.of("127.0.0.1"));
    private static final ClientAddress INGRESS = ClientAddress.trusting(List.of("10.0.0.0/8", "fd00::/8"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClientWhateverTheHeaderSays() {
        assertEquals("127.0.0.1", NOBODY.of("127.0.0.1", List.of("203.0.113.5")));
        assertEquals("198.51.100.2", NOBODY.of("198.51.100.2", List.of()));
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        // a student connecting directly cannot pick their own address
        assertEquals("198.51.100.2", LOCAL_PROXY.of("198.51.100.2", List.of("203.0.113.5")));
    }

    @Test
    void aTrustedPeerNamesTheClient() {
        assertEquals("203.0.113.5", LOCAL_PROXY.of("127.0.0.1", List.of("203.0.113.5")));
    }

    @Test
    void theRightMostUntrustedHopWinsSoAClientCannotSpoofOne() {
        // the client wrote "1.2.3.4"; nginx appended the real peer 203.0.113.5
        assertEquals("203.0.113.5", LOCAL_PROXY.of("127.0.0.1", List.of("1.2.3.4, 203.0.113.5")));
        // two proxies in a row (an ingress behind a cloud balancer), both trusted: skipped
        assertEquals("203.0.113.5", INGRESS.of("10.1.2.3", List.of("9.9.9.9, 203.0.113.5, 10.9.9.9")));
        // several headers count as one list, in order
        assertEquals("203.0.113.5", INGRESS.of("10.1.2.3", List.of("9.9.9.9", "203.0.113.5", "10.9.9.9")));
    }

    @Test
    void networksMatchByPrefix() {
        assertEquals("203.0.113.5", INGRESS.of("10.255.0.1", List.of("203.0.113.5")));
        assertEquals("11.0.0.1", INGRESS.of("11.0.0.1", List.of("203.0.113.5")));
        assertEquals("2001:db8:0:0:0:0:0:7", INGRESS.of("fd12::1", List.of("2001:db8::7")));
        ClientAddress odd = ClientAddress.trusting(List.of("192.168.4.0/22"));
        assertEquals("8.8.8.8", odd.of("192.168.7.255", List.of("8.8.8.8")));
        assertEquals("192.168.8.1", odd.of("192.168.8.1", List.of("8.8.8.8")));
    }

    @Test
    void garbageOrAnEmptyHeaderKeepsTheLastAddressAProxyVouchedFor() {
        assertEquals("127.0.0.1", LOCAL_PROXY.of("127.0.0.1", List.of()));
        assertEquals("127.0.0.1", LOCAL_PROXY.of("127.0.0.1", List.of("unknown")));
        assertEquals("10.2.2.2", INGRESS.of("10.1.1.1", List.of("evil.example.com, 10.2.2.2")));
        // a host name is never looked up
        assertEquals("203.0.113.5", LOCAL_PROXY.of("127.0.0.1", List.of("localhost, 203.0.113.5")));
    }

    @Test
    void peersAreWrittenOneWaySoHttpAndSocketsCountTheSameClient() {
        ClientAddress v6 = ClientAddress.trusting(List.of("::1"));
        assertEquals("203.0.113.5", v6.of("[::1]", List.of("203.0.113.5")));
        assertEquals("0:0:0:0:0:0:0:1", NOBODY.of("[::1]", List.of()));
        assertEquals("0:0:0:0:0:0:0:1", NOBODY.of("::1", List.of()));
    }

    @Test
    void portsAndBracketsAreStripped() {
        assertEquals("203.0.113.5", LOCAL_PROXY.of("127.0.0.1", List.of("203.0.113.5:41234")));
        assertEquals("2001:db8:0:0:0:0:0:7", LOCAL_PROXY.of("127.0.0.1", List.of("[2001:db8::7]:443")));
    }

    @Test
    void theFlagTakesACommaSeparatedListAndRefusesNonsenseInPlainWords() {
        assertEquals(List.of("127.0.0.1", "10.0.0.0/8"), ClientAddress.parseList(" 127.0.0.1, 10.0.0.0/8 ,"));
        assertEquals(List.of(), ClientAddress.parseList(""));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ClientAddress.parseList("nginx.local"));
        assertTrue(bad.getMessage().contains("--trusted-proxies takes IP addresses"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parseList("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> ClientAddress.parseList("10.0.0.0/x"));
    }

    @Test
    void serverConfigReadsTheFlagAndTheEnvironment() {
        assertEquals(List.of(), ServerConfig.defaults().trustedProxies());
        assertEquals(List.of("127.0.0.1"), ServerConfig.from(new String[] {"--trusted-proxies", "127.0.0.1"}, java.util.Map.of()).trustedProxies());
        assertEquals(List.of("10.0.0.0/8", "::1"), ServerConfig.from(new String[0], java.util.Map.of("TRUSTED_PROXIES", "10.0.0.0/8,::1")).trustedProxies());
    }
}
