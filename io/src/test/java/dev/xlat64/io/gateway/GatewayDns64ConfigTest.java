package dev.xlat64.io.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.xlat64.io.config.ConfigException;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;

class GatewayDns64ConfigTest
{
    private static final String BASE = """
        pool6: 2001:db8:64::/96
        ipv4-mtu: 1400
        gateway:
          ipv6-interface: gw6
          ipv4-interface: gw4
          ipv6-address: 2001:db8:1::1
          ipv4-address: 198.51.100.1
        """;

    private static GatewayDns64Config read(final String dns64)
    {
        final ConfigNode root = ConfigNode.parse("test.yaml", BASE + dns64);
        return GatewayDns64Config.read(root, GatewayConfig.read(root), TranslatorConfigReader.read(root));
    }

    private static String error(final String dns64)
    {
        return assertThrows(ConfigException.class, () -> read(dns64)).getMessage();
    }

    @Test
    void shouldBeAbsentWithoutADns64Section()
    {
        assertNull(read(""));
    }

    @Test
    void shouldListenOnTheGatewaysAddressesAndUsePool6ByDefault() throws Exception
    {
        final GatewayDns64Config config = read("""
            dns64:
              upstreams: ["198.51.100.10"]
              allow-clients: ["2001:db8:1::/64"]
            """);

        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1::1"), 53),
            new InetSocketAddress(InetAddress.getByName("198.51.100.1"), 53)), config.listen());
        assertEquals("[2001:db8:64::/96]", config.dns().prefixes().toString());
        assertEquals(List.of(InetAddress.getByName("2001:db8:1::1"), InetAddress.getByName("198.51.100.1")),
            config.ownAddresses());
        assertArrayEquals(new int[] {1500, 1400}, config.mtuBytes(), "the translator's ipv6-mtu and ipv4-mtu");
        assertNull(config.namespace());
    }

    @Test
    void shouldKeepExplicitListenAndPrefixes() throws Exception
    {
        final GatewayDns64Config config = read("""
            dns64:
              listen: ["[2001:db8:1::53]:5353"]
              prefixes: ["64:ff9b::/96"]
              upstreams: ["198.51.100.10"]
              allow-clients: ["2001:db8:1::/64"]
            """);

        assertEquals(List.of(new InetSocketAddress(InetAddress.getByName("2001:db8:1::53"), 5353)), config.listen());
        assertEquals("[64:ff9b::/96]", config.dns().prefixes().toString());
    }

    @Test
    void shouldRequireAllowClients()
    {
        assertEquals("test.yaml:9: dns64.allow-clients: '(missing)' is not valid (expected the client prefixes the " +
            "gateway's DNS64 answers, e.g. [\"2001:db8:1::/64\"]: with xlat64 run it serves the network, and the " +
            "default (loopback) reaches nobody)", error("""
            dns64:
              upstreams: ["198.51.100.10"]
            """));
    }

    @Test
    void shouldRefuseAnEdnsPayloadThatDoesNotFitTheMtu()
    {
        assertEquals("test.yaml:11: dns64.edns-payload: '1400' is not valid (expected at most 1372: an answer must " +
            "fit one packet on the IPv4 side (ipv4-mtu 1400))", error("""
            dns64:
              upstreams: ["198.51.100.10"]
              allow-clients: ["2001:db8:1::/64"]
              edns-payload: 1400
            """));
    }

    @Test
    void shouldRefuseMoreThanOneThread()
    {
        assertEquals("test.yaml:11: dns64.threads: '2' is not valid (expected 1 with xlat64 run (one DNS64 agent in " +
            "the gateway; the standalone xlat64 dns64 scales over threads))", error("""
            dns64:
              upstreams: ["198.51.100.10"]
              allow-clients: ["2001:db8:1::/64"]
              threads: 2
            """));
    }

    @Test
    void shouldRequireAnUpstream()
    {
        assertEquals("test.yaml:9: dns64.upstreams: '(missing)' is not valid (expected at least one upstream " +
            "resolver, e.g. [\"198.51.100.53\"])", error("""
            dns64:
              allow-clients: ["2001:db8:1::/64"]
            """));
    }
}
