package dev.xlat64.io.neighbor;

import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.FrameHandler;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.core.pipeline.PacketPort;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static dev.xlat64.io.neighbor.NeighborResolverTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** The gateway adapter: next hop choice, RX-to-TX learning ring, flush after a solicitation. */
class GatewayNeighborsTest
{
    private static final HexFormat HEX = HexFormat.of();

    /** A port that records what is sent and how often it is flushed. */
    static final class RecordingPort implements PacketPort
    {
        final List<byte[]> sent = new ArrayList<>();
        int flushes;

        @Override
        public int receive(final FrameHandler handler, final int limit)
        {
            return 0;
        }

        @Override
        public boolean send(final DirectBuffer buffer, final int offset, final int length)
        {
            final byte[] copy = new byte[length];
            buffer.getBytes(offset, copy);
            sent.add(copy);
            return true;
        }

        @Override
        public void flush()
        {
            flushes++;
        }

        @Override
        public long macAddress()
        {
            return OWN_MAC;
        }

        @Override
        public String name()
        {
            return "port";
        }
    }

    final RecordingPort port = new RecordingPort();
    long now = 1_000_000_000L;
    final CountersManager countersManager = new CountersManager(
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(64 * CountersManager.METADATA_LENGTH, 64)),
        new UnsafeBuffer(BufferUtil.allocateDirectAligned(64 * CountersManager.COUNTER_LENGTH, 64)));

    GatewayNeighbors neighbors(final GatewayNeighbors.PortSpec spec)
    {
        return new GatewayNeighbors(List.of(spec), new NeighborConfig(), countersManager, () -> now);
    }

    static UnsafeBuffer ipv4Packet(final int destination)
    {
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[20]);
        packet.putByte(0, (byte)0x45);
        packet.putInt(16, destination, ByteOrder.BIG_ENDIAN);
        return packet;
    }

    static UnsafeBuffer ipv6Packet(final long high, final long low)
    {
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[40]);
        packet.putByte(0, (byte)0x60);
        packet.putLong(24, high, ByteOrder.BIG_ENDIAN);
        packet.putLong(32, low, ByteOrder.BIG_ENDIAN);
        return packet;
    }

    @Test
    void shouldSolicitOnLinkDestinationFlushAndLearnTheAnswerFromTheRxSide()
    {
        final GatewayNeighbors n = neighbors(new GatewayNeighbors.PortSpec(port).ipv4(OWN_IPV4, 24));
        assertEquals(NextHopResolver.UNRESOLVED, n.resolve(0, Family.IPV4, ipv4Packet(PEER_IPV4), 0));
        assertEquals(1, port.sent.size());
        assertEquals("ffffffffffff", HEX.formatHex(port.sent.get(0), 0, 6));
        assertEquals("c633640a", HEX.formatHex(port.sent.get(0), 38, 42), "ARP target 198.51.100.10");
        assertEquals(1, port.flushes, "the request leaves at once, not with the next translated packet");

        final UnsafeBuffer reply = arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4);
        n.onNeighborFrame(0, reply, 0, reply.capacity());
        assertEquals(PEER_MAC, n.resolve(0, Family.IPV4, ipv4Packet(PEER_IPV4), 0));
        assertEquals(1, port.flushes);
        assertEquals(NeighborState.REACHABLE, n.resolver(0).stateIpv4(PEER_IPV4));
    }

    @Test
    void shouldResolveTheRouterForOffLinkDestinations()
    {
        final long routerLow = 0xFE;
        final GatewayNeighbors n = neighbors(new GatewayNeighbors.PortSpec(port)
            .ipv6(NET_HIGH, OWN_LOW, 64).ipv6Router(NET_HIGH, routerLow));
        assertEquals(NextHopResolver.UNRESOLVED, n.resolve(0, Family.IPV6, ipv6Packet(0x2001_0db8_0099_0000L, 7), 0));
        assertEquals(NeighborState.INCOMPLETE, n.resolver(0).stateIpv6(NET_HIGH, routerLow));
        assertEquals(NeighborState.EMPTY, n.resolver(0).stateIpv6(0x2001_0db8_0099_0000L, 7));
        // The solicitation asks for the router: target at ICMPv6 offset 8.
        assertEquals("20010db80001000000000000000000fe", HEX.formatHex(port.sent.get(0), 14 + 40 + 8, 14 + 40 + 24));
    }

    @Test
    void shouldCountOffLinkDestinationWithoutRouter()
    {
        final GatewayNeighbors n = neighbors(new GatewayNeighbors.PortSpec(port).ipv4(OWN_IPV4, 24));
        assertEquals(NextHopResolver.UNRESOLVED, n.resolve(0, Family.IPV4, ipv4Packet(0x0A00_0001), 0));
        assertEquals(NextHopResolver.UNRESOLVED, n.resolve(0, Family.IPV6, ipv6Packet(NET_HIGH, 5), 0),
            "no IPv6 on this port");
        assertTrue(port.sent.isEmpty());
        assertEquals(2, n.resolver(0).counters().get(NeighborCounter.NO_ROUTE));
    }

    @Test
    void shouldMapMulticastAndBroadcastWithoutResolution()
    {
        final GatewayNeighbors n = neighbors(new GatewayNeighbors.PortSpec(port).ipv4(OWN_IPV4, 24)
            .ipv6(NET_HIGH, OWN_LOW, 64));
        assertEquals(0x3333_0000_0001L, n.resolve(0, Family.IPV6, ipv6Packet(0xFF02_0000_0000_0000L, 1), 0));
        assertEquals(0x0100_5E7F_0001L, n.resolve(0, Family.IPV4, ipv4Packet(0xEFFF_0001), 0)); // 239.255.0.1
        assertEquals(0xFFFF_FFFF_FFFFL, n.resolve(0, Family.IPV4, ipv4Packet(-1), 0));
        assertTrue(port.sent.isEmpty());
    }

    @Test
    void shouldCountFramesTheLearningRingCannotTake()
    {
        final GatewayNeighbors n = neighbors(new GatewayNeighbors.PortSpec(port).ipv4(OWN_IPV4, 24));
        final UnsafeBuffer reply = arp(2, PEER_MAC, PEER_IPV4, OWN_MAC, OWN_IPV4);
        for (int i = 0; i < 1000; i++) // 1000 x (60 + 8 header) bytes > the 64 KiB ring
        {
            n.onNeighborFrame(0, reply, 0, reply.capacity());
        }
        // A record is 8 bytes of header + 60, aligned to 72: 910 fit in 64 KiB, 90 are counted.
        assertEquals(90, n.resolver(0).counters().get(NeighborCounter.LEARN_QUEUE_FULL));
    }
}
