package dev.xlat64.io.neighbor;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.ArpPacket;
import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.LinkLayerAddressOption;
import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.core.packet.NdpOptions;
import dev.xlat64.core.packet.NeighborSolicitation;
import org.agrona.MutableDirectBuffer;

/**
 * Writes the resolver's requests with the core.packet flyweights: an Ethernet ARP request (RFC 826) padded
 * to the 60-byte Ethernet minimum, and an ICMPv6 Neighbor Solicitation (RFC 4861 §4.3) with a Source
 * Link-Layer Address option (§4.6.1), hop limit 255, multicast to the target's solicited-node address
 * (§7.2.2, RFC 4291 §2.7.1, MAC per RFC 2464 §7) or unicast to a known MAC (a probe).
 */
final class SolicitationWriter
{
    static final int ARP_FRAME_LENGTH = 60;
    static final int NS_ICMP_LENGTH = NeighborSolicitation.HEADER_LENGTH + LinkLayerAddressOption.HEADER_LENGTH;
    static final int NS_FRAME_LENGTH = EthernetHeader.HEADER_LENGTH + Ipv6Header.HEADER_LENGTH + NS_ICMP_LENGTH;

    private final EthernetHeader ethernet = new EthernetHeader();
    private final ArpPacket arp = new ArpPacket();
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final NeighborSolicitation solicitation = new NeighborSolicitation();
    private final LinkLayerAddressOption option = new LinkLayerAddressOption();

    /** "Who has {@code target}? Tell {@code ownIpv4}" to {@code destinationMac}; returns the frame length, 60. */
    int writeArpRequest(final MutableDirectBuffer buffer, final int offset, final long destinationMac,
        final long ownMac, final int ownIpv4, final int target)
    {
        ethernet.wrap(buffer, offset).destination(destinationMac).source(ownMac).etherType(EthernetHeader.ETHERTYPE_ARP);
        final int arpOffset = offset + EthernetHeader.HEADER_LENGTH;
        arp.wrap(buffer, arpOffset).ethernetIpv4().operation(ArpPacket.OPERATION_REQUEST)
            .senderHardwareAddress(ownMac).senderProtocolAddress(ownIpv4)
            .targetHardwareAddress(0).targetProtocolAddress(target);
        final int end = arpOffset + ArpPacket.HEADER_LENGTH;
        buffer.setMemory(end, offset + ARP_FRAME_LENGTH - end, (byte)0);
        return ARP_FRAME_LENGTH;
    }

    /**
     * A Neighbor Solicitation for the target from {@code ownHigh/ownLow}: multicast when {@code unicastMac} is 0,
     * else unicast to the target at {@code unicastMac}. Returns the frame length, 86.
     */
    int writeNeighborSolicitation(final MutableDirectBuffer buffer, final int offset, final long unicastMac,
        final long ownMac, final long ownHigh, final long ownLow, final long targetHigh, final long targetLow)
    {
        final boolean multicast = 0 == unicastMac;
        final long destinationHigh = multicast ? NeighborSolicitation.solicitedNodeHigh() : targetHigh;
        final long destinationLow = multicast ? NeighborSolicitation.solicitedNodeLow(targetLow) : targetLow;
        ethernet.wrap(buffer, offset)
            .destination(multicast ? MacAddress.ipv6Multicast(destinationLow) : unicastMac)
            .source(ownMac)
            .etherType(EthernetHeader.ETHERTYPE_IPV6);
        final int ip = offset + EthernetHeader.HEADER_LENGTH;
        ipv6.wrap(buffer, ip).version(6).trafficClass(0).flowLabel(0).payloadLength(NS_ICMP_LENGTH)
            .nextHeader(IpProtocol.ICMPV6).hopLimit(255)
            .source(ownHigh, ownLow).destination(destinationHigh, destinationLow);
        final int icmp = ip + Ipv6Header.HEADER_LENGTH;
        solicitation.wrap(buffer, icmp).type(Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION).code(0).checksum(0).reserved(0)
            .target(targetHigh, targetLow);
        option.wrap(buffer, icmp + NeighborSolicitation.OPTIONS_OFFSET)
            .ethernet(NdpOptions.SOURCE_LINK_LAYER_ADDRESS, ownMac);
        // RFC 4443 §2.3: over the RFC 8200 §8.1 pseudo-header and the whole ICMPv6 message.
        final int sum = InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(ownHigh, ownLow, destinationHigh, destinationLow, IpProtocol.ICMPV6,
                NS_ICMP_LENGTH),
            InternetChecksum.sum(buffer, icmp, NS_ICMP_LENGTH));
        solicitation.checksum(InternetChecksum.finish(sum));
        return NS_FRAME_LENGTH;
    }
}
