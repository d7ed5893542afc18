package dev.xlat64.core.checksum;

import org.agrona.DirectBuffer;

/**
 * The textbook RFC 1071 loop, one big-endian 16-bit word at a time built from single bytes, with the
 * carry folded back after every add: the independent oracle the kernels are checked against.
 */
final class NaiveChecksum
{
    private NaiveChecksum()
    {
    }

    static int sum(final DirectBuffer buffer, final int offset, final int length)
    {
        int sum = 0;
        for (int i = 0; i < length; i += 2)
        {
            final int high = buffer.getByte(offset + i) & 0xFF;
            final int low = i + 1 < length ? buffer.getByte(offset + i + 1) & 0xFF : 0;
            sum += (high << 8) | low;
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return sum;
    }

    static int sum(final byte[] bytes)
    {
        return sum(new org.agrona.concurrent.UnsafeBuffer(bytes), 0, bytes.length);
    }
}
