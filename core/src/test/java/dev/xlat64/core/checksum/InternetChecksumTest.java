package dev.xlat64.core.checksum;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HexFormat;

import static java.nio.ByteOrder.BIG_ENDIAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Known checksums of whole packets. Each expected value was computed outside Java (a 16-bit loop in
 * Python) and is checked here again against {@link NaiveChecksum} over the pseudo-header bytes written out.
 */
class InternetChecksumTest
{
    private static final HexFormat HEX = HexFormat.of();

    /** 2001:db8::1 */
    private static final long CLIENT_HIGH = 0x2001_0db8_0000_0000L;
    private static final long CLIENT_LOW = 0x0000_0000_0000_0001L;
    /** 2001:db8::2 */
    private static final long SERVER_HIGH = 0x2001_0db8_0000_0000L;
    private static final long SERVER_LOW = 0x0000_0000_0000_0002L;
    /** 2001:db8:64::c633:6407, i.e. 198.51.100.7 under 2001:db8:64::/96 */
    private static final long MAPPED_HIGH = 0x2001_0db8_0064_0000L;
    private static final long MAPPED_LOW = 0x0000_0000_c633_6407L;
    /** 198.51.100.7 */
    private static final int IPV4_A = 0xc633_6407;
    /** 203.0.113.9 */
    private static final int IPV4_B = 0xcb00_7109;

    /** UDP 40000 -> 53, length 17 (odd), payload "checksum!", checksum field zero. */
    private static final String UDP = "9c40003500110000636865636b73756d21";
    private static final int UDP_CHECKSUM_2001_DB8__1_TO_MAPPED = 0x1298;
    private static final int UDP_CHECKSUM_198_51_100_7_TO_203_0_113_9 = 0x3265;

    @Test
    void shouldComputeTheWellKnownIpv4HeaderChecksum()
    {
        // The example header of the IPv4 header checksum article on Wikipedia; its checksum is 0xb861.
        final MutableDirectBuffer header = bytes("45000073000040004011b861c0a80001c0a800c7");

        assertEquals(0xb861, InternetChecksum.ipv4HeaderChecksum(header, 0, 20));
        assertEquals(0xFFFF, NaiveChecksum.sum(header, 0, 20), "the header sums to -0 with its checksum");
    }

    @ParameterizedTest
    @EnumSource(BufferKind.class)
    void shouldComputeIpv4HeaderChecksumWithOptionsIgnoringTheOldFieldValue(final BufferKind kind)
    {
        // IHL 6: TOS 0xc0, total length 44, id 0x1a2b, TTL 1, protocol 2 (IGMP), 198.51.100.7 -> 203.0.113.9,
        // Router Alert option (RFC 2113) 94 04 00 00. The checksum field holds garbage.
        final String header = "46c0002c1a2b00000102beefc6336407cb00710994040000";
        final MutableDirectBuffer buffer = kind.allocate(64);
        buffer.putBytes(7, HEX.parseHex(header));

        assertEquals(0xa39c, InternetChecksum.ipv4HeaderChecksum(buffer, 7, 24));

        buffer.putShort(7 + 10, (short)0xa39c, BIG_ENDIAN);
        assertEquals(0xFFFF, NaiveChecksum.sum(buffer, 7, 24));
        assertEquals(0xa39c, InternetChecksum.ipv4HeaderChecksum(buffer, 7, 24));
    }

    @Test
    void shouldRejectImpossibleIpv4HeaderLengths()
    {
        final MutableDirectBuffer buffer = new UnsafeBuffer(new byte[64]);

        assertThrows(IllegalArgumentException.class, () -> InternetChecksum.ipv4HeaderChecksum(buffer, 0, 16));
        assertThrows(IllegalArgumentException.class, () -> InternetChecksum.ipv4HeaderChecksum(buffer, 0, 22));
        assertThrows(IndexOutOfBoundsException.class, () -> InternetChecksum.ipv4HeaderChecksum(buffer, 8, 60));
    }

    @Test
    void shouldComputeUdpOverIpv6ChecksumWithOddLength()
    {
        final MutableDirectBuffer udp = bytes(UDP);
        final int pseudo = InternetChecksum.ipv6PseudoHeaderSum(
            CLIENT_HIGH, CLIENT_LOW, MAPPED_HIGH, MAPPED_LOW, 17, 17);

        assertEquals(NaiveChecksum.sum(bytes(
            "20010db8000000000000000000000001" + "20010db80064000000000000c6336407" +
            "00000011" + "00000011").byteArray()), pseudo);
        final int checksum = InternetChecksum.finish(InternetChecksum.add(pseudo, InternetChecksum.sum(udp, 0, 17)));
        assertEquals(UDP_CHECKSUM_2001_DB8__1_TO_MAPPED, checksum);
    }

