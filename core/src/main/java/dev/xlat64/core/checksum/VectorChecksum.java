package dev.xlat64.core.checksum;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;

import static java.nio.ByteOrder.LITTLE_ENDIAN;

/**
 * The Vector API Internet checksum kernel (RFC 1071), the twin of {@link ScalarChecksum}.
 *
 * <p>The bytes are loaded as bytes and reinterpreted as 32-bit lanes in the machine's byte order (little-endian
 * on x86 and ARM: no byte shuffle, one swap of the folded result, RFC 1071 §2(B), see {@link OnesComplement}).
 * Each lane {@code x} holds two 16-bit words, {@code x >>> 16} and {@code x & 0xFFFF}. Per vector the kernel
 * adds {@code x} into one accumulator (wrapping) and {@code x >>> 16} into another; the sum of the low words is
 * then recovered exactly as {@code all - (high << 16)} as long as it stays below 2^32, which holds for up to
 * 65537 additions per lane. So the loop costs one load, one shift and two adds per vector, with carries
 * deferred to the end (RFC 1071 §2(C) and §4.1), and the lanes are reduced once per {@link #CHUNK_BYTES}.
 * The last partial vector is read under a mask where the buffer has room, so most ranges need no scalar tail.
 *
 * <p>Memory access: off-heap memory (a direct ByteBuffer or a raw address, e.g. a packet ring) is read
 * through one static segment that spans the whole address space, so no segment is made per call. A heap
 * array is read with {@link ByteVector#fromArray}: JDK 25 does not intrinsify int-lane loads from a
 * {@code byte[]} segment ({@code IntVector.fromMemorySegment} on {@link MemorySegment#ofArray(byte[])} falls
 * back to boxed Java code). The range is bounds-checked against the {@link DirectBuffer} first.
 *
 * <p>No allocation (JMH {@code -prof gc} shows it). The lane reduction is written out in each kernel on
 * purpose: a vector handed to a method that C2 does not inline is boxed on the heap.
 */
