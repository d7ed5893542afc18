package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT4;
import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER6;
import static dev.xlat64.core.rfc7915.GoldenConfig.TRANSLATOR6;
import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.concat;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.raw;
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

import dev.xlat64.core.counters.DropReason;

/**
 * Golden packets for RFC 7915 §5 (IPv6 to IPv4): §5.1 header fields, §5.1.1 fragments, §5.4 generated errors,
 * §5.5 transport. Ignored: the generated IPv4 Identification of unfragmented packets (and so their header
 * checksum, which is verified instead). ICMP (§5.2, §5.3) is in {@link Rfc7915IcmpGoldenTest}.
 */
class Rfc7915Section5GoldenTest
{
    private final TranslatorHarness harness = GoldenConfig.harness();

    @Test
    @DisplayName("RFC 7915 §5.1: UDP header fields, DF clear up to 1260 bytes, TTL = hop limit - 1, TOS = traffic class")
    void shouldTranslateUdpHeaderFields()
    {
        final byte[] data = bytes(100, 1);
        final byte[] in = ipv6(CLIENT6, SERVER6).trafficClass(0xB8).flowLabel(0x12345).hopLimit(64)
            .carrying(udp(40000, 53, data));
        final List<TranslatorHarness.Emitted> out = harness.run(Side.IPV6, in);

        assertEquals(Verdict.TRANSLATED, harness.verdict);
        assertEquals(1, out.size());
        assertEquals(Side.IPV4, out.get(0).side());
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).tos(0xB8).ttl(63).carrying(udp(40000, 53, data)),
            out.get(0).bytes(), true);
        assertEquals(counts("received-6", 1, "translated-6to4", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1: IPv4 packets over 1260 bytes leave with DF set")
    void shouldSetDontFragmentAbove1260Bytes()
    {
        final byte[] data = bytes(1221, 3);
        final byte[] in = ipv6(CLIENT6, SERVER6).carrying(tcp(40000, 80, 0x10, data));
        harness.run(Side.IPV6, in);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).dontFragment(true).carrying(tcp(40000, 80, 0x10, data)),
            harness.emitted.get(0).bytes(), true);

        final byte[] exactly1260 = bytes(1220, 3);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(tcp(40000, 80, 0x10, exactly1260)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(tcp(40000, 80, 0x10, exactly1260)),
            harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.1: TOS overridden by configuration")
    void shouldOverrideTosWhenConfigured()
    {
        final TranslatorHarness overriding = new TranslatorHarness(GoldenConfig.builder().tos(0x20).build());
        final byte[] data = bytes(8, 9);
        overriding.run(Side.IPV6, ipv6(CLIENT6, SERVER6).trafficClass(0xB8).carrying(udp(1, 2, data)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).tos(0x20).ttl(63).carrying(udp(1, 2, data)),
            overriding.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.1: hop limit 1 gets ICMPv6 Time Exceeded from the translator (§5.4), hop limit 64, <= 1280 bytes")
    void shouldSendTimeExceededWhenHopLimitExpires()
    {
        final byte[] in = ipv6(CLIENT6, SERVER6).hopLimit(1).carrying(udp(40000, 53, bytes(1400, 5)));
        harness.run(Side.IPV6, in);

        assertEquals(Verdict.ICMP_ERROR_SENT, harness.verdict);
        final byte[] quoted = Arrays.copyOf(in, 1280 - 48);
        assertBytes(ipv6(TRANSLATOR6, CLIENT6).hopLimit(64).carrying(icmp(58, 3, 0, 0, quoted)),
            harness.emitted.get(0).bytes());
        assertEquals(Side.IPV6, harness.emitted.get(0).side());
        assertEquals(counts("received-6", 1, "drop-hop-limit-exceeded", 1, "icmp-errors-generated", 1),
            harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1: Hop-by-Hop and Destination Options headers are not translated")
    void shouldSkipExtensionHeaders()
    {
        final byte[] data = bytes(20, 2);
        final byte[] in = ipv6(CLIENT6, SERVER6).extension(0, 8, 0, 0).extension(60, 16, 0, 0)
            .extension(43, 24, 0, 0).carrying(udp(5, 6, data));
        harness.run(Side.IPV6, in);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(udp(5, 6, data)), harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.1: routing header with Segments Left != 0 gets Parameter Problem pointing at it")
    void shouldRejectRoutingHeaderWithSegmentsLeft()
    {
        final byte[] in = ipv6(CLIENT6, SERVER6).extension(60, 8, 0, 0).extension(43, 24, 0, 2)
            .carrying(udp(5, 6, bytes(4, 0)));
        harness.run(Side.IPV6, in);
        assertEquals(Verdict.ICMP_ERROR_SENT, harness.verdict);
        // Routing header at byte 48; Segments Left is its byte 3.
        assertBytes(ipv6(TRANSLATOR6, CLIENT6).carrying(icmp(58, 4, 0, 51, in)), harness.emitted.get(0).bytes());
        assertEquals(counts("received-6", 1, "drop-segments-left-nonzero", 1, "icmp-errors-generated", 1),
            harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1.1: Fragment header to IPv4 ID (low 16 bits), MF and offset, DF clear; first fragment's UDP checksum updated")
    void shouldTranslateFirstFragment()
    {
        final byte[] data = bytes(300, 4);
        final byte[] whole6 = ipv6(CLIENT6, SERVER6).carrying(udp(1000, 2000, data));
        final byte[] firstPart = Arrays.copyOfRange(whole6, 40, 40 + 104);
        final byte[] in = ipv6(CLIENT6, SERVER6).fragment(0, true, 0xABCD1234).carryingBytes(17, firstPart);
        harness.run(Side.IPV6, in);

        final byte[] whole4 = ipv4(CLIENT4, SERVER4).carrying(udp(1000, 2000, data));
        final byte[] expected = ipv4(CLIENT4, SERVER4).ttl(63).identification(0x1234).moreFragments(true)
            .carryingBytes(17, Arrays.copyOfRange(whole4, 20, 20 + 104));
        assertIpv4Equals(expected, harness.emitted.get(0).bytes(), false);
        assertEquals(counts("received-6", 1, "translated-6to4", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1.1: a later fragment passes with no transport look-up")
    void shouldPassLaterFragmentUntouched()
    {
        final byte[] data = bytes(96, 8);
        final byte[] in = ipv6(CLIENT6, SERVER6).fragment(13, false, 0x77).carryingBytes(17, data);
        harness.run(Side.IPV6, in);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).identification(0x77).fragmentOffset(13)
            .carryingBytes(17, data), harness.emitted.get(0).bytes(), false);
    }

    @Test
    @DisplayName("RFC 7915 §5.1: an extension header after the Fragment header is refused with 1/1 (§5.4)")
    void shouldRejectExtensionHeaderAfterFragmentHeader()
    {
        final byte[] in = ipv6(CLIENT6, SERVER6).fragment(0, true, 1).extension(60, 8, 0, 0)
            .carrying(udp(5, 6, bytes(8, 0)));
        harness.run(Side.IPV6, in);
        assertBytes(ipv6(TRANSLATOR6, CLIENT6).carrying(icmp(58, 1, 1, 0, in)), harness.emitted.get(0).bytes());
        assertEquals(counts("received-6", 1, "drop-ipv6-extension-after-fragment", 1, "icmp-errors-generated", 1),
            harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1 / §1.4: too big for the IPv4 MTU gets Packet Too Big with max(1280, ipv4-mtu + 20)")
    void shouldSendPacketTooBig()
    {
        final TranslatorHarness small = new TranslatorHarness(GoldenConfig.builder().ipv4MtuBytes(1400).build());
        final byte[] in = ipv6(CLIENT6, SERVER6).carrying(tcp(1, 2, 0x10, bytes(1361, 1)));
        small.run(Side.IPV6, in);
        assertEquals(Verdict.ICMP_ERROR_SENT, small.verdict);
        assertBytes(ipv6(TRANSLATOR6, CLIENT6).carrying(icmp(58, 2, 0, 1420, Arrays.copyOf(in, 1232))),
            small.emitted.get(0).bytes());
        assertEquals(counts("received-6", 1, "drop-packet-too-big", 1, "icmp-errors-generated", 1), small.deltas());
    }

    @Test
    @DisplayName("RFC 791 §2.3 / RFC 7915 §5: DF-clear IPv4 result bigger than a small IPv4 MTU is fragmented by the translator")
    void shouldFragmentSmallPacketForSmallIpv4Mtu()
    {
        final TranslatorHarness small = new TranslatorHarness(GoldenConfig.builder().ipv4MtuBytes(576).build());
        final byte[] data = bytes(1000, 6);
        small.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(udp(7, 8, data)));
        assertEquals(2, small.emitted.size());
        final byte[] whole4 = ipv4(CLIENT4, SERVER4).carrying(udp(7, 8, data));
        final int id = ((small.emitted.get(0).bytes()[4] & 0xFF) << 8) | (small.emitted.get(0).bytes()[5] & 0xFF);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).identification(id).moreFragments(true)
            .carryingBytes(17, Arrays.copyOfRange(whole4, 20, 20 + 552)), small.emitted.get(0).bytes(), false);
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).identification(id).fragmentOffset(552 / 8)
            .carryingBytes(17, Arrays.copyOfRange(whole4, 20 + 552, whole4.length)), small.emitted.get(1).bytes(), false);
        assertEquals(counts("received-6", 1, "translated-6to4", 1, "fragmented", 1, "fragments-emitted", 2),
            small.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.5 / RFC 1624: a TCP segment with a bad checksum stays exactly as bad")
    void shouldKeepBadTcpChecksumBad()
    {
        final byte[] data = bytes(40, 3);
        final byte[] in = ipv6(CLIENT6, SERVER6).carrying(tcp(1, 2, 0x18, data));
        addToWord(in, 40 + 16, 0x0100); // break the checksum by a known amount
        harness.run(Side.IPV6, in);
        final byte[] expected = ipv4(CLIENT4, SERVER4).ttl(63).carrying(tcp(1, 2, 0x18, data));
        addToWord(expected, 20 + 16, 0x0100); // off by exactly the same amount
        assertIpv4Equals(expected, harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.5: other transport protocols pass unchanged")
    void shouldPassUnknownProtocol()
    {
        final byte[] dccp = bytes(16, 33);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(raw(33, dccp)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(raw(33, dccp)), harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 7915 §5.1: untranslatable destination is dropped and counted")
    void shouldDropUntranslatableDestination()
    {
        harness.run(Side.IPV6, ipv6(CLIENT6, "2001:db8:99::1").carrying(udp(1, 2, bytes(4, 0))));
        assertEquals(Verdict.DROPPED, harness.verdict);
        assertEquals(DropReason.UNTRANSLATABLE_DESTINATION_6TO4, harness.translator.lastDropReason());
        assertEquals(counts("received-6", 1, "drop-untranslatable-destination-6to4", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1: truncated IPv6 and lying payload length are dropped as malformed")
    void shouldDropMalformedIpv6()
    {
        final byte[] in = ipv6(CLIENT6, SERVER6).payloadLength(500).carrying(udp(1, 2, bytes(4, 0)));
        harness.run(Side.IPV6, in);
        assertEquals(counts("received-6", 1, "drop-ipv6-malformed", 1), harness.deltas());
        harness.run(Side.IPV6, Arrays.copyOf(in, 30));
        assertEquals(counts("received-6", 1, "drop-ipv6-malformed", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.2: ICMPv6 echo request becomes ICMPv4 echo request, checksum without pseudo-header")
    void shouldTranslateEchoRequest()
    {
        final byte[] body = bytes(56, 7);
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).carrying(icmp(58, 128, 0, 0x04D20001, body)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(63).carrying(icmp(1, 8, 0, 0x04D20001, body)),
            harness.emitted.get(0).bytes(), true);
    }

    @Test
    @DisplayName("RFC 6052 §3.1: the Well-Known Prefix refuses non-global IPv4 destinations")
    void shouldRefuseNonGlobalAddressUnderWellKnownPrefix()
    {
        final TranslatorHarness wkp = new TranslatorHarness(GoldenConfig.builder()
            .pool6(dev.xlat64.core.rfc6052.Rfc6052Prefix.parse("64:ff9b::/96")).build());
        wkp.run(Side.IPV6, ipv6(CLIENT6, "64:ff9b::c633:640a").carrying(udp(1, 2, bytes(4, 0))));
        assertEquals(counts("received-6", 1, "drop-non-global-under-wkp", 1), wkp.deltas());
        wkp.run(Side.IPV6, ipv6(CLIENT6, "64:ff9b::808:808").carrying(udp(1, 2, bytes(4, 0))));
        assertEquals(counts("received-6", 1, "translated-6to4", 1), wkp.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §5.1: IPv4 result of a hop-limit-2 packet has TTL 1 (decremented once)")
    void shouldDecrementHopLimitOnce()
    {
        final byte[] data = concat(bytes(3, 1));
        harness.run(Side.IPV6, ipv6(CLIENT6, SERVER6).hopLimit(2).carrying(udp(1, 2, data)));
        assertIpv4Equals(ipv4(CLIENT4, SERVER4).ttl(1).carrying(udp(1, 2, data)), harness.emitted.get(0).bytes(), true);
    }

    /** Adds to a 16-bit field in ones' complement arithmetic. */
    static void addToWord(final byte[] packet, final int at, final int delta)
    {
        final int value = TestPackets.fold(((packet[at] & 0xFF) << 8 | (packet[at + 1] & 0xFF)) + (long)delta);
        packet[at] = (byte)(value >>> 8);
        packet[at + 1] = (byte)value;
    }

    @Test
    @DisplayName("RFC 7915 §5.1.1: an IPv6 fragment too big for the IPv4 MTU gets Packet Too Big")
    void shouldSendPacketTooBigForBigFragment()
    {
        final TranslatorHarness small = new TranslatorHarness(GoldenConfig.builder().ipv4MtuBytes(1400).build());
        final byte[] in = ipv6(CLIENT6, SERVER6).fragment(0, true, 1234).carrying(tcp(1, 2, 0x10, bytes(1361, 1)));
        small.run(Side.IPV6, in);
        assertBytes(ipv6(TRANSLATOR6, CLIENT6).carrying(icmp(58, 2, 0, 1420, Arrays.copyOf(in, 1232))),
            small.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 6052 §2.2: a /40 pool6 puts the IPv4 address around the u-octet, both ways")
    void shouldTranslateWithFortyBitPool6()
    {
        // RFC 6052 §2.4 table shape: 198.51.100.2 under 2001:db8:100::/40 is 2001:db8:1c6:3364:2::.
        final TranslatorHarness forty = new TranslatorHarness(GoldenConfig.builder()
            .pool6(dev.xlat64.core.rfc6052.Rfc6052Prefix.parse("2001:db8:100::/40")).build());
        final byte[] data = bytes(12, 4);
        forty.run(Side.IPV6, ipv6(CLIENT6, "2001:db8:1c6:3364:2::").carrying(udp(1, 2, data)));
        assertIpv4Equals(ipv4(CLIENT4, "198.51.100.2").ttl(63).carrying(udp(1, 2, data)), forty.emitted.get(0).bytes(), true);
        forty.run(Side.IPV4, ipv4("198.51.100.2", CLIENT4).carrying(udp(2, 1, data)));
        assertBytes(ipv6("2001:db8:1c6:3364:2::", CLIENT6).hopLimit(63).carrying(udp(2, 1, data)),
            forty.emitted.get(0).bytes());
        // A non-zero u-octet (bits 64-71) is not an IPv4-embedded address.
        forty.run(Side.IPV6, ipv6(CLIENT6, "2001:db8:1c6:3364:ff02::").carrying(udp(1, 2, data)));
        assertEquals(counts("received-6", 1, "drop-untranslatable-destination-6to4", 1), forty.deltas());
    }
}