    @Test
    void shouldSumAllFourBytesOfAJumbogramUpperLayerLength()
    {
        // RFC 8200 §8.1: the pseudo-header length is 32 bits (RFC 2675 jumbograms exceed 0xFFFF).
        final int pseudo = InternetChecksum.ipv6PseudoHeaderSum(
            0xFFFF_FFFF_FFFF_FFFFL, 0x8000_0000_0000_0001L, SERVER_HIGH, SERVER_LOW, 58, 0x0001_2345);

        assertEquals(NaiveChecksum.sum(bytes(
            "ffffffffffffffff8000000000000001" + "20010db8000000000000000000000002" +
            "00012345" + "0000003a").byteArray()), pseudo);
    }

    @Test
    void shouldComputeIcmpv6EchoRequestChecksum()
    {
        // Echo request, identifier 0x1234, sequence 1, 56 bytes 0x00..0x37 as ping sends them.
        final StringBuilder hex = new StringBuilder("8000000012340001");
        for (int i = 0; i < 56; i++)
        {
            hex.append(HEX.toHexDigits((byte)i));
        }
        final MutableDirectBuffer icmp = bytes(hex.toString());
        final int pseudo = InternetChecksum.ipv6PseudoHeaderSum(CLIENT_HIGH, CLIENT_LOW, SERVER_HIGH, SERVER_LOW, 58, 64);

        final int checksum = InternetChecksum.finish(InternetChecksum.add(pseudo, InternetChecksum.sum(icmp, 0, 64)));

        assertEquals(0x1ac8, checksum);
        icmp.putShort(2, (short)checksum, BIG_ENDIAN);
        assertEquals(0xFFFF, InternetChecksum.add(pseudo, NaiveChecksum.sum(icmp, 0, 64)));
    }

    @Test
    void shouldComputeUdpOverIpv4ChecksumFromThePseudoHeader()
    {
        final MutableDirectBuffer udp = bytes(UDP);
        final int pseudo = InternetChecksum.ipv4PseudoHeaderSum(IPV4_A, IPV4_B, 17, 17);

        assertEquals(NaiveChecksum.sum(bytes("c6336407" + "cb007109" + "0011" + "0011").byteArray()), pseudo);
        assertEquals(UDP_CHECKSUM_198_51_100_7_TO_203_0_113_9,
            InternetChecksum.finish(InternetChecksum.add(pseudo, InternetChecksum.sum(udp, 0, 17))));
    }

    @Test
    void shouldTranslateUdpChecksumIncrementallyFromIpv6ToIpv4PseudoHeader()
    {
        final int ipv6Pseudo = InternetChecksum.ipv6PseudoHeaderSum(
            CLIENT_HIGH, CLIENT_LOW, MAPPED_HIGH, MAPPED_LOW, 17, 17);
        final int ipv4Pseudo = InternetChecksum.ipv4PseudoHeaderSum(IPV4_A, IPV4_B, 17, 17);

        assertEquals(UDP_CHECKSUM_198_51_100_7_TO_203_0_113_9,
            IncrementalChecksum.replaceSum(UDP_CHECKSUM_2001_DB8__1_TO_MAPPED, ipv6Pseudo, ipv4Pseudo));
        assertEquals(UDP_CHECKSUM_2001_DB8__1_TO_MAPPED,
            IncrementalChecksum.replaceSum(UDP_CHECKSUM_198_51_100_7_TO_203_0_113_9, ipv4Pseudo, ipv6Pseudo));
    }

    @Test
    void shouldAddSumsWithEndAroundCarry()
    {
        assertEquals(0x0002, InternetChecksum.add(0xFFFF, 0x0002));
        assertEquals(0x0002, InternetChecksum.add(0x8000, 0x8001));
        assertEquals(0xFFFF, InternetChecksum.add(0xFFFF, 0x0000));
        assertEquals(0xFFFF, InternetChecksum.add(0xFFFF, 0xFFFF));
        assertEquals(0x0000, InternetChecksum.add(0x0000, 0x0000));
        assertEquals(0x2e3c, InternetChecksum.add(0x1234, 0x1c08));
    }

    @Test
    void shouldFinishByComplementing()
    {
        assertEquals(0x0000, InternetChecksum.finish(0xFFFF));
        assertEquals(0xFFFF, InternetChecksum.finish(0x0000));
        assertEquals(0xb861, InternetChecksum.finish(0x479e));
    }

    @Test
    void shouldSumPiecesJoinedAtEvenOffsetsLikeTheWhole()
    {
        final MutableDirectBuffer icmp = bytes("8000000012340001" + "000102030405060708090a0b0c0d0e0f10");

        assertEquals(InternetChecksum.sum(icmp, 0, 25),
            InternetChecksum.add(InternetChecksum.sum(icmp, 0, 8), InternetChecksum.sum(icmp, 8, 17)));
    }

    private static MutableDirectBuffer bytes(final String hex)
    {
        return new UnsafeBuffer(HEX.parseHex(hex));
    }
}
