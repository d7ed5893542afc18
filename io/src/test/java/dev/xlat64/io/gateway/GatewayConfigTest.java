package dev.xlat64.io.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.io.config.ConfigException;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.counters.CountersFile;

class GatewayConfigTest
{
    private static GatewayConfig read(final String yaml)
    {
        return GatewayConfig.read(ConfigNode.parse("test.yaml", yaml));
    }

    private static final String ADDRESSES = "  ipv6-address: 2001:db8:1::1\n  ipv4-address: 198.51.100.1\n";

    private static String error(final String yaml)
    {
        return assertThrows(ConfigException.class, () -> read(yaml)).getMessage();
    }

    @Test
    void shouldReadEverySettingOfTheSection()
    {
        final GatewayConfig config = read("""
            pool6: 2001:db8:64::/96
            gateway:
              ipv6-interface: gw6
              ipv4-interface: gw4
              ipv6-next-hop-mac: 02:00:00:00:00:02
              ipv4-next-hop-mac: 02:AA:bb:cc:dd:0e
              ipv6-next-hop: 2001:db8:1::ff
              ipv4-next-hop: 198.51.100.254
              workers: 2
              threading: dedicated
              cpus: [0]
              idle-strategy: busy-spin
              idle-spin-us: 25
              batch-size: 32
              tpacket-version: 2
              ring-size-kb: 2048
              counters-file: /tmp/x/counters
              prometheus: 127.0.0.1:9464
            """);
        assertEquals("gw6", config.ipv6Interface());
        assertEquals("gw4", config.ipv4Interface());
        assertEquals(OptionalLong.of(0x020000000002L), config.ipv6NextHopMac());
        assertEquals(OptionalLong.of(0x02AABBCCDD0EL), config.ipv4NextHopMac());
        assertEquals(Ipv6Address.parse("2001:db8:1::ff"), config.ipv6NextHop());
        assertEquals(Ipv4Address.parse("198.51.100.254"), config.ipv4NextHop());
        assertEquals(null, config.ipv6Address());
        assertEquals(2, config.workers());
        assertEquals(ThreadingMode.DEDICATED, config.threading());
        assertEquals(List.of(0), config.cpus());
        assertEquals(IdleStrategyName.BUSY_SPIN, config.idleStrategy());
        assertEquals(25, config.idleSpinUs());
        assertEquals(32, config.batchSize());
        assertEquals(2, config.tpacketVersion());
        assertEquals(2048 * 1024, config.ringBytes());
        assertEquals(Path.of("/tmp/x/counters"), config.countersFile());
        assertEquals(9464, config.prometheus().getPort());
        assertTrue(config.prometheus().getAddress().isLoopbackAddress());
    }

    @Test
    void shouldDefaultToOneWorkerOnOneSharedThreadPollingATpacketV2Ring()
    {
        final GatewayConfig config = read(
            "gateway:\n  interface: eth0\n" + ADDRESSES);
        assertTrue(config.singlePort());
        assertEquals(1, config.workers());
        assertEquals(ThreadingMode.SHARED, config.threading());
        assertEquals(1, config.threads());
        assertEquals(IdleStrategyName.POLL, config.idleStrategy());
        assertEquals(10, config.idleSpinUs());
        assertEquals(64, config.batchSize());
        assertEquals(2, config.tpacketVersion());
        assertEquals(4096 * 1024, config.ringBytes());
        assertEquals(CountersFile.DEFAULT_PATH, config.countersFile());
        assertEquals(null, config.prometheus());
        assertEquals(OptionalLong.empty(), config.ipv6NextHopMac());
        assertEquals(Ipv6Address.parse("2001:db8:1::1"), config.ipv6Address());
        assertEquals(Ipv4Address.parse("198.51.100.1"), config.ipv4Address());
        assertEquals(null, config.ipv6NextHop());
    }

    @Test
    void shouldNameTheKeyTheValueAndTheExpectationOfABadSetting()
    {
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  workers: 0\n")
            .endsWith("gateway.workers: '0' is not valid (expected a whole number from 1 to 64)"), "workers");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  idle-strategy: lazy\n")
            .contains("gateway.idle-strategy: 'lazy'"), "idle");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  idle-spin-us: 20000\n")
            .endsWith("gateway.idle-spin-us: '20000' is not valid (expected a whole number from 0 to 10000)"), "spin");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  ipv6-next-hop-mac: 02:00:00:00:00\n")
            .contains("six octets"), "mac");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  prometheus: 192.0.2.1:9464\n")
            .contains("not a loopback address"), "prometheus");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  ring-size-kb: 1000\n")
            .contains("a power of two"), "ring");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  wokers: 2\n").contains("wokers"), "typo");
        assertTrue(error("gateway:\n  ipv6-interface: gw6\n")
            .contains("gateway.ipv4-interface"), "missing side");
        assertTrue(error("gateway:\n  interface: averyveryverylongname\n")
            .contains("1 to 15 characters"), "ifname");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  threading: dedicated\n  threads: 2\n")
            .contains("gateway.threads"), "threads");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  cpus: [0, 4096]\n")
            .contains("gateway.cpus"), "cpus");
        assertTrue(error("pool6: 2001:db8:64::/96\n").contains("gateway"), "section missing");
        assertTrue(error("gateway:\n  interface: eth0\n  ipv4-address: 198.51.100.1\n")
            .contains("gateway.ipv6-address: '(missing)' is not valid (expected the gateway's IPv6 address"), "own v6");
        assertTrue(error("gateway:\n  interface: eth0\n" + ADDRESSES + "  ipv4-next-hop: 198.51.100\n")
            .contains("gateway.ipv4-next-hop"), "router");
    }

    @Test
    void shouldAcceptOnlyLoopbackLiteralsForPrometheus()
    {
        assertEquals(InetAddress.getLoopbackAddress(), GatewayConfig.loopbackEndpoint("localhost:1").getAddress());
        assertTrue(GatewayConfig.loopbackEndpoint("[::1]:9464").getAddress().isLoopbackAddress());
        assertEquals("'example.com' is not an IP address literal",
            assertThrows(IllegalArgumentException.class, () -> GatewayConfig.loopbackEndpoint("example.com:1")).getMessage());
    }
}
