package dev.xlat64.io.pcap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Random;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Damaged files (bytes flipped, cut anywhere) end in a {@link PcapFormatException} or a clean end of file: never another
 * exception, never a record that reaches outside the data read. Seeded, so a failure repeats.
 */
class PcapReaderFuzzTest
{
    @Test
    void shouldOnlyEverFailWithAFormatException()
        throws IOException
    {
        final Random random = new Random(0x9CA9L);
        final byte[] valid = validFile(random);
        int formatErrors = 0;
        for (int round = 0; round < 3000; round++)
        {
            final byte[] damaged = Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            final int flips = random.nextInt(4);
            for (int i = 0; i < flips && damaged.length > 0; i++)
            {
                damaged[random.nextInt(damaged.length)] = (byte)random.nextInt(256);
            }
            try (PcapReader reader =
                PcapReader.of(Channels.newChannel(new ByteArrayInputStream(damaged)), PcapReader.MIN_BUFFER_BYTES))
            {
                while (reader.next())
                {
                    final PcapRecord record = reader.record();
                    assertTrue(record.capturedLength() >= 0 && record.capturedLength() <= PcapReader.MAX_CAPTURED_LENGTH);
                    assertTrue(record.offset() + record.capturedLength() <= record.buffer().capacity());
                    assertTrue(record.timestampNanos() >= 0 && record.timestampNanos() < 1_000_000_000);
                    record.ipLength();
                }
            }
            catch (final PcapFormatException expected)
            {
                formatErrors++;
            }
        }
        assertTrue(formatErrors > 100, "the damage was noticed " + formatErrors + " times");
    }

    private static byte[] validFile(final Random random) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.of(Channels.newChannel(out), PcapLinkType.ETHERNET,
            PcapPrecision.NANOSECONDS, ByteOrder.BIG_ENDIAN, 2048))
        {
            for (int i = 0; i < 20; i++)
            {
                final byte[] packet = new byte[random.nextInt(300)];
                random.nextBytes(packet);
                if (packet.length > 0)
                {
                    packet[0] = (byte)(random.nextBoolean() ? 0x45 : 0x60);
                }
                writer.writeIpPacket(new UnsafeBuffer(packet), 0, packet.length, random.nextLong() >>> 2);
            }
        }
        return out.toByteArray();
    }
}
