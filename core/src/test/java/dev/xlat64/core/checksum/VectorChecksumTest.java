package dev.xlat64.core.checksum;

import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The vector kernel against its scalar twin and the naive loop, Agrona {@code Crc32cTest} style:
 * seeded random bytes, every length from 0 to 4096, odd and even offsets, every kind of buffer.
 */
class VectorChecksumTest
{
    private static final int MAX_LENGTH = 4096;
    private static final long SEED = 0x1071_1624L;

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldMatchScalarAndNaiveForEveryLengthAtEvenAndOddOffsets(final BufferKind kind)
    {
        final int maxOffset = 3;
        final MutableDirectBuffer buffer = kind.allocate(MAX_LENGTH + maxOffset);
        final byte[] random = new byte[buffer.capacity()];
        new Random(SEED).nextBytes(random);
        buffer.putBytes(0, random);

        for (int offset = 0; offset <= maxOffset; offset++)
        {
            for (int length = 0; length <= MAX_LENGTH; length++)
            {
                final int expected = NaiveChecksum.sum(buffer, offset, length);
                final String where = kind + " offset " + offset + " length " + length;
                assertEquals(expected, ScalarChecksum.sum(buffer, offset, length), "scalar, " + where);
                assertEquals(expected, VectorChecksum.sum(buffer, offset, length), "vector, " + where);
                assertEquals(expected, InternetChecksum.sum(buffer, offset, length), "facade, " + where);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldSumAllOnesToNegativeZeroLikeTheNaiveLoop(final BufferKind kind)
    {
        final MutableDirectBuffer buffer = kind.allocate(1500);
        buffer.setMemory(0, 1500, (byte)0xFF);

        assertEquals(0xFFFF, VectorChecksum.sum(buffer, 0, 1500));
        assertEquals(0xFFFF, ScalarChecksum.sum(buffer, 1, 1498));
        // An odd all-ones range ends in 0xFF00: 0xFFFF + 0xFF00 folds to 0xFF00.
        assertEquals(0xFF00, VectorChecksum.sum(buffer, 1, 1499));
        assertEquals(NaiveChecksum.sum(buffer, 1, 1499), ScalarChecksum.sum(buffer, 1, 1499));
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldSumZerosToZero(final BufferKind kind)
    {
        final MutableDirectBuffer buffer = kind.allocate(777);

        assertEquals(0, VectorChecksum.sum(buffer, 0, 777));
        assertEquals(0, ScalarChecksum.sum(buffer, 1, 776));
        assertEquals(0, VectorChecksum.sum(buffer, 5, 0));
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldNotLoseCarriesOverRangesLongerThanOneLaneReductionChunk(final BufferKind kind)
    {
        // 9 MiB with every other byte 0xFF, so every 16-bit word is at least 0xFF00: more than twice the
        // 4 MiB the kernel sums between lane reductions with 512-bit vectors, so lanes are pushed to their limit.
        final int length = 9 * 1024 * 1024 + 3;
        final MutableDirectBuffer buffer = kind.allocate(length + 64);
        final byte[] random = new byte[length + 64];
        new Random(SEED).nextBytes(random);
        for (int i = 0; i < random.length; i += 2)
        {
            random[i] = (byte)0xFF;
        }
        buffer.putBytes(0, random);

        // Room for a masked last vector at offsets 0 and 1; none at 61 (the scalar kernel takes the tail).
        assertEquals(NaiveChecksum.sum(buffer, 0, length), VectorChecksum.sum(buffer, 0, length));
        assertEquals(NaiveChecksum.sum(buffer, 1, length), VectorChecksum.sum(buffer, 1, length));
        assertEquals(NaiveChecksum.sum(buffer, 61, length), VectorChecksum.sum(buffer, 61, length));
        assertEquals(NaiveChecksum.sum(buffer, 1, length), ScalarChecksum.sum(buffer, 1, length));
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldRejectRangesOutsideTheBuffer(final BufferKind kind)
    {
        final MutableDirectBuffer buffer = kind.allocate(256);

        assertThrows(IndexOutOfBoundsException.class, () -> VectorChecksum.sum(buffer, 200, 57));
        assertThrows(IndexOutOfBoundsException.class, () -> ScalarChecksum.sum(buffer, 200, 57));
        assertThrows(IndexOutOfBoundsException.class, () -> VectorChecksum.sum(buffer, -1, 10));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.sum(buffer, 0, 257));
    }
}
