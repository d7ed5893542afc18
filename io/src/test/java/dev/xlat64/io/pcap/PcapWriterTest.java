package dev.xlat64.io.pcap;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapWriterTest
{
    private static final long TIMESTAMP_NS = 0x692AA880L * 1_000_000_000L + 123_456_789L;

    @TempDir
    Path directory;

    private static byte[] written(final int linkType, final PcapPrecision precision, final ByteOrder order,
        final int snapLength, final WriterAction action) throws IOException
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PcapWriter writer = PcapWriter.of(Channels.newChannel(out), linkType, precision, order, snapLength))
        {
            action.accept(writer);
        }
        return out.toByteArray();
    }

    interface WriterAction
    {
        void accept(PcapWriter writer) throws IOException;
    }

    @Test
    void shouldWriteLittleEndianMicrosecondRawFileExactly()
        throws IOException
    {
        final UnsafeBuffer packet = new UnsafeBuffer(bytes("ff 45000014 ff"));
        final byte[] file = written(PcapLinkType.RAW, PcapPrecision.MICROSECONDS, ByteOrder.LITTLE_ENDIAN, 65535,
            writer -> writer.write(packet, 1, 4, TIMESTAMP_NS));
        assertEquals(
            "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 65000000".replace(" ", "") +
            "80a82a69 40e20100 04000000 04000000".replace(" ", "") + "45000014",
            Hex.of(file));
    }

    @Test
    void shouldWriteBigEndianNanosecondEthernetFileExactly()
        throws IOException
    {
        final UnsafeBuffer packet = new UnsafeBuffer(bytes("6000000000003b40"));
        final byte[] file = written(PcapLinkType.ETHERNET, PcapPrecision.NANOSECONDS, ByteOrder.BIG_ENDIAN, 262144,
            writer -> writer.ethernetAddresses(0x0A0B0C0D0E0FL, 0xF1F2F3F4F5F6L).writeIpPacket(packet, 0, 8, TIMESTAMP_NS));
        assertEquals(
            "a1b23c4d 0002 0004 00000000 00000000 00040000 00000001".replace(" ", "") +
            "692aa880 075bcd15 00000016 00000016".replace(" ", "") +
            "f1f2f3f4f5f6" + "0a0b0c0d0e0f" + "86dd" + "6000000000003b40",
            Hex.of(file));
    }

    @Test
    void shouldCutPacketsToTheSnapLengthAndKeepTheOriginalLength()
        throws IOException
    {
        final UnsafeBuffer packet = new UnsafeBuffer(new byte[100]);
        packet.setMemory(0, 100, (byte)0x5A);
        final byte[] file = written(PcapLinkType.ETHERNET, PcapPrecision.MICROSECONDS, ByteOrder.LITTLE_ENDIAN, 64,
            writer ->
            {
                writer.write(packet, 0, 100, 0);
                packet.putByte(0, (byte)0x45);
                writer.writeIpPacket(packet, 0, 100, 0);
            });
        try (PcapReader reader = PcapReader.of(file))
        {
            assertEquals(64, reader.snapLength());
            assertTrue(reader.next());
            assertEquals(64, reader.record().capturedLength());
            assertEquals(100, reader.record().originalLength());
            assertTrue(reader.next());
            assertEquals(64, reader.record().capturedLength());
            assertEquals(114, reader.record().originalLength(), "made-up Ethernet header counted");
            assertEquals("0800" + "45" + "5a".repeat(49),
                Hex.of(reader.record().buffer(), reader.record().offset() + 12, 52));
        }
    }

    @Test
    void shouldRefuseLinkTypesItCannotWriteAndBadSnapLengths()
    {
        final IllegalArgumentException linkType = assertThrows(IllegalArgumentException.class, () ->
            PcapWriter.create(directory.resolve("x.pcap"), PcapLinkType.IPV6));
        assertEquals("pcap link type IPV6 (229) cannot be written; use ETHERNET (1) or RAW (101)", linkType.getMessage());
        assertThrows(IllegalArgumentException.class, () -> written(PcapLinkType.RAW, PcapPrecision.MICROSECONDS,
            ByteOrder.LITTLE_ENDIAN, 0, writer -> { }));
        assertThrows(IllegalArgumentException.class, () -> written(PcapLinkType.RAW, PcapPrecision.MICROSECONDS,
            ByteOrder.LITTLE_ENDIAN, 262145, writer -> { }));
    }

    @Test
    void shouldRefuseNonIpPacketBehindEthernet()
    {
        final UnsafeBuffer packet = new UnsafeBuffer(bytes("50000000"));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () ->
            written(PcapLinkType.ETHERNET, PcapPrecision.MICROSECONDS, ByteOrder.LITTLE_ENDIAN, 65535,
                writer -> writer.writeIpPacket(packet, 0, 4, 0)));
        assertEquals("IP version 5 cannot be given an EtherType (expected 4 or 6)", ex.getMessage());
    }

    @Test
    void shouldRoundTripManyRecordsThroughAFileAcrossBufferRefills()
        throws IOException
    {
        // ~1.5 MB: more than the reader's chunk and the writer's buffer, so both wrap around many times.
        final Path path = directory.resolve("round-trip.pcap");
        final Random random = new Random(42);
        final int records = 3000;
        final byte[][] packets = new byte[records][];
        try (PcapWriter writer = PcapWriter.create(path, PcapLinkType.RAW, PcapPrecision.NANOSECONDS))
        {
            for (int i = 0; i < records; i++)
            {
                packets[i] = new byte[i == 7 ? 65535 : random.nextInt(1500)];
                random.nextBytes(packets[i]);
                writer.write(new UnsafeBuffer(packets[i]), 0, packets[i].length, 1_000_000_000L * i + i);
            }
            assertEquals(records, writer.recordCount());
        }

        try (PcapReader reader = PcapReader.open(path))
        {
            assertEquals(PcapLinkType.RAW, reader.linkType());
            assertEquals(PcapPrecision.NANOSECONDS, reader.precision());
            assertEquals(ByteOrder.LITTLE_ENDIAN, reader.byteOrder());
            for (int i = 0; i < records; i++)
            {
                assertTrue(reader.next(), "record " + (i + 1));
                final PcapRecord record = reader.record();
                assertEquals(i + 1, record.number());
                assertEquals(1_000_000_000L * i + i, record.timestampNs());
                assertEquals(packets[i].length, record.capturedLength());
                assertEquals(packets[i].length, record.originalLength());
                assertEquals(Hex.of(packets[i]), Hex.of(record.buffer(), record.offset(), record.capturedLength()),
                    "record " + (i + 1));
            }
            assertFalse(reader.next());
        }
        assertEquals(24 + 16L * records + sum(packets), Files.size(path));

        // Again through the smallest chunk, which must grow for the 65535-byte record.
        try (PcapReader reader = PcapReader.of(FileChannel.open(path), PcapReader.MIN_BUFFER_BYTES))
        {
            for (int i = 0; i < records; i++)
            {
                assertTrue(reader.next(), "record " + (i + 1));
                assertEquals(Hex.of(packets[i]),
                    Hex.of(reader.record().buffer(), reader.record().offset(), reader.record().capturedLength()));
            }
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldTruncateTimestampsToMicroseconds()
        throws IOException
    {
        final Path path = directory.resolve("micro.pcap");
        try (PcapWriter writer = PcapWriter.create(path, PcapLinkType.RAW))
        {
            writer.write(new UnsafeBuffer(new byte[1]), 0, 1, TIMESTAMP_NS);
        }
        try (PcapReader reader = PcapReader.open(path))
        {
            assertTrue(reader.next());
            assertEquals(0x692AA880L * 1_000_000_000L + 123_456_000L, reader.record().timestampNs());
        }
    }

    private static long sum(final byte[][] packets)
    {
        long total = 0;
        for (final byte[] packet : packets)
        {
            total += packet.length;
        }
        return total;
    }
}
