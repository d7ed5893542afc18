package dev.xlat64.core.checksum;

import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

import java.lang.foreign.MemorySegment;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The Vector API Internet checksum kernel (RFC 1071), the twin of {@link ScalarChecksum}.
 *
 * <p>The bytes are loaded as little-endian 32-bit lanes ({@link OnesComplement}: no byte shuffle, one swap
 * of the folded result, RFC 1071 §2(B)). Each lane {@code x} holds two 16-bit words, {@code x >>> 16} and
 * {@code x & 0xFFFF}. Per vector the kernel adds {@code x} into one accumulator (wrapping) and
 * {@code x >>> 16} into another; the sum of the low words is then recovered exactly as
 * {@code all - (high << 16)} as long as it stays below 2^32, which holds for up to 65537 additions per lane.
 * So the loop costs one load, one shift and two adds per vector, with carries deferred to the end
 * (RFC 1071 §2(C) and §4.1), and the lanes are reduced once per chunk of {@link #CHUNK_STEPS} steps.
 *
 * <p>Memory access: a heap buffer is read through {@link MemorySegment#ofArray(byte[])}; off-heap memory
 * (a direct ByteBuffer or a raw address, e.g. a packet ring) through one static segment that spans the
 * whole address space, so no segment is made per call. The range is bounds-checked against the
 * {@link DirectBuffer} first. No allocation (JMH {@code -prof gc} shows it).
 */
public final class VectorChecksum
{
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final int VECTOR_BYTES = SPECIES.vectorByteSize();
    /** Two independent accumulator pairs per step hide the add latency. */
    private static final int STEP_BYTES = 2 * VECTOR_BYTES;
    /** Steps between lane reductions: each accumulator lane takes at most CHUNK_STEPS + 1 adds, below 65537. */
    private static final int CHUNK_STEPS = 32_768;
    /** Every byte of the process's address space; off-heap reads index it by absolute address. */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);

    private VectorChecksum()
    {
    }

    /**
     * RFC 1071 ones'-complement sum of the big-endian 16-bit words of {@code buffer[offset, offset + length)}
     * (an odd last byte is padded with a zero byte), folded to 16 bits and not complemented.
     * Same contract and same results as {@link ScalarChecksum#sum(DirectBuffer, int, int)}.
     *
     * @param buffer the bytes: heap array, heap or direct ByteBuffer, or raw address.
     * @param offset the first byte.
     * @param length how many bytes, 0 or more.
     * @return the folded sum, 0..0xFFFF (0 only when every byte is 0).
     * @throws IndexOutOfBoundsException if the range is not inside the buffer.
     */
    public static int sum(final DirectBuffer buffer, final int offset, final int length)
    {
        buffer.boundsCheck(offset, length);
        final int vectorLength = length - length % VECTOR_BYTES;
        long sum = 0;
        if (vectorLength > 0)
        {
            final byte[] array = buffer.byteArray();
            if (array != null)
            {
                final long arrayIndex = buffer.addressOffset() - BufferUtil.ARRAY_BASE_OFFSET + offset;
                sum = littleEndianSum(MemorySegment.ofArray(array), arrayIndex, vectorLength);
            }
            else
            {
                sum = littleEndianSum(EVERYTHING, buffer.addressOffset() + offset, vectorLength);
            }
        }
        // The tail starts an even distance from offset, so its word sum adds straight on.
        sum += ScalarChecksum.littleEndianSum(buffer, offset + vectorLength, length - vectorLength);
        return OnesComplement.foldSwapped(sum);
    }

    /** Unfolded little-endian word sum of {@code length} bytes, a multiple of {@link #VECTOR_BYTES}. */
    private static long littleEndianSum(final MemorySegment segment, final long start, final int length)
    {
        final long end = start + length;
        long sum = 0;
        long i = start;
        while (i < end)
        {
            final long chunkEnd = Math.min(end, i + (long)CHUNK_STEPS * STEP_BYTES);
            IntVector all0 = IntVector.zero(SPECIES);
            IntVector high0 = all0;
            IntVector all1 = all0;
            IntVector high1 = all0;
            for (; i <= chunkEnd - STEP_BYTES; i += STEP_BYTES)
            {
                final IntVector x = IntVector.fromMemorySegment(SPECIES, segment, i, LITTLE_ENDIAN);
                final IntVector y = IntVector.fromMemorySegment(SPECIES, segment, i + VECTOR_BYTES, LITTLE_ENDIAN);
                all0 = all0.add(x);
                high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
                all1 = all1.add(y);
                high1 = high1.add(y.lanewise(VectorOperators.LSHR, 16));
            }
            if (i < chunkEnd)
            {
                final IntVector x = IntVector.fromMemorySegment(SPECIES, segment, i, LITTLE_ENDIAN);
                all0 = all0.add(x);
                high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
                i += VECTOR_BYTES;
            }
            sum += reduce(all0, high0) + reduce(all1, high1);
        }
        return sum;
    }

    /**
     * Sum of every 16-bit word the accumulators stand for, folded per lane first so the lane sum fits an int.
     */
    private static long reduce(final IntVector all, final IntVector high)
    {
        final IntVector low = all.sub(high.lanewise(VectorOperators.LSHL, 16));
        final IntVector folded = low.and(0xFFFF)
            .add(low.lanewise(VectorOperators.LSHR, 16))
            .add(high.and(0xFFFF))
            .add(high.lanewise(VectorOperators.LSHR, 16));
        // Each lane is below 4 * 0x10000 = 2^18, so even a 64-lane (2048-bit) species sums below 2^24.
        return folded.reduceLanes(VectorOperators.ADD) & 0xFFFF_FFFFL;
    }
}
