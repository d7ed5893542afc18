package dev.xlat64.io.neighbor;

import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.io.afpacket.FrameHandler;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;
import dev.xlat64.io.lab.NetnsLab;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteOrder;
import java.util.HexFormat;
import dev.xlat64.io.lab.Requirements;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The resolver on the gateway's AF_PACKET sockets in a {@link NetnsLab}: the server's kernel answers ARP,
 * the client's kernel answers Neighbor Solicitations, and the learned MACs are the peers' real ones.
 */
class NeighborResolverNetnsTest
{
    private static final int GATEWAY_IPV4 = 0xC6_33_64_01;
    private static final int SERVER_IPV4 = 0xC6_33_64_0A;
    private static final long NET_HIGH = 0x2001_0db8_0001_0000L;
    private static NetnsLab lab;

    @BeforeAll
    static void buildLab() throws IOException
    {
        Requirements.requireLab();
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
        return MacAddress.parse(LabGatewayConfig.mac(lab, role, device));
    }

    /** Polls resolve → flush → receive (frames to the resolver) until a MAC comes back or 3 s pass. */
    private static long resolveLoop(final PacketSocket socket, final NeighborResolver resolver,
        final java.util.function.LongUnaryOperator resolve)
    {
        final FrameHandler learn = (buffer, offset, length) -> resolver.onFrame(buffer, offset, length, System.nanoTime());
        final long deadline = System.nanoTime() + 3_000_000_000L;
        long mac = NeighborResolver.UNRESOLVED;
        while (NeighborResolver.UNRESOLVED == mac && System.nanoTime() < deadline)
        {
            final long now = System.nanoTime();
            mac = resolve.applyAsLong(now);
            resolver.doWork(now);
            socket.flush();
            if (socket.poll(20))
            {
                socket.receive(learn, 64);
            }
        }
        return mac;
    }

    @Test
    void shouldResolveServerMacOverArp() throws IOException
    {
        try (PacketSocket socket = PacketSocket.open(lab.gatewayIpv4Interface(),
            new PacketSocketOptions().namespace(lab.namespace(NetnsLab.Role.GATEWAY))))
        {
            final NeighborResolver resolver = new NeighborResolver(socket::send, socket.macAddress(), GATEWAY_IPV4,
                0, 0, new NeighborConfig().retransmitTimeMs(200), NeighborCounters.standalone("v4"));
            // A frame for the server waits in the queue and leaves with the learned MAC.
            assertEquals(NeighborResolver.UNRESOLVED, resolver.resolveIpv4(SERVER_IPV4, System.nanoTime()));
            final UnsafeBuffer frame = new UnsafeBuffer(new byte[60]);
            frame.putShort(12, (short)0x88B5, ByteOrder.BIG_ENDIAN);
            assertTrue(resolver.enqueueIpv4(SERVER_IPV4, frame, 0, 60));

            final long mac = resolveLoop(socket, resolver, now -> resolver.resolveIpv4(SERVER_IPV4, now));
            assertEquals(HexFormat.of().toHexDigits(peerMac(NetnsLab.Role.SERVER, lab.serverInterface()), 12),
                HexFormat.of().toHexDigits(mac, 12));
            assertEquals(NeighborState.REACHABLE, resolver.stateIpv4(SERVER_IPV4));
            assertEquals(1, resolver.counters().get(NeighborCounter.ARP_REQUESTS_SENT));
            assertEquals(1, resolver.counters().get(NeighborCounter.ARP_LEARNED));
            assertEquals(1, resolver.counters().get(NeighborCounter.QUEUED_SENT));
            socket.flush();
        }
    }

    @Test
    void shouldResolveClientMacOverNdp() throws IOException
    {
        try (PacketSocket socket = PacketSocket.open(lab.gatewayIpv6Interface(),
            new PacketSocketOptions().namespace(lab.namespace(NetnsLab.Role.GATEWAY))))
        {
            final NeighborResolver resolver = new NeighborResolver(socket::send, socket.macAddress(), 0,
                NET_HIGH, 1, new NeighborConfig().retransmitTimeMs(200), NeighborCounters.standalone("v6"));
            final long mac = resolveLoop(socket, resolver, now -> resolver.resolveIpv6(NET_HIGH, 2, now));
            assertEquals(HexFormat.of().toHexDigits(peerMac(NetnsLab.Role.CLIENT, lab.clientInterface()), 12),
                HexFormat.of().toHexDigits(mac, 12));
            assertEquals(NeighborState.REACHABLE, resolver.stateIpv6(NET_HIGH, 2));
            assertEquals(1, resolver.counters().get(NeighborCounter.NEIGHBOR_SOLICITATIONS_SENT));
            assertEquals(0, resolver.counters().get(NeighborCounter.NDP_INVALID));
            assertTrue(resolver.counters().get(NeighborCounter.NDP_LEARNED) >= 1);
        }
    }

    @Test
    void shouldFailForAddressNobodyHolds() throws IOException
    {
        try (PacketSocket socket = PacketSocket.open(lab.gatewayIpv4Interface(),
            new PacketSocketOptions().namespace(lab.namespace(NetnsLab.Role.GATEWAY))))
        {
            final NeighborResolver resolver = new NeighborResolver(socket::send, socket.macAddress(), GATEWAY_IPV4,
                0, 0, new NeighborConfig().retransmitTimeMs(50), NeighborCounters.standalone("v4"));
            final int absent = 0xC6_33_64_63; // 198.51.100.99
            assertEquals(NeighborResolver.UNRESOLVED,
                resolveLoopFor(socket, resolver, absent, 400_000_000L));
            assertEquals(NeighborState.FAILED, resolver.stateIpv4(absent));
            assertEquals(3, resolver.counters().get(NeighborCounter.ARP_REQUESTS_SENT));
            assertEquals(1, resolver.counters().get(NeighborCounter.RESOLUTIONS_FAILED));
        }
    }

    private static long resolveLoopFor(final PacketSocket socket, final NeighborResolver resolver, final int address,
        final long durationNs)
    {
        final FrameHandler learn = (buffer, offset, length) -> resolver.onFrame(buffer, offset, length, System.nanoTime());
        final long start = System.nanoTime();
        long mac = resolver.resolveIpv4(address, start);
        while (System.nanoTime() - start < durationNs)
        {
            resolver.doWork(System.nanoTime());
            socket.flush();
            if (socket.poll(10))
            {
                socket.receive(learn, 64);
            }
        }
        return mac;
    }
}
