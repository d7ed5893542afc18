package dev.xlat64.io.neighbor;

import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.NeighborFrameHandler;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.core.pipeline.PacketPort;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;

import java.nio.ByteOrder;
import java.util.List;

/**
 * Neighbor resolution for the assembled gateway: one {@link NeighborResolver} per port, owned by the port's
 * TX agent thread, which calls {@link #resolve} for every outgoing packet. The RX agents hand ARP and NDP
 * frames to {@link #onNeighborFrame} on their own threads; each port has a one-to-one ring that carries copies
 * of those frames to its TX side, so the resolver is only ever touched by one thread and nothing is locked.
 *
 * <p>The next hop of a packet is its destination when that is inside the port's on-link prefix, else the
 * port's router for the family (none configured: counted {@link NeighborCounter#NO_ROUTE}, unresolved).
 * Multicast destinations map to their RFC 2464 §7 / RFC 1112 §6.4 MACs and 255.255.255.255 to broadcast,
 * without resolution. On a miss the resolver solicits and the TX agent drops the packet and counts it
 * (no queueing through this interface). Solicitations go out at once: the port is flushed when one was queued.
 *
 * <p>The gateway's own addresses stay on the interfaces in the kernel of the gateway's namespace; that kernel
 * answers ARP and Neighbor Solicitations for them (see {@link NeighborResolver}).
 */
public final class GatewayNeighbors implements NextHopResolver, NeighborFrameHandler
{
    /** Frames taken off a port's learning ring per resolve call. */
    private static final int LEARN_BATCH = 16;
    private static final int LEARN_RING_BYTES = 64 * 1024;
    private static final int FRAME_MESSAGE = 1;

    private final Port[] ports;
    private final NanoClock clock;

    /**
     * @param specs    the ports, in the gateway's port order
     * @param config   timers and sizes, the same for every port
     * @param counters where each port's {@link NeighborCounters} go, labelled with the port name
     * @param clock    the TX agents' clock
     */
    public GatewayNeighbors(
        final List<PortSpec> specs, final NeighborConfig config, final CountersManager counters, final NanoClock clock)
    {
        this.clock = clock;
        this.ports = new Port[specs.size()];
        for (int i = 0; i < ports.length; i++)
        {
            ports[i] = new Port(specs.get(i), config, new NeighborCounters(counters, specs.get(i).name()));
        }
    }

    /** The resolver of port {@code index} (for inspection and static entries; touch it on its TX thread only). */
    public NeighborResolver resolver(final int index)
    {
        return ports[index].resolver;
    }

    /** RX agent thread of {@code port}: copies the frame to the port's learning ring (counted when full). */
    @Override
    public void onNeighborFrame(final int port, final DirectBuffer buffer, final int offset, final int length)
    {
        final Port p = ports[port];
        if (!p.learnRing.write(FRAME_MESSAGE, buffer, offset, length))
        {
            p.counters.increment(NeighborCounter.LEARN_QUEUE_FULL);
        }
    }

    /** TX agent thread of {@code port}: the destination MAC of the IP packet at {@code offset}, or UNRESOLVED. */
    @Override
    public long resolve(final int port, final Family family, final DirectBuffer buffer, final int offset)
    {
        final Port p = ports[port];
        final long nowNs = clock.nanoTime();
        p.nowNs = nowNs;
        p.learnRing.read(p.learner, LEARN_BATCH);
        p.resolver.doWork(nowNs);
        final long mac = Family.IPV6 == family ? p.resolveIpv6(buffer, offset, nowNs) : p.resolveIpv4(buffer, offset, nowNs);
        if (p.solicitationQueued)
        {
            p.solicitationQueued = false;
            p.port.flush();
        }
        return mac;
    }

    /** What one port needs: its {@link PacketPort}, own addresses, on-link prefixes and routers. */
    public static final class PortSpec
    {
        final PacketPort port;
        int ipv4;
        int ipv4PrefixLength;
        int ipv4Router;
        long ipv6High;
        long ipv6Low;
        int ipv6PrefixLength;
        long ipv6RouterHigh;
        long ipv6RouterLow;

        public PortSpec(final PacketPort port)
        {
            this.port = port;
        }

        String name()
        {
            return port.name();
        }

        /** The port's IPv4 address (held by the kernel too) and the length of its on-link prefix. */
        public PortSpec ipv4(final int address, final int prefixLength)
        {
            requireLength("IPv4 prefix length", prefixLength, 32);
            this.ipv4 = address;
            this.ipv4PrefixLength = prefixLength;
            return this;
        }

        /** The IPv4 router for off-link destinations (0: none). */
        public PortSpec ipv4Router(final int address)
        {
            this.ipv4Router = address;
            return this;
        }

        /** The port's IPv6 address (held by the kernel too) and the length of its on-link prefix. */
        public PortSpec ipv6(final long high, final long low, final int prefixLength)
        {
            requireLength("IPv6 prefix length", prefixLength, 128);
            this.ipv6High = high;
            this.ipv6Low = low;
            this.ipv6PrefixLength = prefixLength;
            return this;
        }

