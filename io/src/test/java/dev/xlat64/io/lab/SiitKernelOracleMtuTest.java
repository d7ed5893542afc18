package dev.xlat64.io.lab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;

/**
 * Path MTU across the translator with real kernels: the IPv4 link is 1280 bytes, so a 1448-byte IPv6 UDP datagram
 * gets Packet Too Big (MTU 1300) from the translator, the client's kernel then sends IPv6 fragments, the
 * translator turns them into IPv4 fragments, the server reassembles, and its fragmented reply comes back as
 * IPv6 fragments with Fragment headers (RFC 7915 §4.1, §5.1, §5.1.1).
 */
class SiitKernelOracleMtuTest
{
    private static NetnsLab lab;
    private static SiitKernelOracleTest.TranslatorLoop loop;

    @BeforeAll
    static void start() throws Exception
    {
        Requirements.requireLab();
        lab = NetnsLab.builder().serverLinkMtu(1280).create();
        loop = SiitKernelOracleTest.TranslatorLoop.start(lab, SiitKernelOracleTest.CONFIG + "ipv4-mtu: 1280\n",
            "siit-oracle-mtu");
    }

    @AfterAll
    static void stop() throws InterruptedException
    {
        if (loop != null)
        {
            loop.close();
        }
        if (lab != null)
        {
            lab.close();
        }
    }

    @Test
    void shouldLearnPathMtuFromPacketTooBigAndCarryFragments() throws Exception
    {
        final Process server = new ProcessBuilder("ip", "netns", "exec", lab.namespace(NetnsLab.Role.SERVER),
            "/usr/bin/python3", "-c", """
            import socket
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(("198.51.100.10", 7002))
            s.settimeout(10)
            while True:
                data, peer = s.recvfrom(65535)
                s.sendto(data[::-1], peer)
            """).redirectErrorStream(true).start();
        try
        {
            Thread.sleep(400);
            final ExecResult client = lab.exec(NetnsLab.Role.CLIENT, "/usr/bin/python3", "-c", """
                import socket
                c = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
                c.settimeout(1)
                data = bytes((i * 11) & 255 for i in range(1400))
                for attempt in range(6):
                    c.sendto(data, ("2001:db8:64::c633:640a", 7002))
                    try:
                        echo, _ = c.recvfrom(65535)
                        break
                    except (socket.timeout, OSError):
                        continue
                assert echo == data[::-1]
                print("attempts", attempt + 1)
                """);
            // The first datagram is answered by Packet Too Big (MTU 1300); the client's kernel then fragments,
            // the translator turns IPv6 fragments into IPv4 fragments and the fragmented reply back.
            assertTrue(client.output().contains("attempts"), client.output());
            assertTrue(loop.counters.get(DropReason.PACKET_TOO_BIG) >= 1);
            assertTrue(loop.counters.get(TranslatorOutcome.ICMP_ERRORS_GENERATED) >= 1);
            assertTrue(loop.counters.get(TranslatorOutcome.TRANSLATED_4TO6) >= 2, "fragmented reply came back");
            // Its first IPv4 fragment (1276 bytes) is 1304 bytes as IPv6: the translator fragments it to fit 1280.
            assertTrue(loop.counters.get(TranslatorOutcome.FRAGMENTED) >= 1);
        }
        finally
        {
            server.destroyForcibly();
        }
    }
}
