package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT4;
import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.GoldenConfig.ROUTER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.ROUTER4_AS_6;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER6;
import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.concat;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertBytes;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertIpv4Equals;
import static dev.xlat64.core.rfc7915.TranslatorHarness.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamTable;

/**
 * Golden packets for ICMP translation: RFC 7915 §4.2/§4.3 (ICMPv4 to ICMPv6) and §5.2/§5.3 (ICMPv6 to ICMPv4),
 * RFC 4884 extensions, RFC 6791 sources. Ignored: the generated Identification of outer IPv4 headers.
 */
class Rfc7915IcmpGoldenTest
{
    private final TranslatorHarness harness = GoldenConfig.harness();

    // What the IPv6 client sent, as it left the translator on the IPv4 side (quoted in ICMPv4 errors) ...
    private static byte[] clientUdp4(final int dataBytes)
    {
        return ipv4(CLIENT4, SERVER4).ttl(63).carrying(udp(40000, 53, bytes(dataBytes, 1)));
    }

    // ... and as the client sent it (quoted in the translated ICMPv6 error).
    private static byte[] clientUdp6(final int dataBytes)
    {
        return ipv6(CLIENT6, SERVER6).hopLimit(63).carrying(udp(40000, 53, bytes(dataBytes, 1)));
    }

