package dev.xlat64.core.checksum;

import org.agrona.DirectBuffer;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The Internet checksum (RFC 1071) as the translator uses it: full sums over packet bytes, pseudo-header
 * sums (RFC 768, RFC 793, RFC 8200 §8.1), the IPv4 header checksum (RFC 791), and the ones'-complement
 * arithmetic to combine them. All sums are folded to 16 bits and <em>not</em> complemented;
 * {@link #finish(int)} makes the value that goes into a header.
 *
 * <p>A checksum field is computed as {@code finish(add(pseudoHeaderSum, sum(buffer, l4Offset, l4Length)))}
 * with the checksum field zeroed first (or its contribution replaced, see {@link IncrementalChecksum}).
 * No allocation.
 */
public final class InternetChecksum
{
    /**
     * Ranges at least this long go to {@link VectorChecksum}, shorter ones to {@link ScalarChecksum}.
     * Measured with {@code ChecksumBenchmark} (perf-reports/checksum.md) on AVX-512: from 128 bytes the vector
     * kernel is at least as fast in every run (1.1 to 1.4 times) and clearly ahead from 256 (1.5 to 1.9 times);
     * below 64 its fixed cost (masked load, lane reduction) loses to the scalar loop.
     */
    public static final int VECTOR_THRESHOLD_BYTES = 128;

    private InternetChecksum()
    {
    }

    /**
     * RFC 1071 ones'-complement sum of the big-endian 16-bit words of {@code buffer[offset, offset + length)}
     * (an odd last byte is padded with a zero byte), folded to 16 bits, not complemented.
     * Long ranges go to the vector kernel, short ones to the scalar kernel.
     *
     * @param buffer the bytes.
     * @param offset the first byte.
     * @param length how many bytes, 0 or more.
     * @return the folded sum, 0..0xFFFF (0 only when every byte is 0).
     * @throws IndexOutOfBoundsException if the range is not inside the buffer.
     */
    public static int sum(final DirectBuffer buffer, final int offset, final int length)
    {
        return length >= VECTOR_THRESHOLD_BYTES ?
            VectorChecksum.sum(buffer, offset, length) : ScalarChecksum.sum(buffer, offset, length);
    }

    /**
     * Ones'-complement sum of two folded sums. Only valid for sums of pieces that are joined at an even
     * byte distance (an odd-length piece followed by another would shift the second piece's bytes).
     *
     * @param sumA a folded sum, 0..0xFFFF.
     * @param sumB a folded sum, 0..0xFFFF.
     * @return the folded sum of both.
     */
    public static int add(final int sumA, final int sumB)
    {
        final int s = sumA + sumB;
        return (s & 0xFFFF) + (s >>> 16);
    }

    /**
     * The value written into a checksum field: the ones'-complement of the folded sum.
     *
     * @param sum a folded sum, 0..0xFFFF.
     * @return {@code ~sum & 0xFFFF}.
     */
    public static int finish(final int sum)
    {
        return ~sum & 0xFFFF;
    }

    /**
     * Sum of the IPv4 pseudo-header (RFC 768, RFC 793 §3.1): source, destination, a zero byte and the
     * protocol, and the upper-layer length.
     *
     * @param source           IPv4 source address.
     * @param destination      IPv4 destination address.
     * @param protocol         the protocol number (e.g. 6, 17).
     * @param upperLayerLength the TCP/UDP length in bytes, 0..0xFFFF.
     * @return the folded sum.
     */
    public static int ipv4PseudoHeaderSum(
        final int source, final int destination, final int protocol, final int upperLayerLength)
    {
        final long sum = (source & 0xFFFF_FFFFL) + (destination & 0xFFFF_FFFFL) +
            (protocol & 0xFF) + (upperLayerLength & 0xFFFF);
        return OnesComplement.fold(sum);
    }

    /**
     * Sum of the IPv6 pseudo-header (RFC 8200 §8.1): source, destination, the 32-bit upper-layer packet
     * length, three zero bytes and the next header value.
     *
     * @param sourceHigh       the first 64 bits of the source address.
     * @param sourceLow        the last 64 bits of the source address.
     * @param destinationHigh  the first 64 bits of the destination address.
     * @param destinationLow   the last 64 bits of the destination address.
     * @param nextHeader       the upper-layer protocol (e.g. 17, 58).
     * @param upperLayerLength the upper-layer packet length in bytes (a 32-bit field).
     * @return the folded sum.
     */
    public static int ipv6PseudoHeaderSum(
        final long sourceHigh,
        final long sourceLow,
        final long destinationHigh,
        final long destinationLow,
        final int nextHeader,
        final int upperLayerLength)
    {
        // Summing 32-bit pieces and folding once equals summing 16-bit words (2^16 == 1 mod 0xFFFF).
        final long sum = halves(sourceHigh) + halves(sourceLow) + halves(destinationHigh) + halves(destinationLow) +
            (upperLayerLength & 0xFFFF_FFFFL) + (nextHeader & 0xFF);
        return OnesComplement.fold(sum);
    }

    /**
     * The IPv4 header checksum (RFC 791 §3.1) to write into bytes 10-11: the complemented sum of the header,
     * with the checksum field counted as zero whatever it holds.
     *
     * @param buffer       the bytes.
     * @param offset       where the IPv4 header starts.
     * @param headerLength the header length in bytes (IHL * 4), 20..60.
     * @return the checksum value, 0..0xFFFF.
     * @throws IndexOutOfBoundsException if the header is not inside the buffer.
     * @throws IllegalArgumentException if {@code headerLength} is below 20 or not a multiple of 4.
     */
    public static int ipv4HeaderChecksum(final DirectBuffer buffer, final int offset, final int headerLength)
    {
        if (headerLength < 20 || (headerLength & 3) != 0)
        {
            throw new IllegalArgumentException(
                "IPv4 header length must be a multiple of 4 from 20, got " + headerLength);
        }
        buffer.boundsCheck(offset, headerLength);
        // Little-endian loads (RFC 1071 §2(B), see OnesComplement). Bytes 10-11, the checksum field, are
        // bits 16..31 of the little-endian long at offset + 8.
        final long x = buffer.getLong(offset, LITTLE_ENDIAN);
        final long y = buffer.getLong(offset + 8, LITTLE_ENDIAN) & 0xFFFF_FFFF_0000_FFFFL;
        long sum = (x >>> 32) + (x & 0xFFFF_FFFFL) + (y >>> 32) + (y & 0xFFFF_FFFFL) +
            (buffer.getInt(offset + 16, LITTLE_ENDIAN) & 0xFFFF_FFFFL);
        for (int i = offset + 20, end = offset + headerLength; i < end; i += 4)
        {
            sum += buffer.getInt(i, LITTLE_ENDIAN) & 0xFFFF_FFFFL;
        }
        return finish(OnesComplement.foldSwapped(sum));
    }

    private static long halves(final long value)
    {
        return (value >>> 32) + (value & 0xFFFF_FFFFL);
    }
}
