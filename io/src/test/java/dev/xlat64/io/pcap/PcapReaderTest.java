package dev.xlat64.io.pcap;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;

import dev.xlat64.core.testing.Hex;
import org.junit.jupiter.api.Test;

class PcapReaderTest
{
    /** Little-endian, microseconds, snaplen 65535, RAW. */
    private static final String LE_MICRO_RAW = "d4c3b2a1 0200 0400 00000000 00000000 ffff0000 65000000";
    /** Big-endian, nanoseconds, snaplen 262144, ETHERNET. */
    private static final String BE_NANO_ETHERNET = "a1b23c4d 0002 0004 00000000 00000000 00040000 00000001";

    private static String leRecord(final String seconds, final String fraction, final String captured, final String original)
    {
        return seconds + fraction + captured + original;
    }

    @Test
    void shouldReadLittleEndianMicrosecondRawRecords()
        throws IOException
    {
        final String file = LE_MICRO_RAW +
            // 2025-11-29 08:02:08 UTC = 0x692aa880, 123456 us = 0x0001e240, 4 of 4 bytes.
            leRecord("80a82a69", "40e20100", "04000000", "04000000") + "45000014" +
            // next second, 999999 us, 2 of 1500 bytes (cut).
            leRecord("81a82a69", "3f420f00", "02000000", "dc050000") + "6000";

        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            assertEquals(ByteOrder.LITTLE_ENDIAN, reader.byteOrder());
            assertEquals(PcapPrecision.MICROSECONDS, reader.precision());
            assertEquals(2, reader.versionMajor());
            assertEquals(4, reader.versionMinor());
            assertEquals(65535, reader.snapLength());
            assertEquals(PcapLinkType.RAW, reader.linkType());
            assertEquals(0, reader.fcsLength());

            assertTrue(reader.next());
            final PcapRecord record = reader.record();
            assertEquals(1, record.number());
            assertEquals(0x692AA880L, record.timestampSeconds());
            assertEquals(123_456_000, record.timestampNanos());
            assertEquals(0x692AA880L * 1_000_000_000L + 123_456_000L, record.timestampNs());
            assertEquals(4, record.capturedLength());
            assertEquals(4, record.originalLength());
            assertFalse(record.isTruncated());
            assertEquals(PcapLinkType.RAW, record.linkType());
            assertEquals("45000014", Hex.of(record.buffer(), record.offset(), record.capturedLength()));

            assertTrue(reader.next());
            assertEquals(2, reader.record().number());
            assertEquals(999_999_000, reader.record().timestampNanos());
            assertEquals(2, reader.record().capturedLength());
            assertEquals(1500, reader.record().originalLength());
            assertTrue(reader.record().isTruncated());
            assertEquals("6000", Hex.of(record.buffer(), record.offset(), 2));

            assertFalse(reader.next());
            assertFalse(reader.next(), "stays at end of file");
            assertEquals(2, reader.recordCount());
        }
    }

    @Test
    void shouldReadBigEndianNanosecondEthernetRecords()
        throws IOException
    {
        final String frame = "02000000000202000000000186dd60000000";
        final String file = BE_NANO_ETHERNET + "692aa880 3b9ac9ff 00000012 00000012" + frame;
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            assertEquals(ByteOrder.BIG_ENDIAN, reader.byteOrder());
            assertEquals(PcapPrecision.NANOSECONDS, reader.precision());
            assertEquals(262144, reader.snapLength());
            assertEquals(PcapLinkType.ETHERNET, reader.linkType());
            assertTrue(reader.next());
            assertEquals(999_999_999, reader.record().timestampNanos());
            assertEquals(18, reader.record().capturedLength());
            assertEquals(frame, Hex.of(reader.record().buffer(), reader.record().offset(), 18));
            assertFalse(reader.next());
        }
    }

    @Test
    void shouldAcceptIpv4AndIpv6LinkTypesAndMaskFcsBits()
        throws IOException
    {
        try (PcapReader reader = PcapReader.of(bytes("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 000000e4")))
        {
            assertEquals(PcapLinkType.IPV4, reader.linkType());
            assertFalse(reader.next());
        }
        try (PcapReader reader = PcapReader.of(bytes("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 000000e5")))
        {
            assertEquals(PcapLinkType.IPV6, reader.linkType());
        }
        // f bit set, FCS length 2 units of 16 bits: 4 bytes of FCS on Ethernet.
        try (PcapReader reader = PcapReader.of(bytes("a1b2c3d4 0002 0004 00000000 00000000 0000ffff 24000001")))
        {
            assertEquals(PcapLinkType.ETHERNET, reader.linkType());
            assertEquals(4, reader.fcsLength());
        }
    }

    @Test
    void shouldLocateTheIpPacketInEachLinkType()
        throws IOException
    {
        final String ipv6Frame = "020000000002 020000000001 86dd 6000";
        final String arpFrame = "ffffffffffff 020000000001 0806 0001";
        final String runt = "0200000000";
        final String file = BE_NANO_ETHERNET +
            "00000000 00000000 00000010 00000010" + ipv6Frame +
            "00000000 00000000 00000010 00000010" + arpFrame +
            "00000000 00000000 00000005 00000005" + runt;
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            assertTrue(reader.next());
            assertEquals(reader.record().offset() + 14, reader.record().ipOffset());
            assertEquals(2, reader.record().ipLength());
            assertTrue(reader.next());
            assertEquals(-1, reader.record().ipOffset());
            assertEquals(-1, reader.record().ipLength());
            assertTrue(reader.next());
            assertEquals(-1, reader.record().ipOffset());
            assertFalse(reader.next());
        }

        // 4 bytes of FCS announced: they are not part of the IP packet, unless the frame was cut before them.
        final String withFcs = "a1b2c3d4 0002 0004 00000000 00000000 0000ffff 24000001" +
            "00000000 00000000 00000014 00000014" + ipv6Frame + "deadbeef" +
            "00000000 00000000 00000010 00000100" + ipv6Frame;
        try (PcapReader reader = PcapReader.of(bytes(withFcs)))
        {
            assertTrue(reader.next());
            assertEquals(2, reader.record().ipLength());
            assertTrue(reader.next());
            assertEquals(2, reader.record().ipLength());
            assertFalse(reader.next());
        }

        try (PcapReader reader = PcapReader.of(bytes(LE_MICRO_RAW + leRecord("00000000", "00000000", "02000000", "02000000") + "4500")))
        {
            assertTrue(reader.next());
            assertEquals(reader.record().offset(), reader.record().ipOffset());
            assertEquals(2, reader.record().ipLength());
        }
    }

    @Test
    void shouldCarryAnOverflowingFractionIntoTheSeconds()
        throws IOException
    {
        // 1000001 microseconds.
        final String file = LE_MICRO_RAW + leRecord("0a000000", "41420f00", "00000000", "00000000");
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            assertTrue(reader.next());
            assertEquals(11, reader.record().timestampSeconds());
            assertEquals(1_000, reader.record().timestampNanos());
        }
    }

    @Test
    void shouldRefuseBadMagicNamingIt()
    {
        final PcapFormatException ex = assertThrows(PcapFormatException.class,
            () -> PcapReader.of(bytes("deadbeef 0200 0400 00000000 00000000 ffff0000 65000000")));
        assertEquals("pcap file header at byte offset 0: bad magic number deadbeef: not a pcap file " +
            "(expected a1b2c3d4 or a1b23c4d in either byte order)", ex.getMessage());
        assertEquals(0, ex.recordNumber());
    }

    @Test
    void shouldRefusePcapngWithAHint()
    {
        final PcapFormatException ex = assertThrows(PcapFormatException.class,
            () -> PcapReader.of(bytes("0a0d0d0a 1c000000 4d3c2b1a 0100 0000 ffffffffffffffff")));
        assertTrue(ex.getMessage().contains("pcapng"), ex.getMessage());
        assertTrue(ex.getMessage().contains("editcap -F pcap"), ex.getMessage());
    }

    @Test
    void shouldRefuseTruncatedFileHeader()
    {
        final PcapFormatException ex =
            assertThrows(PcapFormatException.class, () -> PcapReader.of(bytes("d4c3b2a1 0200 0400 0000")));
        assertEquals("pcap file header at byte offset 0: truncated file header: 10 of 24 bytes before end of file",
            ex.getMessage());
        assertThrows(PcapFormatException.class, () -> PcapReader.of(new byte[0]));
    }

    @Test
    void shouldRefuseUnsupportedVersionAndLinkType()
    {
        final PcapFormatException version = assertThrows(PcapFormatException.class,
            () -> PcapReader.of(bytes("d4c3b2a1 0100 0000 00000000 00000000 ffff0000 65000000")));
        assertTrue(version.getMessage().endsWith("unsupported version 1.0 (expected 2.4)"), version.getMessage());

        final PcapFormatException linkType = assertThrows(PcapFormatException.class,
            () -> PcapReader.of(bytes("d4c3b2a1 0200 0400 00000000 00000000 ffff0000 71000000")));
        assertTrue(linkType.getMessage().endsWith("unsupported link type LINUX_SLL (113); " +
            "expected ETHERNET (1), RAW (101), IPV4 (228) or IPV6 (229)"), linkType.getMessage());
    }

    @Test
    void shouldNameTheRecordWithATruncatedHeader()
        throws IOException
    {
        final String file = LE_MICRO_RAW + leRecord("00000000", "00000000", "02000000", "02000000") + "6000" +
            "00000000 000000";
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            assertTrue(reader.next());
            final PcapFormatException ex = assertThrows(PcapFormatException.class, reader::next);
            assertEquals("pcap record 2 at byte offset 42: truncated record header: 7 of 16 bytes before end of file",
                ex.getMessage());
            assertEquals(2, ex.recordNumber());
            assertEquals(42, ex.fileOffset());
        }
    }

    @Test
    void shouldNameTheRecordWithTruncatedData()
        throws IOException
    {
        final String file = LE_MICRO_RAW + leRecord("00000000", "00000000", "28000000", "28000000") + "6000000000";
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            final PcapFormatException ex = assertThrows(PcapFormatException.class, reader::next);
            assertEquals("pcap record 1 at byte offset 24: truncated packet data: 5 of 40 captured bytes before end of file",
                ex.getMessage());
        }
    }

    @Test
    void shouldRefuseCapturedLengthAboveSnapLength()
        throws IOException
    {
        // snaplen 65535, caplen 65536.
        final String file = LE_MICRO_RAW + leRecord("00000000", "00000000", "00000100", "00000100");
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            final PcapFormatException ex = assertThrows(PcapFormatException.class, reader::next);
            assertEquals("pcap record 1 at byte offset 24: captured length 65536 exceeds the file's snaplen 65535",
                ex.getMessage());
        }
    }

    @Test
    void shouldRefuseImplausibleCapturedLengthEvenWithoutSnapLength()
        throws IOException
    {
        // snaplen 0 ("no limit"), caplen 0x7fffffff: a corrupt header, not a packet.
        final String file = "d4c3b2a1 0200 0400 00000000 00000000 00000000 65000000" +
            leRecord("00000000", "00000000", "ffffff7f", "ffffff7f");
        try (PcapReader reader = PcapReader.of(bytes(file)))
        {
            final PcapFormatException ex = assertThrows(PcapFormatException.class, reader::next);
            assertEquals("pcap record 1 at byte offset 24: captured length 2147483647 is implausible " +
                "(more than 262144 bytes)", ex.getMessage());
        }
    }
}
