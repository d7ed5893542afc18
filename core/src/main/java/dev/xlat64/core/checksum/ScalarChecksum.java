package dev.xlat64.core.checksum;

import org.agrona.DirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The scalar Internet checksum kernel (RFC 1071): 16 bytes per step as two 64-bit loads, each split
 * into 32-bit halves that are added into 64-bit accumulators, so no carry is lost and none has to be
 * propagated inside the loop (RFC 1071 §2(C) "parallel summation", §4.1's "deferred carries").
 *
 * <p>It is the twin of {@link VectorChecksum}: same contract, and the tests compare the two. It is also
 * the faster of the two on short ranges such as a 20-byte IPv4 header.
 *
 * <p>Loads are little-endian on purpose: see {@link OnesComplement} (RFC 1071 §2(B)). No allocation.
 */
public final class ScalarChecksum
{
    private ScalarChecksum()
    {
    }

    /**
     * RFC 1071 ones'-complement sum of the big-endian 16-bit words of {@code buffer[offset, offset + length)}
     * (an odd last byte is padded with a zero byte), folded to 16 bits and not complemented.
     *
     * @param buffer the bytes.
     * @param offset the first byte.
     * @param length how many bytes, 0 or more.
     * @return the folded sum, 0..0xFFFF (0 only when every byte is 0).
     * @throws IndexOutOfBoundsException if the range is not inside the buffer.
     */
    public static int sum(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length);
        return OnesComplement.foldSwapped(littleEndianSum(buffer, offset, length));
    }

    /**
     * Unfolded sum of the little-endian 16-bit words of a range: fewer than 2^31 bytes keep it below 2^62.
     * The range starts a word, so sums of ranges that begin at even distances from each other can be added.
     */
    static long littleEndianSum(final DirectBuffer buffer, final int offset, final int length)
    {
        final int end = offset + length;
        long a = 0;
        long b = 0;
        int i = offset;
        for (; i <= end - 16; i += 16)
        {
            final long x = buffer.getLong(i, LITTLE_ENDIAN);
            final long y = buffer.getLong(i + 8, LITTLE_ENDIAN);
            a += (x >>> 32) + (x & 0xFFFF_FFFFL);
            b += (y >>> 32) + (y & 0xFFFF_FFFFL);
        }
        if (i <= end - 8)
        {
            final long x = buffer.getLong(i, LITTLE_ENDIAN);
            a += (x >>> 32) + (x & 0xFFFF_FFFFL);
            i += 8;
        }
        if (i <= end - 4)
        {
            b += buffer.getInt(i, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
            i += 4;
        }
        if (i <= end - 2)
        {
            a += buffer.getShort(i, LITTLE_ENDIAN) & 0xFFFF;
            i += 2;
        }
        if (i < end)
        {
            // RFC 1071 §4.1: an odd last byte is the high byte of a word whose low byte is zero; read
            // little-endian, that byte sits in the low half.
            b += buffer.getByte(i) & 0xFF;
        }
        return a + b;
    }
}
