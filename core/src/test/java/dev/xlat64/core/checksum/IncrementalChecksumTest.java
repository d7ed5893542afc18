package dev.xlat64.core.checksum;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** RFC 1624 eqn. 3, with the RFC's own numbers and against full recomputation. */
class IncrementalChecksumTest
{
    @Test
    void shouldGiveZeroNotNegativeZeroInTheRfc1624Section4Example()
    {
        // RFC 1624 §4: m = 0x5555 becomes m' = 0x3285; the other header words sum to 0xCD7A,
        // so HC = ~(0xCD7A + 0x5555) = 0xDD2F and the recomputed HC' = ~(0xCD7A + 0x3285) = ~0xFFFF = 0x0000.
        // Eqn. 2 (RFC 1141) gives 0xFFFF here; eqn. 3 gives 0x0000.
        assertEquals(0xDD2F, InternetChecksum.finish(InternetChecksum.add(0xCD7A, 0x5555)));
        assertEquals(0x0000, IncrementalChecksum.replaceWord(0xDD2F, 0x5555, 0x3285));
    }

    @Test
    void shouldUndoTheRfc1624ExampleBackToItsChecksum()
    {
        assertEquals(0xDD2F, IncrementalChecksum.replaceWord(0x0000, 0x3285, 0x5555));
    }

    @Test
    void shouldKeepTheChecksumWhenTheWordDoesNotChange()
    {
        assertEquals(0xb861, IncrementalChecksum.replaceWord(0xb861, 0x4011, 0x4011));
        assertEquals(0x1234, IncrementalChecksum.replaceSum(0x1234, 0xFFFF, 0xFFFF));
    }

    @Test
    void shouldDecrementTtlInTheWellKnownHeaderLikeARecomputation()
    {
        // 45000073 00004000 4011b861 c0a80001 c0a800c7: TTL 0x40 -> 0x3f changes word 4 from 0x4011 to 0x3f11.
        final MutableDirectBuffer header =
            new UnsafeBuffer(java.util.HexFormat.of().parseHex("45000073000040004011b861c0a80001c0a800c7"));
        final int updated = IncrementalChecksum.replaceWord(0xb861, 0x4011, 0x3f11);

        header.putShort(8, (short)0x3f11, BIG_ENDIAN);
        assertEquals(0xb961, updated);
        assertEquals(InternetChecksum.ipv4HeaderChecksum(header, 0, 20), updated);
    }

    @Test
    void shouldMatchFullRecomputationForRandomHeadersAndWordChanges()
    {
        final Random random = new Random(1624);
        final MutableDirectBuffer header = new UnsafeBuffer(new byte[20]);
        final byte[] bytes = new byte[20];
        for (int round = 0; round < 100_000; round++)
        {
            random.nextBytes(bytes);
            header.putBytes(0, bytes);
            final int checksum = InternetChecksum.ipv4HeaderChecksum(header, 0, 20);
            header.putShort(10, (short)checksum, BIG_ENDIAN);
            final int wordOffset = 2 * random.nextInt(10);
            if (wordOffset == 10)
            {
                continue;
            }
            final int oldWord = header.getShort(wordOffset, BIG_ENDIAN) & 0xFFFF;
            // Mostly random, sometimes the extremes that exercise -0.
            final int newWord = switch (round % 4)
            {
                case 0 -> 0x0000;
                case 1 -> 0xFFFF;
                default -> random.nextInt(0x10000);
            };
            header.putShort(wordOffset, (short)newWord, BIG_ENDIAN);

            final int recomputed = InternetChecksum.ipv4HeaderChecksum(header, 0, 20);
            final int incremental = IncrementalChecksum.replaceWord(checksum, oldWord, newWord);
            // Eqn. 3 equals recomputation whenever the changed header is not all zeros (RFC 1624 §3).
            assertEquals(recomputed, incremental,
                "round " + round + " word " + wordOffset + " " + Integer.toHexString(oldWord) + " -> " +
                Integer.toHexString(newWord));
        }
    }
}