    @Test
    @DisplayName("RFC 7915 §4.2/§4.3: Port Unreachable 3/3 -> 1/4, packet in error translated, TTL of inner kept")
    void shouldTranslatePortUnreachable4to6()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0, clientUdp4(20))));
        assertEquals(Verdict.TRANSLATED, harness.verdict);
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 1, 4, 0, clientUdp6(20))),
            harness.emitted.get(0).bytes());
        assertEquals(counts("received-4", 1, "translated-4to6", 1, "icmp-errors-translated", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: Fragmentation Needed -> Packet Too Big, MTU max(1280, min(MTU + 20, ipv6-mtu, ipv4-mtu + 20))")
    void shouldTranslateFragmentationNeeded()
    {
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).ttl(63).dontFragment(true).carrying(tcp(1, 2, 0x10, bytes(1460, 1)));
        final byte[] inner6 = ipv6(CLIENT6, SERVER6).hopLimit(63).carrying(tcp(1, 2, 0x10, bytes(1460, 1)));
        final int[][] mtus = {{1400, 1420}, {1260, 1280}, {1000, 1280}, {1490, 1500}, {0, 1500}};
        for (final int[] mtu : mtus)
        {
            harness.run(Side.IPV4, ipv4(ROUTER4, CLIENT4).carrying(icmp(1, 3, 4, mtu[0], Arrays.copyOf(inner4, 548))));
            final byte[] quoted = Arrays.copyOf(inner6, 40 + 528);
            assertBytes(ipv6(ROUTER4_AS_6, CLIENT6).hopLimit(63).carrying(icmp(58, 2, 0, mtu[1], quoted)),
                harness.emitted.get(0).bytes());
        }
    }

    @Test
    @DisplayName("RFC 7915 §4.2 / RFC 1191 §5: Fragmentation Needed with MTU 0 uses the plateau below the Total Length")
    void shouldUsePlateauForZeroMtu()
    {
        final TranslatorHarness big = new TranslatorHarness(GoldenConfig.builder().ipv6MtuBytes(9000).ipv4MtuBytes(9000).build());
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).ttl(63).dontFragment(true).carrying(tcp(1, 2, 0x10, bytes(4000, 1)));
        final byte[] inner6 = ipv6(CLIENT6, SERVER6).hopLimit(63).carrying(tcp(1, 2, 0x10, bytes(4000, 1)));
        big.run(Side.IPV4, ipv4(ROUTER4, CLIENT4).carrying(icmp(1, 3, 4, 0, Arrays.copyOf(inner4, 548))));
        // Total Length 4040: plateau 2002, + 20.
        assertBytes(ipv6(ROUTER4_AS_6, CLIENT6).hopLimit(63).carrying(icmp(58, 2, 0, 2022, Arrays.copyOf(inner6, 568))),
            big.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: Protocol Unreachable 3/2 -> Parameter Problem 4/1 pointing at Next Header (6)")
    void shouldTranslateProtocolUnreachable()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 2, 0, clientUdp4(8))));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 4, 1, 6, clientUdp6(8))),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.2 Figure 3: Parameter Problem pointer 8 (TTL) -> 7 (Hop Limit); pointer 4 has no counterpart")
    void shouldTranslateParameterProblemPointer4to6()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 12, 0, 8 << 24, clientUdp4(8))));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 4, 0, 7, clientUdp6(8))),
            harness.emitted.get(0).bytes());
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 12, 0, 4 << 24, clientUdp4(8))));
        assertEquals(counts("received-4", 1, "drop-icmp-pointer-untranslatable", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: Time Exceeded 11/0 -> 3/0 from a router, TTL decremented on the outer header only")
    void shouldTranslateTimeExceeded4to6()
    {
        harness.run(Side.IPV4, ipv4(ROUTER4, CLIENT4).ttl(200).carrying(icmp(1, 11, 0, 0, clientUdp4(30))));
        assertBytes(ipv6(ROUTER4_AS_6, CLIENT6).hopLimit(199).carrying(icmp(58, 3, 0, 0, clientUdp6(30))),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.3: the translated error is cut to 1280 bytes")
    void shouldTruncateIcmpv6ErrorTo1280()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0, clientUdp4(1444))));
        final byte[] out = harness.emitted.get(0).bytes();
        assertEquals(1280, out.length);
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 1, 4, 0, Arrays.copyOf(clientUdp6(1444), 1232))),
            out);
    }

    @Test
    @DisplayName("RFC 7915 §4.3: an error about an error is not translated")
    void shouldDropErrorInsideError4to6()
    {
        final byte[] innerError = ipv4(CLIENT4, SERVER4).carrying(icmp(1, 3, 1, 0, clientUdp4(8)));
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0, innerError)));
        assertEquals(counts("received-4", 1, "drop-icmp-error-inside-error", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: an ICMPv4 error with a bad checksum is dropped (its checksum is recomputed)")
    void shouldDropIcmpErrorWithBadChecksum()
    {
        final byte[] in = ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0, clientUdp4(8)));
        in[22] ^= 1;
        harness.run(Side.IPV4, in);
        assertEquals(counts("received-4", 1, "drop-icmp-checksum-invalid", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.2 / RFC 4884: extension kept, length attribute recomputed in 8-byte units")
    void shouldTranslateIcmpExtension4to6()
    {
        // Jool graybox ia2: inner IPv4 132 bytes (length 33), extension 20 -> inner IPv6 152 bytes (length 19).
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).ttl(63).carrying(tcp(1, 2, 0x10, bytes(92, 1)));
        final byte[] inner6 = ipv6(CLIENT6, SERVER6).hopLimit(63).carrying(tcp(1, 2, 0x10, bytes(92, 1)));
        final byte[] extension = bytes(20, 77);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 33 << 16, concat(inner4, extension))));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 1, 4, 19 << 24, concat(inner6, extension))),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 6791: an ICMPv4 error from a router whose address does not translate gets an rfc6791-pool6 source")
    void shouldUseRfc6791Pool6ForUntranslatableRouter()
    {
        // EAMT only: clients 2001:db8:1::/120 = 203.0.113.0/24, servers 2001:db8:64::/120 = 198.51.100.0/24.
        final TranslatorHarness eamOnly = new TranslatorHarness(GoldenConfig.builder().pool6(null).eamt(new EamTable(List.of(
            eam("2001:db8:1::/120", "203.0.113.0/24"), eam("2001:db8:64::/120", "198.51.100.0/24")))).build());
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).ttl(1).carrying(udp(40000, 53, bytes(8, 1)));
        final byte[] inner6 = ipv6(CLIENT6, "2001:db8:64::a").hopLimit(1).carrying(udp(40000, 53, bytes(8, 1)));
        eamOnly.run(Side.IPV4, ipv4("10.9.9.9", CLIENT4).carrying(icmp(1, 11, 0, 0, inner4)));
        assertBytes(ipv6("2001:db8:6791::a09:909", CLIENT6).hopLimit(63).carrying(icmp(58, 3, 0, 0, inner6)),
            eamOnly.emitted.get(0).bytes());
        assertEquals(counts("received-4", 1, "translated-4to6", 1, "icmp-errors-translated", 1, "rfc6791-sources", 1),
            eamOnly.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.2/§5.3: Port Unreachable 1/4 -> 3/3, packet in error translated (inner ID 0, DF by size)")
    void shouldTranslatePortUnreachable6to4()
    {
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(30, 2)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).carrying(udp(53, 40000, bytes(30, 2)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 0, inner6)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 3, 0, inner4)),
            harness.emitted.get(0).bytes(), true);
        assertEquals(counts("received-6", 1, "translated-6to4", 1, "icmp-errors-translated", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.2: Packet Too Big 1280 -> Fragmentation Needed 1260, cut to 576 bytes")
    void shouldTranslatePacketTooBig()
    {
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(tcp(80, 1, 0x10, bytes(1400, 2)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).dontFragment(true)
            .carrying(tcp(80, 1, 0x10, bytes(1400, 2)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 2, 0, 1280, Arrays.copyOf(inner6, 1232))));
        final byte[] out = harness.emitted.get(0).bytes();
        assertEquals(576, out.length);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 4, 1260, Arrays.copyOf(inner4, 548))),
            out, true);
    }

    @Test
    @DisplayName("RFC 7915 §5.2 Figure 6: Parameter Problem pointer 24 (destination) -> 16; 4/1 -> Protocol Unreachable 3/2")
    void shouldTranslateParameterProblem6to4()
    {
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(8, 2)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).carrying(udp(53, 40000, bytes(8, 2)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 4, 0, 24, inner6)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 12, 0, 16 << 24, inner4)),
            harness.emitted.get(0).bytes(), true);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 4, 1, 40, inner6)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 2, 0, inner4)),
            harness.emitted.get(0).bytes(), true);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 4, 0, 2, inner6)));
        assertEquals(counts("received-6", 1, "drop-icmp-pointer-untranslatable", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.3: an echo request inside Address Unreachable is translated too (ICMP checksum of the inner packet)")
    void shouldTranslateInnerEcho6to4()
    {
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 128, 0, 0x00070001, bytes(16, 3)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).carrying(icmp(1, 8, 0, 0x00070001, bytes(16, 3)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 3, 0, inner6)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 1, 0, inner4)),
            harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.2: Neighbor Solicitation is single-hop: dropped")
    void shouldDropNeighborDiscovery()
    {
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 135, 0, 0, bytes(16, 0))));
        assertEquals(counts("received-6", 1, "drop-icmpv6-type-untranslatable", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.2 / RFC 4884: extension kept, packet in error padded to 128, length in 4-byte units")
    void shouldTranslateIcmpExtension6to4()
    {
        // Jool graybox ib1: inner IPv6 122 bytes + 6 padding (length 16), extension 20 -> inner IPv4 102 + 26 (length 32).
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(tcp(80, 1, 0x10, bytes(62, 1)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).carrying(tcp(80, 1, 0x10, bytes(62, 1)));
        final byte[] extension = bytes(20, 99);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 16 << 24,
            concat(inner6, new byte[6], extension))));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 3, 32 << 16,
            concat(inner4, new byte[26], extension))), harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 6791: an ICMPv6 error from a router whose address does not translate gets an rfc6791-pool4 source")
    void shouldUseRfc6791Pool4ForUntranslatableRouter()
    {
        final TranslatorHarness pool = new TranslatorHarness(GoldenConfig.builder().build());
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(1).carrying(udp(53, 40000, bytes(8, 2)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(1).identification(0).carrying(udp(53, 40000, bytes(8, 2)));
        pool.run(Side.IPV6, ipv6("2001:db8:ffff::1", SERVER6).carrying(icmp(58, 3, 0, 0, inner6)));
        final byte[] out = pool.emitted.get(0).bytes();
        final String source = (out[12] & 0xFF) + "." + (out[13] & 0xFF) + "." + (out[14] & 0xFF) + "." + (out[15] & 0xFF);
        assertEquals(true, source.equals("198.51.100.200") || source.equals("198.51.100.201"), source);
        assertIpv4Equals(ipv4(source, SERVER4).ttl(63).carrying(icmp(1, 11, 0, 0, inner4)), out, true);
        // The same router always gets the same address.
        pool.run(Side.IPV6, ipv6("2001:db8:ffff::1", SERVER6).carrying(icmp(58, 3, 0, 0, inner6)));
        assertEquals(source, (pool.emitted.get(0).bytes()[12] & 0xFF) + "." + (pool.emitted.get(0).bytes()[13] & 0xFF) + "." +
            (pool.emitted.get(0).bytes()[14] & 0xFF) + "." + (pool.emitted.get(0).bytes()[15] & 0xFF));
        assertEquals(counts("received-6", 1, "translated-6to4", 1, "icmp-errors-translated", 1, "rfc6791-sources", 1),
            pool.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.3: an error about an error is not translated")
    void shouldDropErrorInsideError6to4()
    {
        final byte[] innerError = ipv6(SERVER6, CLIENT6).carrying(icmp(58, 1, 0, 0, bytes(48, 0)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 0, innerError)));
        assertEquals(counts("received-6", 1, "drop-icmp-error-inside-error", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.2 / RFC 4884: an extension that does not fit in 576 bytes is removed, length 0")
    void shouldRemoveExtensionThatDoesNotFit()
    {
        // Jool graybox ic5: inner IPv6 128 bytes (length 16) and a 421-byte extension: 28 + 128 + 421 > 576.
        final byte[] inner6 = ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(80, 1)));
        final byte[] inner4 = ipv4(SERVER4, CLIENT4).ttl(63).identification(0).carrying(udp(53, 40000, bytes(80, 1)));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 16 << 24, concat(inner6, bytes(421, 5)))));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 3, 3, 0, inner4)),
            harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §4.2 / RFC 4884: the packet in error is cut, not the extension, to fit 1280 bytes")
    void shouldCutPacketInErrorBeforeExtension()
    {
        // Jool graybox idz: inner IPv4 576 bytes (length 144), extension 640 -> inner IPv6 cut to 592 (length 74).
        final byte[] inner4 = ipv4(CLIENT4, SERVER4).ttl(63).carrying(udp(40000, 53, bytes(548, 1)));
        final byte[] inner6 = ipv6(CLIENT6, SERVER6).hopLimit(63).carrying(udp(40000, 53, bytes(548, 1)));
        final byte[] extension = bytes(640, 9);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 144 << 16, concat(inner4, extension))));
        final byte[] out = harness.emitted.get(0).bytes();
        assertEquals(1280, out.length);
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 1, 4, 74 << 24,
            concat(Arrays.copyOf(inner6, 592), extension))), out);
    }

    private static EamEntry eam(final String ipv6, final String ipv4)
    {
        final Ipv6Prefix six = Ipv6Prefix.parse(ipv6);
        final Ipv4Prefix four = Ipv4Prefix.parse(ipv4);
        return new EamEntry(six.high(), six.low(), six.length(), four.address(), four.length());
    }
}
