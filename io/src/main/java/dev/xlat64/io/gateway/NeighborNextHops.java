package dev.xlat64.io.gateway;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.io.neighbor.NeighborResolver;

/**
 * One port's next hops resolved by the port's own {@link NeighborResolver} (ARP, RFC 826; Neighbor Discovery,
 * RFC 4861): the next hop is the configured router of the family, or else the packet's destination (on-link).
 * A family with a static MAC skips resolution. Used on the port's TX agent thread only, as the resolver requires.
 */
public final class NeighborNextHops implements NextHopResolver
{
    private static final int IPV6_DESTINATION_OFFSET = 24;
    private static final int IPV4_DESTINATION_OFFSET = 16;

    private final NeighborResolver resolver;
    private final long staticIpv6Mac;
    private final long staticIpv4Mac;
    private final boolean ipv6Router;
    private final long ipv6RouterHigh;
    private final long ipv6RouterLow;
    private final boolean ipv4Router;
    private final int ipv4RouterAddress;

    /**
     * @param staticIpv6Mac a fixed MAC for IPv6 packets, or {@link #UNRESOLVED} to resolve.
     * @param staticIpv4Mac a fixed MAC for IPv4 packets, or {@link #UNRESOLVED} to resolve.
     * @param ipv6Router the IPv6 router {high, low}, or null for on-link destinations.
     * @param ipv4Router the IPv4 router, or null for on-link destinations.
     */
    public NeighborNextHops(
        final NeighborResolver resolver, final long staticIpv6Mac, final long staticIpv4Mac,
        final long[] ipv6Router, final Integer ipv4Router)
    {
        this.resolver = resolver;
        this.staticIpv6Mac = staticIpv6Mac;
        this.staticIpv4Mac = staticIpv4Mac;
        this.ipv6Router = ipv6Router != null;
        this.ipv6RouterHigh = ipv6Router != null ? ipv6Router[0] : 0;
        this.ipv6RouterLow = ipv6Router != null ? ipv6Router[1] : 0;
        this.ipv4Router = ipv4Router != null;
        this.ipv4RouterAddress = ipv4Router != null ? ipv4Router : 0;
    }

    @Override
    public long resolve(final int port, final Family family, final DirectBuffer buffer, final int offset, final long nowNs)
    {
        if (family == Family.IPV6)
        {
            if (staticIpv6Mac != UNRESOLVED)
            {
                return staticIpv6Mac;
            }
            return resolver.resolveIpv6(ipv6High(buffer, offset), ipv6Low(buffer, offset), nowNs);
        }
        if (staticIpv4Mac != UNRESOLVED)
        {
            return staticIpv4Mac;
        }
        return resolver.resolveIpv4(ipv4(buffer, offset), nowNs);
    }

    @Override
    public boolean hold(
        final int port, final Family family, final DirectBuffer packet, final int packetOffset,
        final DirectBuffer frame, final int frameOffset, final int frameLength)
    {
        return family == Family.IPV6 ?
            resolver.enqueueIpv6(ipv6High(packet, packetOffset), ipv6Low(packet, packetOffset), frame, frameOffset,
                frameLength) :
            resolver.enqueueIpv4(ipv4(packet, packetOffset), frame, frameOffset, frameLength);
    }

    @Override
    public void onNeighborFrame(
        final int port, final MutableDirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        resolver.onFrame(buffer, offset, length, nowNs);
    }

    @Override
    public int doWork(final long nowNs)
    {
        return resolver.doWork(nowNs);
    }

    private long ipv6High(final DirectBuffer buffer, final int offset)
    {
        return ipv6Router ? ipv6RouterHigh : buffer.getLong(offset + IPV6_DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
    }

    private long ipv6Low(final DirectBuffer buffer, final int offset)
    {
        return ipv6Router ? ipv6RouterLow : buffer.getLong(offset + IPV6_DESTINATION_OFFSET + 8, ByteOrder.BIG_ENDIAN);
    }

    private int ipv4(final DirectBuffer buffer, final int offset)
    {
        return ipv4Router ? ipv4RouterAddress : buffer.getInt(offset + IPV4_DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
    }
}