public final class VectorChecksum
{
    private static final VectorSpecies<Integer> SPECIES = IntVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Byte> BYTE_SPECIES = SPECIES.withLanes(byte.class);
    private static final int VECTOR_BYTES = SPECIES.vectorByteSize();
    /** Two independent accumulator pairs per step hide the add latency. */
    private static final int STEP_BYTES = 2 * VECTOR_BYTES;
    /**
     * Bytes between lane reductions: 65536 vectors over both accumulators, plus one masked tail, is 65537
     * adds per lane, the most for which the low-word sum stays exact in 32 bits.
     */
    private static final int CHUNK_BYTES = 32_768 * STEP_BYTES;
    /** Every byte of the process's address space; off-heap reads index it by absolute address. */
    private static final MemorySegment EVERYTHING = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    /** Bytes are loaded and reinterpreted as int lanes, which gives native-order words. */
    private static final ByteOrder NATIVE = ByteOrder.nativeOrder();
    private static final boolean NATIVE_LITTLE_ENDIAN = NATIVE == LITTLE_ENDIAN;

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
        final int fullLength = length - length % VECTOR_BYTES;
        // The last partial vector is loaded under a mask when a whole vector's bytes there are still inside
        // the buffer (always in a packet ring): the masked-off bytes read as zero, which is also RFC 1071's
        // padding of an odd last byte. Without that room the scalar kernel sums the tail, so the kernel
        // never touches memory outside the buffer, even where the CPU cannot mask loads.
        final int maskedTail =
            (long)offset + fullLength + VECTOR_BYTES <= buffer.capacity() ? length - fullLength : 0;
        long sum = 0;
        if (fullLength + maskedTail > 0)
        {
            // Packets fit one chunk; longer ranges go in chunks that keep every lane below its 65537 adds.
            final byte[] array = buffer.byteArray();
            if (array != null)
            {
                final int arrayIndex = (int)(buffer.addressOffset() - BufferUtil.ARRAY_BASE_OFFSET) + offset;
                if (fullLength <= CHUNK_BYTES)
                {
                    sum = heapSum(array, arrayIndex, fullLength, maskedTail);
                }
                else
                {
                    for (int done = 0; done < fullLength; done += CHUNK_BYTES)
                    {
                        final int chunk = Math.min(CHUNK_BYTES, fullLength - done);
                        sum += heapSum(array, arrayIndex + done, chunk, done + chunk == fullLength ? maskedTail : 0);
                    }
                }
            }
            else
            {
                final long address = buffer.addressOffset() + offset;
                if (fullLength <= CHUNK_BYTES)
                {
                    sum = offHeapSum(address, fullLength, maskedTail);
                }
                else
                {
                    for (int done = 0; done < fullLength; done += CHUNK_BYTES)
                    {
                        final int chunk = Math.min(CHUNK_BYTES, fullLength - done);
                        sum += offHeapSum(address + done, chunk, done + chunk == fullLength ? maskedTail : 0);
                    }
                }
            }
            if (!NATIVE_LITTLE_ENDIAN)
            {
                sum = OnesComplement.foldSwapped(sum);
            }
        }
        if (maskedTail == 0)
        {
            // The tail starts an even distance from offset, so its word sum adds straight on.
            sum += ScalarChecksum.littleEndianSum(buffer, offset + fullLength, length - fullLength);
        }
        return OnesComplement.foldSwapped(sum);
    }

    /**
     * Unfolded native-order word sum of {@code length + tail} off-heap bytes from {@code address}:
     * {@code length} a multiple of {@link #VECTOR_BYTES} and at most {@link #CHUNK_BYTES}, so that no lane
     * takes more than 65537 adds in all; {@code tail} below {@link #VECTOR_BYTES}, read under a mask.
     */
    private static long offHeapSum(final long address, final int length, final int tail)
    {
        final long end = address + length;
        IntVector all0 = IntVector.zero(SPECIES);
        IntVector high0 = all0;
        IntVector all1 = all0;
        IntVector high1 = all0;
        long i = address;
        for (; i <= end - STEP_BYTES; i += STEP_BYTES)
        {
            final IntVector x = ByteVector.fromMemorySegment(BYTE_SPECIES, EVERYTHING, i, NATIVE).reinterpretAsInts();
            final IntVector y =
                ByteVector.fromMemorySegment(BYTE_SPECIES, EVERYTHING, i + VECTOR_BYTES, NATIVE).reinterpretAsInts();
            all0 = all0.add(x);
            high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
            all1 = all1.add(y);
            high1 = high1.add(y.lanewise(VectorOperators.LSHR, 16));
        }
        if (i < end)
        {
            final IntVector x = ByteVector.fromMemorySegment(BYTE_SPECIES, EVERYTHING, i, NATIVE).reinterpretAsInts();
            all0 = all0.add(x);
            high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
            i += VECTOR_BYTES;
        }
        if (tail > 0)
        {
            final IntVector x = ByteVector.fromMemorySegment(
                BYTE_SPECIES, EVERYTHING, i, NATIVE, BYTE_SPECIES.indexInRange(0, tail)).reinterpretAsInts();
            all1 = all1.add(x);
            high1 = high1.add(x.lanewise(VectorOperators.LSHR, 16));
        }
        // Lanes: high words sum exactly below 2^32, and low words = all - (high << 16), exact below 2^32,
        // as no lane took more than 65537 adds over both accumulators. Each is folded to 17 bits so that
        // the lanes add up without overflow.
        final IntVector high = high0.add(high1);
        final IntVector low = all0.add(all1).sub(high.lanewise(VectorOperators.LSHL, 16));
        final IntVector folded = low.and(0xFFFF).add(low.lanewise(VectorOperators.LSHR, 16))
            .add(high.and(0xFFFF)).add(high.lanewise(VectorOperators.LSHR, 16));
        // Pairs of lanes as one 64-bit lane: one reduction step fewer; both halves stay far below 2^32.
        final long pairs = folded.reinterpretAsLongs().reduceLanes(VectorOperators.ADD);
        return (pairs & 0xFFFF_FFFFL) + (pairs >>> 32);
    }

    /**
     * The same as {@link #offHeapSum} over {@code array[index, index + length + tail)}.
     */
    private static long heapSum(final byte[] array, final int index, final int length, final int tail)
    {
        final int end = index + length;
        IntVector all0 = IntVector.zero(SPECIES);
        IntVector high0 = all0;
        IntVector all1 = all0;
        IntVector high1 = all0;
        int i = index;
        for (; i <= end - STEP_BYTES; i += STEP_BYTES)
        {
            final IntVector x = ByteVector.fromArray(BYTE_SPECIES, array, i).reinterpretAsInts();
            final IntVector y = ByteVector.fromArray(BYTE_SPECIES, array, i + VECTOR_BYTES).reinterpretAsInts();
            all0 = all0.add(x);
            high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
            all1 = all1.add(y);
            high1 = high1.add(y.lanewise(VectorOperators.LSHR, 16));
        }
        if (i < end)
        {
            final IntVector x = ByteVector.fromArray(BYTE_SPECIES, array, i).reinterpretAsInts();
            all0 = all0.add(x);
            high0 = high0.add(x.lanewise(VectorOperators.LSHR, 16));
            i += VECTOR_BYTES;
        }
        if (tail > 0)
        {
            final IntVector x =
                ByteVector.fromArray(BYTE_SPECIES, array, i, BYTE_SPECIES.indexInRange(0, tail)).reinterpretAsInts();
            all1 = all1.add(x);
            high1 = high1.add(x.lanewise(VectorOperators.LSHR, 16));
        }
        final IntVector high = high0.add(high1);
        final IntVector low = all0.add(all1).sub(high.lanewise(VectorOperators.LSHL, 16));
        final IntVector folded = low.and(0xFFFF).add(low.lanewise(VectorOperators.LSHR, 16))
            .add(high.and(0xFFFF)).add(high.lanewise(VectorOperators.LSHR, 16));
        // Pairs of lanes as one 64-bit lane: one reduction step fewer; both halves stay far below 2^32.
        final long pairs = folded.reinterpretAsLongs().reduceLanes(VectorOperators.ADD);
        return (pairs & 0xFFFF_FFFFL) + (pairs >>> 32);
    }
}
