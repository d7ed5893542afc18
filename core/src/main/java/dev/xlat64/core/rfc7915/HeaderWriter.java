package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * Writes whole IPv4, IPv6 and Fragment headers in one go (every field of RFC 7915 §4.1 / §5.1 is decided by the
 * caller), big-endian, at the field offsets of the {@code core.packet} flyweights.
 */
final class HeaderWriter
{
    private HeaderWriter()
    {
    }

    /**
     * An IPv4 header without options (IHL 5), its checksum computed.
     *
     * @param flagsAndOffset DF/MF bits and the fragment offset in 8-byte units, as in bytes 6-7.
     */
    static void ipv4(
        final MutableDirectBuffer buffer, final int at, final int tos, final int totalLength, final int identification,
        final int flagsAndOffset, final int ttl, final int protocol, final int source, final int destination)
    {
        buffer.putShort(at, (short)(0x4500 | (tos & 0xFF)), BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.TOTAL_LENGTH_OFFSET, (short)totalLength, BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.IDENTIFICATION_OFFSET, (short)identification, BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.FLAGS_FRAGMENT_OFFSET_OFFSET, (short)flagsAndOffset, BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.TTL_OFFSET, (short)((ttl << 8) | protocol), BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.HEADER_CHECKSUM_OFFSET, (short)0, BIG_ENDIAN);
        buffer.putInt(at + Ipv4Header.SOURCE_OFFSET, source, BIG_ENDIAN);
        buffer.putInt(at + Ipv4Header.DESTINATION_OFFSET, destination, BIG_ENDIAN);
        buffer.putShort(at + Ipv4Header.HEADER_CHECKSUM_OFFSET,
            (short)InternetChecksum.ipv4HeaderChecksum(buffer, at, Ipv4Header.HEADER_LENGTH), BIG_ENDIAN);
    }

    /**
     * An IPv6 header with flow label 0 (RFC 7915 §4.1).
     */
    static void ipv6(
        final MutableDirectBuffer buffer, final int at, final int trafficClass, final int payloadLength,
        final int nextHeader, final int hopLimit, final long sourceHigh, final long sourceLow,
        final long destinationHigh, final long destinationLow)
    {
        buffer.putInt(at, (6 << 28) | ((trafficClass & 0xFF) << 20), BIG_ENDIAN);
        buffer.putShort(at + Ipv6Header.PAYLOAD_LENGTH_OFFSET, (short)payloadLength, BIG_ENDIAN);
        buffer.putShort(at + Ipv6Header.NEXT_HEADER_OFFSET, (short)((nextHeader << 8) | hopLimit), BIG_ENDIAN);
        buffer.putLong(at + Ipv6Header.SOURCE_OFFSET, sourceHigh, BIG_ENDIAN);
        buffer.putLong(at + Ipv6Header.SOURCE_OFFSET + 8, sourceLow, BIG_ENDIAN);
        buffer.putLong(at + Ipv6Header.DESTINATION_OFFSET, destinationHigh, BIG_ENDIAN);
        buffer.putLong(at + Ipv6Header.DESTINATION_OFFSET + 8, destinationLow, BIG_ENDIAN);
    }

    /**
     * An IPv6 Fragment header (RFC 8200 §4.5).
     *
     * @param fragmentOffset in 8-byte units.
     */
    static void fragment(
        final MutableDirectBuffer buffer, final int at, final int nextHeader, final int fragmentOffset,
        final boolean moreFragments, final int identification)
    {
        buffer.putShort(at, (short)(nextHeader << 8), BIG_ENDIAN);
        buffer.putShort(at + FragmentHeader.FRAGMENT_OFFSET_OFFSET,
            (short)((fragmentOffset << 3) | (moreFragments ? 1 : 0)), BIG_ENDIAN);
        buffer.putInt(at + FragmentHeader.IDENTIFICATION_OFFSET, identification, BIG_ENDIAN);
    }
}
