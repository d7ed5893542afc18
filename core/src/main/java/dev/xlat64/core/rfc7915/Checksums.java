package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.checksum.IncrementalChecksum;

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
