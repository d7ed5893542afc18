package dev.xlat64.io.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.PtrMode;
import org.junit.jupiter.api.Test;

class Dns64ConfigReaderTest
{
    private static Dns64Config read(final String yaml)
    {
        return Dns64ConfigReader.read(ConfigNode.parse("test.yaml", yaml)).build();
    }

    @Test
    void shouldReadEveryKey()
    {
        final Dns64Config config = read("""
            pool6: 2001:db8:64::/96
            dns64:
              listen: ["127.0.0.1:5353", "[::1]:5353"]
              upstreams: [198.51.100.53, "198.51.100.54:5300"]
              prefixes: [2001:db8:64::/96, 64:ff9b::/96]
              upstream-timeout-ms: 250
              upstream-attempts: 3
              exclude-aaaa: [2001:db8:bad::/48]
              exclude-a: [10.0.0.0/8]
              allow-clients: [127.0.0.0/8, "::1", 2001:db8:1::/64]
              dns64-clients: [2001:db8:1::/64]
              ptr: cname
              ipv4only-arpa: false
              ipv4only-arpa-ttl: 600
              cache-entries: 1024
              cache-max-ttl: 3600
              cache-max-negative-ttl: 60
              edns-payload: 1400
              threads: 2
              tcp-idle-timeout-ms: 5000
              tcp-max-connections: 32
            """);
        assertEquals(List.of(new InetSocketAddress("127.0.0.1", 5353), new InetSocketAddress("::1", 5353)), config.listen());
        assertEquals(List.of(new InetSocketAddress("198.51.100.53", 53), new InetSocketAddress("198.51.100.54", 5300)),
            config.upstreams());
        assertEquals("[2001:db8:64::/96, 64:ff9b::/96]", config.prefixes().toString());
        assertEquals(250, config.upstreamTimeoutMs());
        assertEquals(3, config.upstreamAttempts());
        assertEquals("[::ffff:0.0.0.0/96, 2001:db8:bad::/48]", config.excludedIpv6().toString());
        assertEquals("[10.0.0.0/8]", config.excludedIpv4().toString());
        assertTrue(config.allowedClients().contains(new ClientAddress().ipv6(0x20010db800010000L, 5)));
        assertFalse(config.allowedClients().contains(new ClientAddress().ipv4(0xC6336401)));
        assertFalse(config.dns64Clients().contains(new ClientAddress().ipv4(0x7F000001)));
        assertEquals(PtrMode.CNAME, config.ptrMode());
        assertFalse(config.ipv4OnlyArpa());
        assertEquals(600, config.ipv4OnlyArpaTtl());
        assertEquals(1024, config.cacheEntries());
        assertEquals(3600, config.cacheMaxTtl());
        assertEquals(60, config.cacheMaxNegativeTtl());
        assertEquals(1400, config.ednsPayload());
        assertEquals(2, config.threads());
        assertEquals(5000, config.tcpIdleTimeoutMs());
        assertEquals(32, config.tcpMaxConnections());
    }

    @Test
    void shouldApplyDefaults()
    {
        final Dns64Config config = read("dns64:\n  upstreams: [127.0.0.1]\n");
        assertEquals("[64:ff9b::/96]", config.prefixes().toString(), "RFC 6147 §5.2: the Well-Known Prefix by default");
        assertEquals(PtrMode.SYNTHESIZE, config.ptrMode());
        assertTrue(config.allowedClients().contains(new ClientAddress().ipv4(0x7F000001)));
        assertFalse(config.allowedClients().contains(new ClientAddress().ipv4(0xC6336401)), "not an open resolver");
        assertEquals(1232, config.ednsPayload());
    }

    @Test
    void shouldNameKeyLineValueAndReasonForABadPrefix()
    {
        final ConfigException ex = assertThrows(ConfigException.class, () -> read("""
            dns64:
              upstreams: [127.0.0.1]
              prefixes: [2001:db8:0:0:100::/96]
            """));
        assertEquals("test.yaml:3: dns64.prefixes[0]: '2001:db8:0:0:100::/96' is not valid: invalid RFC 6052 prefix " +
            "'2001:db8:0:0:100::/96': bits 64-71 (the u-octet) are 0x1 but must be zero (RFC 6052 §2.2) " +
            "(expected an RFC 6052 prefix of length 32, 40, 48, 56, 64 or 96)", ex.getMessage());
    }

    @Test
    void shouldRejectUnknownKeysAndBadValues()
    {
        assertTrue(assertThrows(ConfigException.class, () -> read("dns64:\n  upstream: [127.0.0.1]\n")).getMessage()
            .startsWith("test.yaml:2: dns64.upstream: unknown key (expected one of"));
        assertEquals("test.yaml:2: dns64.upstreams[0]: 'localhost' is not valid: invalid IPv4 address 'localhost': " +
                "unexpected character 'l' at position 0 (expected an IP address with optional port)",
            assertThrows(ConfigException.class, () -> read("dns64:\n  upstreams: [localhost]\n")).getMessage());
        assertEquals("test.yaml:2: dns64.upstreams[0]: '127.0.0.1:99999' is not valid: '127.0.0.1:99999': port '99999' " +
                "must be 0 to 65535 (expected an IP address with optional port)",
            assertThrows(ConfigException.class, () -> read("dns64:\n  upstreams: [\"127.0.0.1:99999\"]\n")).getMessage());
        assertEquals("test.yaml:3: dns64.ptr: 'reverse' is not valid (expected one of synthesize, cname, off)",
            assertThrows(ConfigException.class, () -> read("dns64:\n  upstreams: [127.0.0.1]\n  ptr: reverse\n")).getMessage());
        assertEquals("dns64: at least one upstream resolver is required (upstreams)",
            assertThrows(IllegalArgumentException.class, () -> read("dns64:\n  threads: 1\n")).getMessage());
    }
}
