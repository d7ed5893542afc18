package dev.xlat64.core.testing;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.packet.ArpPacket;
import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.MacAddress;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Ethernet frames for tests: an IP packet (usually from {@link PacketBuilder}) behind an Ethernet II header, and ARP
 * requests and replies for Ethernet/IPv4 (RFC 826). Frames are not padded to the 60-byte minimum, as veth delivers them.
 */
public final class FrameBuilder
{
    private FrameBuilder()
    {
    }

    /**
     * @param destination 48-bit destination MAC.
     * @param source      48-bit source MAC.
     * @param etherType   the EtherType.
     * @param payload     the bytes after the header.
     * @return the frame.
     */
    public static byte[] ethernet(final long destination, final long source, final int etherType, final byte[] payload)
    {
        final byte[] frame = new byte[EthernetHeader.HEADER_LENGTH + payload.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(frame);
        new EthernetHeader().wrap(buffer, 0).destination(destination).source(source).etherType(etherType);
        buffer.putBytes(EthernetHeader.HEADER_LENGTH, payload);
        return frame;
    }

    /**
     * @param destination 48-bit destination MAC.
     * @param source      48-bit source MAC.
     * @param ipPacket    an IPv4 or IPv6 packet; the EtherType follows its version nibble.
     * @return the frame.
     */
    public static byte[] ethernet(final long destination, final long source, final byte[] ipPacket)
    {
        final int version = ipPacket.length == 0 ? 0 : (ipPacket[0] & 0xF0) >>> 4;
        if (version != 4 && version != 6)
        {
            throw new IllegalArgumentException("not an IP packet: version " + version);
        }
        return ethernet(destination, source,
            version == 4 ? EthernetHeader.ETHERTYPE_IPV4 : EthernetHeader.ETHERTYPE_IPV6, ipPacket);
    }

    /**
     * A broadcast "who has {@code targetIp}? tell {@code senderIp}" frame.
     */
    public static byte[] arpRequest(final long senderMac, final String senderIp, final String targetIp)
    {
        return arp(MacAddress.BROADCAST, ArpPacket.OPERATION_REQUEST, senderMac, senderIp, 0L, targetIp);
    }

    /**
     * A unicast "{@code senderIp} is at {@code senderMac}" frame to the asker.
     */
    public static byte[] arpReply(final long senderMac, final String senderIp, final long targetMac, final String targetIp)
    {
        return arp(targetMac, ArpPacket.OPERATION_REPLY, senderMac, senderIp, targetMac, targetIp);
    }

    private static byte[] arp(
        final long frameDestination,
        final int operation,
        final long senderMac,
        final String senderIp,
        final long targetMac,
        final String targetIp)
    {
        final byte[] body = new byte[ArpPacket.HEADER_LENGTH];
        new ArpPacket().wrap(new UnsafeBuffer(body), 0).ethernetIpv4().operation(operation)
            .senderHardwareAddress(senderMac).senderProtocolAddress(Ipv4Address.parse(senderIp))
            .targetHardwareAddress(targetMac).targetProtocolAddress(Ipv4Address.parse(targetIp));
        return ethernet(frameDestination, senderMac, EthernetHeader.ETHERTYPE_ARP, body);
    }
}
