package dev.xlat64.io.neighbor;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static java.nio.ByteOrder.BIG_ENDIAN;

/**
 * Byte layouts of the frames the resolver sends and reads: Ethernet + ARP (RFC 826) and Ethernet + IPv6 +
 * ICMPv6 Neighbor Solicitation / Advertisement (RFC 4861 §4.3, §4.4) with a link-layer address option
 * (§4.6.1). Written here with plain offsets because the core.packet flyweights had not reached main when
 * this was written; the offsets are the same.
 *
 * <pre>
 * ARP (after the 14-byte Ethernet header, EtherType 0x0806):
 *  0 hardware type (1) | 2 protocol type (0x0800) | 4 hlen (6) | 5 plen (4) | 6 operation (1 request, 2 reply)
 *  8 sender MAC | 14 sender IPv4 | 18 target MAC | 24 target IPv4                               (28 bytes)
 *
 * NS/NA (ICMPv6 after a 40-byte IPv6 header, next header 58, hop limit 255):
 *  0 type (135 NS, 136 NA) | 1 code (0) | 2 checksum | 4 reserved / NA flags R S O | 8 target address
 *  24 options: type (1 source, 2 target link-layer address) | length (in 8 bytes) | address ...
 * </pre>
 */
final class NeighborFrames
{
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERTYPE_IPV6 = 0x86DD;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV4 = 0x0800;

    static final int ARP_LENGTH = 28;
    static final int ARP_OPERATION = 6;
    static final int ARP_SENDER_MAC = 8;
    static final int ARP_SENDER_IPV4 = 14;
    static final int ARP_TARGET_MAC = 18;
    static final int ARP_TARGET_IPV4 = 24;
    static final int ARP_REQUEST = 1;
    static final int ARP_REPLY = 2;
    /** Ethernet minimum (without FCS): the ARP frame is padded to it. */
    static final int ARP_FRAME_LENGTH = 60;

    static final int IPV6_HEADER_LENGTH = 40;
    static final int IPV6_PAYLOAD_LENGTH = 4;
    static final int IPV6_NEXT_HEADER = 6;
    static final int IPV6_HOP_LIMIT = 7;
    static final int IPV6_SOURCE = 8;
    static final int IPV6_DESTINATION = 24;
    static final int ICMPV6 = 58;

    static final int NS_TYPE = 135;
    static final int NA_TYPE = 136;
    static final int ND_HEADER_LENGTH = 24;
    static final int ND_TARGET = 8;
    static final int ND_FLAGS = 4;
    static final int NA_FLAG_SOLICITED = 0x4000_0000;
    static final int NA_FLAG_OVERRIDE = 0x2000_0000;
    static final int OPTION_SOURCE_LINK_LAYER_ADDRESS = 1;
    static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;
    static final int NS_FRAME_LENGTH = ETHERNET_HEADER_LENGTH + IPV6_HEADER_LENGTH + ND_HEADER_LENGTH + 8;

    /** ff02::1:ff00:0/104, RFC 4291 §2.7.1. */
    static final long SOLICITED_NODE_HIGH = 0xFF02_0000_0000_0000L;
    static final long SOLICITED_NODE_LOW_BASE = 0x0000_0001_FF00_0000L;

    private NeighborFrames()
    {
    }

    static long getMac(final DirectBuffer buffer, final int index)
    {
        return ((buffer.getShort(index, BIG_ENDIAN) & 0xFFFFL) << 32) | (buffer.getInt(index + 2, BIG_ENDIAN) & 0xFFFF_FFFFL);
    }

    static void putMac(final MutableDirectBuffer buffer, final int index, final long mac)
    {
        buffer.putShort(index, (short)(mac >>> 32), BIG_ENDIAN);
        buffer.putInt(index + 2, (int)mac, BIG_ENDIAN);
    }

    static void putEthernet(final MutableDirectBuffer buffer, final int offset, final long destination,
        final long source, final int etherType)
    {
        putMac(buffer, offset, destination);
        putMac(buffer, offset + 6, source);
        buffer.putShort(offset + 12, (short)etherType, BIG_ENDIAN);
    }

    /** An ARP request "who has {@code target}, tell {@code ownIpv4}" to {@code destination}; returns 60. */
    static int writeArpRequest(final MutableDirectBuffer buffer, final int offset, final long destination,
        final long ownMac, final int ownIpv4, final int target)
    {
        putEthernet(buffer, offset, destination, ownMac, ETHERTYPE_ARP);
        final int arp = offset + ETHERNET_HEADER_LENGTH;
        buffer.putShort(arp, (short)1, BIG_ENDIAN);
        buffer.putShort(arp + 2, (short)ETHERTYPE_IPV4, BIG_ENDIAN);
        buffer.putByte(arp + 4, (byte)6);
        buffer.putByte(arp + 5, (byte)4);
        buffer.putShort(arp + ARP_OPERATION, (short)ARP_REQUEST, BIG_ENDIAN);
        putMac(buffer, arp + ARP_SENDER_MAC, ownMac);
        buffer.putInt(arp + ARP_SENDER_IPV4, ownIpv4, BIG_ENDIAN);
        putMac(buffer, arp + ARP_TARGET_MAC, 0);
        buffer.putInt(arp + ARP_TARGET_IPV4, target, BIG_ENDIAN);
        buffer.setMemory(arp + ARP_LENGTH, ARP_FRAME_LENGTH - ETHERNET_HEADER_LENGTH - ARP_LENGTH, (byte)0);
        return ARP_FRAME_LENGTH;
    }

