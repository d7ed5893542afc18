package dev.xlat64.io.neighbor;

import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.gateway.PacketSocketPort;
import dev.xlat64.io.lab.NetnsLab;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.xlat64.io.neighbor.GatewayNeighborsTest.ipv4Packet;
import static dev.xlat64.io.neighbor.GatewayNeighborsTest.ipv6Packet;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The adapter across threads as the gateway runs it: an RX thread polls both gateway sockets and hands ARP/NDP
 * frames over, the test thread plays both TX agents and asks for next hops until the kernels have answered.
 */
class GatewayNeighborsNetnsTest
{
    private static final long NET_HIGH = 0x2001_0db8_0001_0000L;
    private static NetnsLab lab;

    @BeforeAll
    static void buildLab() throws IOException
    {
        final String reason = NetnsLab.unavailableReason();
        assumeTrue(null == reason, () -> "network namespaces unavailable: " + reason);
        lab = NetnsLab.create();
    }

    @AfterAll
    static void removeLab()
    {
        if (null != lab)
        {
            lab.close();
        }
    }

    private static long peerMac(final NetnsLab.Role role, final String device) throws IOException
    {
        return Long.parseLong(lab.exec(role, "cat", "/sys/class/net/" + device + "/address").output().strip()
            .replace(":", ""), 16);
    }

    private static boolean isNeighborFrame(final org.agrona.DirectBuffer buffer, final int offset, final int length)
    {
        final int etherType = buffer.getShort(offset + 12, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        if (0x0806 == etherType)
        {
            return true;
        }
        return 0x86DD == etherType && length >= 55 && buffer.getByte(offset + 20) == 58 &&
            (buffer.getByte(offset + 54) & 0xFF) >= 133 && (buffer.getByte(offset + 54) & 0xFF) <= 137;
    }

    @Test
    void shouldResolveBothSidesWithLearningOnTheRxThread() throws Exception
    {
        final String gatewayNs = lab.namespace(NetnsLab.Role.GATEWAY);
        // V2 rings: no block retire delay, so the answers reach the RX thread at once.
        try (PacketSocket v6 = PacketSocket.open(lab.gatewayIpv6Interface(),
            new PacketSocketOptions().tpacketVersion(2).namespace(gatewayNs));
            PacketSocket v4 = PacketSocket.open(lab.gatewayIpv4Interface(),
                new PacketSocketOptions().tpacketVersion(2).namespace(gatewayNs)))
        {
            final org.agrona.concurrent.status.CountersManager counters = new org.agrona.concurrent.status.CountersManager(
                new org.agrona.concurrent.UnsafeBuffer(org.agrona.BufferUtil.allocateDirectAligned(64 * 512, 64)),
                new org.agrona.concurrent.UnsafeBuffer(org.agrona.BufferUtil.allocateDirectAligned(64 * 128, 64)));
            final GatewayNeighbors neighbors = new GatewayNeighbors(List.of(
                new GatewayNeighbors.PortSpec(new PacketSocketPort(v6)).ipv6(NET_HIGH, 1, 64),
                new GatewayNeighbors.PortSpec(new PacketSocketPort(v4)).ipv4(0xC6_33_64_01, 24)),
                new NeighborConfig().retransmitTimeMs(1000), counters, SystemNanoClock.INSTANCE);

            final AtomicBoolean running = new AtomicBoolean(true);
            final Thread rx = Thread.ofPlatform().name("rx").start(() ->
            {
                final PacketSocket[] sockets = {v6, v4};
                while (running.get())
                {
                    for (int p = 0; p < 2; p++)
                    {
                        final int port = p;
                        sockets[p].receive((buffer, offset, length) ->
                        {
                            if (isNeighborFrame(buffer, offset, length))
                            {
                                neighbors.onNeighborFrame(port, buffer, offset, length);
                            }
                        }, 64);
                    }
                    Thread.onSpinWait();
                }
            });
            long clientMac = NextHopResolver.UNRESOLVED;
            long serverMac = NextHopResolver.UNRESOLVED;
            try
            {
                final long deadline = System.nanoTime() + 3_000_000_000L;
                while ((clientMac < 0 || serverMac < 0) && System.nanoTime() < deadline)
                {
                    clientMac = neighbors.resolve(0, Family.IPV6, ipv6Packet(NET_HIGH, 2), 0);
                    serverMac = neighbors.resolve(1, Family.IPV4, ipv4Packet(0xC6_33_64_0A), 0);
                    Thread.sleep(1);
                }
            }
            finally
            {
                running.set(false);
                rx.join();
            }
            assertEquals(peerMac(NetnsLab.Role.CLIENT, lab.clientInterface()), clientMac);
            assertEquals(peerMac(NetnsLab.Role.SERVER, lab.serverInterface()), serverMac);
            assertEquals(1, neighbors.resolver(0).counters().get(NeighborCounter.NEIGHBOR_SOLICITATIONS_SENT));
            assertEquals(1, neighbors.resolver(1).counters().get(NeighborCounter.ARP_REQUESTS_SENT));
            assertEquals(0, neighbors.resolver(0).counters().get(NeighborCounter.LEARN_QUEUE_FULL));
        }
    }
}
