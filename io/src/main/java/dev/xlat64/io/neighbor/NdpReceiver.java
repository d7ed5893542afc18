package dev.xlat64.io.neighbor;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.LinkLayerAddressOption;
import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.core.packet.NdpOptions;
import dev.xlat64.core.packet.NeighborAdvertisement;
import dev.xlat64.core.packet.NeighborSolicitation;
import org.agrona.MutableDirectBuffer;

/**
 * Validates received Neighbor Solicitations and Advertisements (RFC 4861 §7.1.1, §7.1.2) and hands the
 * link-layer addresses they carry to the resolver (§7.2.3 for NS, §7.2.5 for NA). One per resolver.
 */
final class NdpReceiver
{
    private final NeighborResolver resolver;
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final NeighborSolicitation solicitation = new NeighborSolicitation();
    private final NeighborAdvertisement advertisement = new NeighborAdvertisement();

    NdpReceiver(final NeighborResolver resolver)
    {
        this.resolver = resolver;
    }

    /**
     * {@code ip} is the IPv6 header of a frame with {@code available} bytes from there on.
     *
     * @return true when the packet was an NS or NA (valid or not)
     */
    boolean onPacket(final MutableDirectBuffer buffer, final int ip, final int available, final long nowNs)
    {
        if (available < Ipv6Header.HEADER_LENGTH + 1)
        {
            return false;
        }
        ipv6.wrap(buffer, ip);
        final int icmp = ip + Ipv6Header.HEADER_LENGTH;
        final int type = buffer.getByte(icmp) & 0xFF;
        if (IpProtocol.ICMPV6 != ipv6.nextHeader() ||
            (Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION != type && Icmpv6Header.TYPE_NEIGHBOR_ADVERTISEMENT != type))
        {
            return false;
        }
        final int icmpLength = ipv6.payloadLength();
        final boolean isAdvertisement = Icmpv6Header.TYPE_NEIGHBOR_ADVERTISEMENT == type;
        if (HeaderFault.NONE != ipv6.validate(available) ||
            255 != ipv6.hopLimit() || // §7.1: only on-link senders
            HeaderFault.NONE != (isAdvertisement ?
                advertisement.wrap(buffer, icmp).validate(icmpLength) :
                solicitation.wrap(buffer, icmp).validate(icmpLength)) ||
            !checksumValid(buffer, icmp, icmpLength))
        {
            resolver.counters().increment(NeighborCounter.NDP_INVALID);
            return true;
        }
        if (isAdvertisement)
        {
            onAdvertisement(buffer, icmp, icmpLength, nowNs);
        }
        else
        {
            onSolicitation(buffer, icmp, icmpLength, nowNs);
        }
        return true;
    }

    private boolean checksumValid(final MutableDirectBuffer buffer, final int icmp, final int icmpLength)
    {
        final int sum = InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(ipv6.sourceHigh(), ipv6.sourceLow(), ipv6.destinationHigh(),
                ipv6.destinationLow(), IpProtocol.ICMPV6, icmpLength),
            InternetChecksum.sum(buffer, icmp, icmpLength));
        return 0 == InternetChecksum.finish(sum);
    }

    private void onAdvertisement(final MutableDirectBuffer buffer, final int icmp, final int icmpLength,
        final long nowNs)
    {
        final boolean solicited = advertisement.solicited();
        if (solicited && (ipv6.destinationHigh() >>> 56) == 0xFF)
        {
            // §7.1.2: an NA to a multicast address must not claim to be solicited.
            resolver.counters().increment(NeighborCounter.NDP_INVALID);
            return;
        }
        final long targetHigh = advertisement.targetHigh();
        final long targetLow = advertisement.targetLow();
        final int option = NdpOptions.find(buffer, icmp + NeighborAdvertisement.OPTIONS_OFFSET,
            icmpLength - NeighborAdvertisement.HEADER_LENGTH, NdpOptions.TARGET_LINK_LAYER_ADDRESS);
        final long mac;
        if (option >= 0 && 1 == (buffer.getByte(option + LinkLayerAddressOption.LENGTH_OFFSET) & 0xFF))
        {
            mac = MacAddress.get(buffer, option + LinkLayerAddressOption.ADDRESS_OFFSET);
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
        resolver.learn(NeighborTable.IPV6, targetHigh, targetLow, mac, solicited, advertisement.override(), false,
            nowNs, NeighborCounter.NDP_LEARNED);
    }

    private void onSolicitation(final MutableDirectBuffer buffer, final int icmp, final int icmpLength,
        final long nowNs)
    {
        final long sourceHigh = ipv6.sourceHigh();
        final long sourceLow = ipv6.sourceLow();
        final int option = NdpOptions.find(buffer, icmp + NeighborSolicitation.OPTIONS_OFFSET,
            icmpLength - NeighborSolicitation.HEADER_LENGTH, NdpOptions.SOURCE_LINK_LAYER_ADDRESS);
        if (option < 0 || 1 != (buffer.getByte(option + LinkLayerAddressOption.LENGTH_OFFSET) & 0xFF) ||
            (0 == sourceHigh && 0 == sourceLow))
        {
            return; // no Ethernet source link-layer address, or duplicate address detection (unspecified source)
        }
        // §7.2.3: the solicitation's sender becomes a STALE entry; created only when it asks for our address.
        final boolean forUs = solicitation.targetHigh() == resolver.ownIpv6High() &&
            solicitation.targetLow() == resolver.ownIpv6Low();
        resolver.learn(NeighborTable.IPV6, sourceHigh, sourceLow,
            MacAddress.get(buffer, option + LinkLayerAddressOption.ADDRESS_OFFSET), false, true, forUs, nowNs,
            NeighborCounter.NDP_LEARNED);
    }
}
