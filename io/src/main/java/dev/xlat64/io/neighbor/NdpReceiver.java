package dev.xlat64.io.neighbor;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

import static dev.xlat64.io.neighbor.NeighborFrames.*;

/**
 * Validates received Neighbor Solicitations and Advertisements (RFC 4861 §7.1.1, §7.1.2) and hands the
 * link-layer addresses they carry to the resolver (§7.2.3 for NS, §7.2.5 for NA).
 */
final class NdpReceiver
{
    private static final ByteOrder BE = ByteOrder.BIG_ENDIAN;

    private NdpReceiver()
    {
    }

    /** {@code ip} is the IPv6 header of a frame whose next header is ICMPv6 and type NS or NA. */
    static void onNeighborDiscovery(final NeighborResolver resolver, final DirectBuffer buffer, final int ip,
        final int available, final long nowNs)
    {
        final int payloadLength = buffer.getShort(ip + IPV6_PAYLOAD_LENGTH, BE) & 0xFFFF;
        final int icmp = ip + IPV6_HEADER_LENGTH;
        if ((buffer.getByte(ip) & 0xF0) != 0x60 || IPV6_HEADER_LENGTH + payloadLength > available ||
            payloadLength < ND_HEADER_LENGTH ||
            (buffer.getByte(ip + IPV6_HOP_LIMIT) & 0xFF) != 255 || // §7.1: only on-link senders
            buffer.getByte(icmp + 1) != 0 ||
            icmpv6Checksum(buffer, ip, payloadLength) != 0)
        {
            invalid(resolver);
            return;
        }
        final long targetHigh = buffer.getLong(icmp + ND_TARGET, BE);
        final long targetLow = buffer.getLong(icmp + ND_TARGET + 8, BE);
        if ((targetHigh >>> 56) == 0xFF)
        {
            invalid(resolver);
            return;
        }
        final boolean advertisement = (buffer.getByte(icmp) & 0xFF) == NA_TYPE;
        final int option = findLinkLayerOption(buffer, icmp + ND_HEADER_LENGTH, icmp + payloadLength,
            advertisement ? OPTION_TARGET_LINK_LAYER_ADDRESS : OPTION_SOURCE_LINK_LAYER_ADDRESS);
        if (-2 == option)
        {
            invalid(resolver);
            return;
        }
        if (advertisement)
        {
            onAdvertisement(resolver, buffer, ip, icmp, option, targetHigh, targetLow, nowNs);
        }
        else
        {
            onSolicitation(resolver, buffer, ip, option, targetHigh, targetLow, nowNs);
        }
    }

    private static void onAdvertisement(final NeighborResolver resolver, final DirectBuffer buffer, final int ip,
        final int icmp, final int option, final long targetHigh, final long targetLow, final long nowNs)
    {
        final int flags = buffer.getInt(icmp + ND_FLAGS, BE);
        final boolean solicited = (flags & NA_FLAG_SOLICITED) != 0;
        final boolean destinationMulticast = (buffer.getByte(ip + IPV6_DESTINATION) & 0xFF) == 0xFF;
        if (solicited && destinationMulticast)
        {
            invalid(resolver);
            return;
        }
        final long mac;
        if (option >= 0)
        {
            mac = getMac(buffer, option + 2);
        }
        else
        {
            // §7.2.5: without the option the NA can only confirm an address we already have.
            mac = resolver.knownMac(NeighborTable.IPV6, targetHigh, targetLow);
            if (mac < 0)
            {
                return;
            }
        }
        resolver.learn(NeighborTable.IPV6, targetHigh, targetLow, mac, solicited,
            (flags & NA_FLAG_OVERRIDE) != 0, false, nowNs, NeighborCounter.NDP_LEARNED);
    }

    private static void onSolicitation(final NeighborResolver resolver, final DirectBuffer buffer, final int ip,
        final int option, final long targetHigh, final long targetLow, final long nowNs)
    {
        final long sourceHigh = buffer.getLong(ip + IPV6_SOURCE, BE);
        final long sourceLow = buffer.getLong(ip + IPV6_SOURCE + 8, BE);
        if (option < 0 || (0 == sourceHigh && 0 == sourceLow))
        {
            return; // no source link-layer address, or duplicate address detection (§7.1.1 forbids the option)
        }
        // §7.2.3: the solicitation's sender becomes a STALE entry; created only when it asks for our address.
        final boolean forUs = targetHigh == resolver.ownIpv6High() && targetLow == resolver.ownIpv6Low();
        resolver.learn(NeighborTable.IPV6, sourceHigh, sourceLow, getMac(buffer, option + 2), false, true, forUs,
            nowNs, NeighborCounter.NDP_LEARNED);
    }

    private static void invalid(final NeighborResolver resolver)
    {
        resolver.counters().increment(NeighborCounter.NDP_INVALID);
    }
}
