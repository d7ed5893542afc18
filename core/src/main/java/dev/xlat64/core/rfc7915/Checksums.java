package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.checksum.IncrementalChecksum;
import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.IpProtocol;

/**
 * Small checksum helpers shared by the translation steps (RFC 1624 incremental updates).
 */
final class Checksums
{
    private Checksums()
    {
    }

    /**
     * Rewrites a TCP/UDP checksum for a pseudo-header whose addresses changed, and for new ports (the ports in
     * the header are rewritten too when they differ). A UDP result of zero is written as 0xFFFF (RFC 768).
     *
     * @param checksumOffset buffer index of the checksum field.
     * @param oldAddressSum sum of the old pseudo-header addresses.
     * @param newAddressSum sum of the new ones.
     */
    static void updateTransport(
        final MutableDirectBuffer buffer, final int checksumOffset, final int oldAddressSum, final int newAddressSum,
        final boolean udp)
    {
        final int old = buffer.getShort(checksumOffset, BIG_ENDIAN) & 0xFFFF;
        int updated = IncrementalChecksum.replaceSum(old, oldAddressSum, newAddressSum);
        if (udp && updated == 0)
        {
            updated = 0xFFFF;
        }
        buffer.putShort(checksumOffset, (short)updated, BIG_ENDIAN);
    }

    /**
     * Writes the ICMPv4 type and code of an ICMPv6 message and updates its checksum: the old type word out and,
     * since ICMPv4 has no pseudo-header, the ICMPv6 pseudo-header too (RFC 7915 §5.2).
     *
     * @param icmp buffer index of the ICMP header.
     * @param typeCode the ICMPv6 {@code type << 8 | code} in the header now.
     * @param mapped the ICMPv4 {@code type << 8 | code} to write.
     * @param a the IPv6 addresses the message arrived with ({@link MappedAddresses#originalAddressSum}).
     * @param icmpLength the ICMPv6 length the pseudo-header held.
     */
    static void retypeIcmpv6ToIcmpv4(
        final MutableDirectBuffer buffer, final int icmp, final int typeCode, final int mapped,
        final MappedAddresses a, final int icmpLength)
    {
        final int old = buffer.getShort(icmp + 2, BIG_ENDIAN) & 0xFFFF;
        final int oldSum = InternetChecksum.add(InternetChecksum.add(
            InternetChecksum.add(a.originalAddressSum, IpProtocol.ICMPV6), icmpLength), typeCode);
        buffer.putShort(icmp, (short)mapped, BIG_ENDIAN);
        buffer.putShort(icmp + 2, (short)IncrementalChecksum.replaceSum(old, oldSum, mapped), BIG_ENDIAN);
    }

    /**
     * Writes the ICMPv6 type and code of an ICMPv4 message and updates its checksum: the old type word out, the
     * new one and the ICMPv6 pseudo-header of the translated addresses in (RFC 4443 §2.3, RFC 7915 §4.2).
     *
     * @param icmp buffer index of the ICMP header.
     * @param typeCode the ICMPv4 {@code type << 8 | code} in the header now.
     * @param mapped the ICMPv6 {@code type << 8 | code} to write.
     * @param a the translated IPv6 addresses.
     * @param icmpLength the ICMPv6 length for the pseudo-header.
     */
    static void retypeIcmpv4ToIcmpv6(
        final MutableDirectBuffer buffer, final int icmp, final int typeCode, final int mapped,
        final MappedAddresses a, final int icmpLength)
    {
        final int old = buffer.getShort(icmp + 2, BIG_ENDIAN) & 0xFFFF;
        final int newSum = InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(a.source6High, a.source6Low, a.destination6High, a.destination6Low,
                IpProtocol.ICMPV6, icmpLength),
            mapped);
        buffer.putShort(icmp, (short)mapped, BIG_ENDIAN);
        buffer.putShort(icmp + 2, (short)IncrementalChecksum.replaceSum(old, typeCode, newSum), BIG_ENDIAN);
    }

    /**
     * Rewrites a 16-bit field and its checksum when the mapper changed it (stateful NAT64 ports).
     */
    static void replacePort(
        final MutableDirectBuffer buffer, final int fieldOffset, final int newValue, final int checksumOffset)
    {
        final int old = buffer.getShort(fieldOffset, BIG_ENDIAN) & 0xFFFF;
        if (old != newValue && newValue >= 0)
        {
            buffer.putShort(fieldOffset, (short)newValue, BIG_ENDIAN);
            if (checksumOffset >= 0)
            {
                final int checksum = buffer.getShort(checksumOffset, BIG_ENDIAN) & 0xFFFF;
                buffer.putShort(checksumOffset, (short)IncrementalChecksum.replaceWord(checksum, old, newValue), BIG_ENDIAN);
            }
        }
    }
}