    /**
     * A Neighbor Solicitation for the target from {@code ownIpv6}, with a source link-layer address option.
     * Multicast (to the solicited-node address, RFC 4861 §7.2.2) when {@code unicastMac} is 0, else unicast
     * to the target at {@code unicastMac} (a probe of a STALE entry). Returns 86.
     */
    static int writeNeighborSolicitation(final MutableDirectBuffer buffer, final int offset, final long unicastMac,
        final long ownMac, final long ownHigh, final long ownLow, final long targetHigh, final long targetLow)
    {
        final boolean multicast = 0 == unicastMac;
        final long destinationHigh = multicast ? SOLICITED_NODE_HIGH : targetHigh;
        final long destinationLow = multicast ? SOLICITED_NODE_LOW_BASE | (targetLow & 0xFF_FFFFL) : targetLow;
        // RFC 2464 §7: 33:33 and the last four octets of the IPv6 multicast address.
        final long destinationMac = multicast ? 0x3333_0000_0000L | (destinationLow & 0xFFFF_FFFFL) : unicastMac;
        putEthernet(buffer, offset, destinationMac, ownMac, ETHERTYPE_IPV6);

        final int ip = offset + ETHERNET_HEADER_LENGTH;
        final int icmpLength = ND_HEADER_LENGTH + 8;
        buffer.putInt(ip, 0x6000_0000, BIG_ENDIAN);
        buffer.putShort(ip + IPV6_PAYLOAD_LENGTH, (short)icmpLength, BIG_ENDIAN);
        buffer.putByte(ip + IPV6_NEXT_HEADER, (byte)ICMPV6);
        buffer.putByte(ip + IPV6_HOP_LIMIT, (byte)255);
        buffer.putLong(ip + IPV6_SOURCE, ownHigh, BIG_ENDIAN);
        buffer.putLong(ip + IPV6_SOURCE + 8, ownLow, BIG_ENDIAN);
        buffer.putLong(ip + IPV6_DESTINATION, destinationHigh, BIG_ENDIAN);
        buffer.putLong(ip + IPV6_DESTINATION + 8, destinationLow, BIG_ENDIAN);

        final int icmp = ip + IPV6_HEADER_LENGTH;
        buffer.putByte(icmp, (byte)NS_TYPE);
        buffer.putByte(icmp + 1, (byte)0);
        buffer.putShort(icmp + 2, (short)0);
        buffer.putInt(icmp + ND_FLAGS, 0);
        buffer.putLong(icmp + ND_TARGET, targetHigh, BIG_ENDIAN);
        buffer.putLong(icmp + ND_TARGET + 8, targetLow, BIG_ENDIAN);
        buffer.putByte(icmp + ND_HEADER_LENGTH, (byte)OPTION_SOURCE_LINK_LAYER_ADDRESS);
        buffer.putByte(icmp + ND_HEADER_LENGTH + 1, (byte)1);
        putMac(buffer, icmp + ND_HEADER_LENGTH + 2, ownMac);
        buffer.putShort(icmp + 2, (short)icmpv6Checksum(buffer, ip, icmpLength), BIG_ENDIAN);
        return NS_FRAME_LENGTH;
    }

    /**
     * The ICMPv6 checksum to write (RFC 4443 §2.3) over the IPv6 pseudo-header (RFC 8200 §8.1) and
     * {@code icmpLength} bytes after the IPv6 header at {@code ip}, with the checksum field as it is (zero
     * when computing; a valid message then sums to 0).
     */
    static int icmpv6Checksum(final DirectBuffer buffer, final int ip, final int icmpLength)
    {
        long sum = 0;
        for (int i = IPV6_SOURCE; i < IPV6_HEADER_LENGTH; i += 4)
        {
            sum += buffer.getInt(ip + i, BIG_ENDIAN) & 0xFFFF_FFFFL;
        }
        sum += icmpLength;
        sum += ICMPV6;
        final int icmp = ip + IPV6_HEADER_LENGTH;
        int i = 0;
        for (; i + 1 < icmpLength; i += 2)
        {
            sum += buffer.getShort(icmp + i, BIG_ENDIAN) & 0xFFFF;
        }
        if (i < icmpLength)
        {
            sum += (buffer.getByte(icmp + i) & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)(~sum & 0xFFFF);
    }

    /**
     * Offset of the first link-layer address option of {@code type} with an Ethernet address (length 1) in
     * the options at [{@code start}, {@code end}), -1 if none, -2 if an option has length 0 or overruns
     * (RFC 4861 §7.1.1/§7.1.2: the message is then invalid).
     */
    static int findLinkLayerOption(final DirectBuffer buffer, final int start, final int end, final int type)
    {
        int found = -1;
        int option = start;
        while (option + 2 <= end)
        {
            final int optionLength = (buffer.getByte(option + 1) & 0xFF) * 8;
            if (0 == optionLength || option + optionLength > end)
            {
                return -2;
            }
            if (found < 0 && (buffer.getByte(option) & 0xFF) == type && 8 == optionLength)
            {
                found = option;
            }
            option += optionLength;
        }
        return option == end ? found : -2;
    }
}