        /** The IPv6 router for off-link destinations (::: none). */
        public PortSpec ipv6Router(final long high, final long low)
        {
            this.ipv6RouterHigh = high;
            this.ipv6RouterLow = low;
            return this;
        }

        private static void requireLength(final String what, final int length, final int max)
        {
            if (length < 0 || length > max)
            {
                throw new IllegalArgumentException(what + " " + length + ": expected 0 to " + max);
            }
        }
    }

    /** One port's resolver and the state its TX thread uses. */
    private static final class Port
    {
        final PacketPort port;
        final NeighborResolver resolver;
        final NeighborCounters counters;
        final OneToOneRingBuffer learnRing = new OneToOneRingBuffer(new UnsafeBuffer(
            BufferUtil.allocateDirectAligned(LEARN_RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH, 64)));
        final org.agrona.concurrent.MessageHandler learner;
        final int ipv4Network;
        final int ipv4Mask;
        final int ipv4Router;
        final boolean hasIpv4;
        final long ipv6NetworkHigh;
        final long ipv6NetworkLow;
        final long ipv6MaskHigh;
        final long ipv6MaskLow;
        final long ipv6RouterHigh;
        final long ipv6RouterLow;
        final boolean hasIpv6;
        boolean solicitationQueued;
        long nowNs;

        Port(final PortSpec spec, final NeighborConfig config, final NeighborCounters counters)
        {
            this.port = spec.port;
            this.counters = counters;
            final PacketPort target = spec.port;
            this.resolver = new NeighborResolver((buffer, offset, length) ->
            {
                final boolean sent = target.send(buffer, offset, length);
                solicitationQueued |= sent;
                return sent;
            }, spec.port.macAddress(), spec.ipv4, spec.ipv6High, spec.ipv6Low, config, counters);
            this.learner = (type, buffer, index, length) -> resolver.onFrame(buffer, index, length, nowNs);
            this.hasIpv4 = 0 != spec.ipv4;
            this.ipv4Mask = 0 == spec.ipv4PrefixLength ? 0 : -1 << (32 - spec.ipv4PrefixLength);
            this.ipv4Network = spec.ipv4 & ipv4Mask;
            this.ipv4Router = spec.ipv4Router;
            this.hasIpv6 = 0 != spec.ipv6High || 0 != spec.ipv6Low;
            this.ipv6MaskHigh = maskHigh(spec.ipv6PrefixLength);
            this.ipv6MaskLow = maskLow(spec.ipv6PrefixLength);
            this.ipv6NetworkHigh = spec.ipv6High & ipv6MaskHigh;
            this.ipv6NetworkLow = spec.ipv6Low & ipv6MaskLow;
            this.ipv6RouterHigh = spec.ipv6RouterHigh;
            this.ipv6RouterLow = spec.ipv6RouterLow;
        }

        long resolveIpv6(final DirectBuffer buffer, final int offset, final long nowNs)
        {
            final long high = buffer.getLong(offset + 24, ByteOrder.BIG_ENDIAN);
            final long low = buffer.getLong(offset + 32, ByteOrder.BIG_ENDIAN);
            if ((high >>> 56) == 0xFF)
            {
                return 0x3333_0000_0000L | (low & 0xFFFF_FFFFL); // RFC 2464 §7
            }
            if (hasIpv6 && (high & ipv6MaskHigh) == ipv6NetworkHigh && (low & ipv6MaskLow) == ipv6NetworkLow)
            {
                return resolver.resolveIpv6(high, low, nowNs);
            }
            if (hasIpv6 && (0 != ipv6RouterHigh || 0 != ipv6RouterLow))
            {
                return resolver.resolveIpv6(ipv6RouterHigh, ipv6RouterLow, nowNs);
            }
            counters.increment(NeighborCounter.NO_ROUTE);
            return UNRESOLVED;
        }

        long resolveIpv4(final DirectBuffer buffer, final int offset, final long nowNs)
        {
            final int destination = buffer.getInt(offset + 16, ByteOrder.BIG_ENDIAN);
            if ((destination >>> 28) == 0xE)
            {
                return 0x0100_5E00_0000L | (destination & 0x7F_FFFF); // RFC 1112 §6.4
            }
            if (-1 == destination)
            {
                return 0xFFFF_FFFF_FFFFL;
            }
            if (hasIpv4 && (destination & ipv4Mask) == ipv4Network)
            {
                return resolver.resolveIpv4(destination, nowNs);
            }
            if (hasIpv4 && 0 != ipv4Router)
            {
                return resolver.resolveIpv4(ipv4Router, nowNs);
            }
            counters.increment(NeighborCounter.NO_ROUTE);
            return UNRESOLVED;
        }

        private static long maskHigh(final int length)
        {
            return length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
        }

        private static long maskLow(final int length)
        {
            return length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
        }
    }
}
