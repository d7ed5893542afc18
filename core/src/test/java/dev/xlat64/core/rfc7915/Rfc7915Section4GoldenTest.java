package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT4;
import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER4;
import static dev.xlat64.core.rfc7915.GoldenConfig.SERVER6;
import static dev.xlat64.core.rfc7915.GoldenConfig.TRANSLATOR4;
import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.raw;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static dev.xlat64.core.rfc7915.TestPackets.udpWithoutChecksum;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertBytes;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertIpv4Equals;
import static dev.xlat64.core.rfc7915.TranslatorHarness.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Golden packets for RFC 7915 §4 (IPv4 to IPv6): §4.1 header fields, options, DF and fragments, §4.4 generated
 * errors, §4.5 transport and UDP zero checksum. ICMP (§4.2, §4.3) is in {@link Rfc7915IcmpGoldenTest}.
 * Ignored: the Identification (and so header checksum) of generated ICMPv4 errors.
 */
class Rfc7915Section4GoldenTest
{
    private final TranslatorHarness harness = GoldenConfig.harness();

    @Test
    @DisplayName("RFC 7915 §4.1: UDP header fields: traffic class = TOS, flow label 0, hop limit = TTL - 1, no Fragment header")
    void shouldTranslateUdpHeaderFields()
    {
        final byte[] data = bytes(100, 1);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).tos(0x48).ttl(50).carrying(udp(53, 40000, data)));
        assertEquals(Verdict.TRANSLATED, harness.verdict);
        assertEquals(Side.IPV6, harness.emitted.get(0).side());
        assertBytes(ipv6(SERVER6, CLIENT6).trafficClass(0x48).hopLimit(49).carrying(udp(53, 40000, data)),
            harness.emitted.get(0).bytes());
        assertEquals(counts("received-4", 1, "translated-4to6", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: traffic class zeroed or overridden by configuration")
    void shouldOverrideTrafficClassWhenConfigured()
    {
        final TranslatorHarness zero = new TranslatorHarness(GoldenConfig.builder().trafficClass(0).build());
        final byte[] data = bytes(10, 1);
        zero.run(Side.IPV4, ipv4(SERVER4, CLIENT4).tos(0x48).carrying(tcp(80, 40000, 0x12, data)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(tcp(80, 40000, 0x12, data)), zero.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: IPv4 options are not translated")
    void shouldIgnoreIpv4Options()
    {
        final byte[] data = bytes(12, 1);
        // Record Route (7) with room for two addresses, then End of Options.
        final byte[] recordRoute = {7, 11, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).options(recordRoute).carrying(udp(1, 2, data)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(1, 2, data)), harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: an unexpired source route option gets Destination Unreachable / Source Route Failed (3/5)")
    void shouldRejectUnexpiredSourceRoute()
    {
        // Loose Source and Record Route (131), pointer 4: first address not yet used.
        final byte[] lsrr = {(byte)131, 11, 4, (byte)198, 51, 100, 2, (byte)198, 51, 100, 3, 0};
        final byte[] in = ipv4(SERVER4, CLIENT4).options(lsrr).carrying(udp(1, 2, bytes(8, 0)));
        harness.run(Side.IPV4, in);
        assertEquals(Verdict.ICMP_ERROR_SENT, harness.verdict);
        assertIpv4Equals(ipv4(TRANSLATOR4, SERVER4).identification(0).carrying(icmp(1, 3, 5, 0, in)),
            harness.emitted.get(0).bytes(), true);
        assertEquals(counts("received-4", 1, "drop-source-route-option", 1, "icmp-errors-generated", 1),
            harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1 / §4.4: TTL 1 gets Time Exceeded from the translator, cut to 576 bytes, TTL 64")
    void shouldSendTimeExceededWhenTtlExpires()
    {
        final byte[] in = ipv4(SERVER4, CLIENT4).ttl(1).carrying(udp(1, 2, bytes(1000, 3)));
        harness.run(Side.IPV4, in);
        assertEquals(Side.IPV4, harness.emitted.get(0).side());
        assertIpv4Equals(ipv4(TRANSLATOR4, SERVER4).identification(0).carrying(icmp(1, 11, 0, 0, Arrays.copyOf(in, 548))),
            harness.emitted.get(0).bytes(), true);
        assertEquals(576, harness.emitted.get(0).bytes().length);
        assertEquals(counts("received-4", 1, "drop-ttl-exceeded", 1, "icmp-errors-generated", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: DF set and too big for the IPv6 MTU gets Fragmentation Needed with ipv6-mtu - 20")
    void shouldSendFragmentationNeeded()
    {
        final TranslatorHarness mtu1280 = new TranslatorHarness(GoldenConfig.builder().ipv6MtuBytes(1280).build());
        final byte[] in = ipv4(SERVER4, CLIENT4).dontFragment(true).carrying(tcp(80, 1, 0x10, bytes(1221, 1)));
        mtu1280.run(Side.IPV4, in);
        assertIpv4Equals(ipv4(TRANSLATOR4, SERVER4).identification(0)
            .carrying(icmp(1, 3, 4, 1260, Arrays.copyOf(in, 548))), mtu1280.emitted.get(0).bytes(), true);
        assertEquals(counts("received-4", 1, "drop-fragmentation-needed", 1, "icmp-errors-generated", 1),
            mtu1280.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: DF clear and bigger than lowest-ipv6-mtu is fragmented, ID zero-extended")
    void shouldFragmentToLowestIpv6Mtu()
    {
        final byte[] data = bytes(1221, 2);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).identification(1234).carrying(tcp(80, 1, 0x10, data)));
        assertEquals(2, harness.emitted.size());
        final byte[] whole6 = ipv6(SERVER6, CLIENT6).carrying(tcp(80, 1, 0x10, data));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).fragment(0, true, 1234)
            .carryingBytes(6, Arrays.copyOfRange(whole6, 40, 40 + 1232)), harness.emitted.get(0).bytes());
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).fragment(1232 / 8, false, 1234)
            .carryingBytes(6, Arrays.copyOfRange(whole6, 40 + 1232, whole6.length)), harness.emitted.get(1).bytes());
        assertEquals(1280, harness.emitted.get(0).bytes().length);
        assertEquals(counts("received-4", 1, "translated-4to6", 1, "fragmented", 1, "fragments-emitted", 2),
            harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1 / RFC 8021: DF clear but small: no Fragment header (no atomic fragments)")
    void shouldNotAddFragmentHeaderToSmallPacket()
    {
        final byte[] data = bytes(1220, 2);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(tcp(80, 1, 0x10, data)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(tcp(80, 1, 0x10, data)), harness.emitted.get(0).bytes());
        assertEquals(1280, harness.emitted.get(0).bytes().length);
    }

    @Test
    @DisplayName("RFC 7915 §4.1: an IPv4 first fragment gets a Fragment header; its TCP checksum is updated")
    void shouldTranslateFirstFragment()
    {
        final byte[] data = bytes(200, 4);
        final byte[] whole4 = ipv4(SERVER4, CLIENT4).carrying(tcp(80, 1, 0x18, data));
        final byte[] in = ipv4(SERVER4, CLIENT4).identification(0xBEEF).moreFragments(true)
            .carryingBytes(6, Arrays.copyOfRange(whole4, 20, 20 + 96));
        harness.run(Side.IPV4, in);
        final byte[] whole6 = ipv6(SERVER6, CLIENT6).carrying(tcp(80, 1, 0x18, data));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).fragment(0, true, 0xBEEF)
            .carryingBytes(6, Arrays.copyOfRange(whole6, 40, 40 + 96)), harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: a later IPv4 fragment passes with no transport look-up")
    void shouldTranslateLaterFragmentWithoutTransport()
    {
        final byte[] data = bytes(64, 5);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).identification(7).fragmentOffset(12).carryingBytes(17, data));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).fragment(12, false, 7).carryingBytes(17, data),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.5: UDP with zero checksum is dropped when amend-udp-checksum-zero is off")
    void shouldDropZeroChecksumUdp()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(udpWithoutChecksum(1, 2, bytes(4, 0))));
        assertEquals(Verdict.DROPPED, harness.verdict);
        assertEquals(counts("received-4", 1, "drop-udp-checksum-zero", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.5: UDP with zero checksum gets a computed one when amend-udp-checksum-zero is on")
    void shouldAmendZeroChecksumUdp()
    {
        final TranslatorHarness amend = new TranslatorHarness(GoldenConfig.builder().amendUdpChecksumZero(true).build());
        final byte[] data = bytes(5, 0);
        amend.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(udpWithoutChecksum(1, 2, data)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(1, 2, data)), amend.emitted.get(0).bytes());
        assertEquals(counts("received-4", 1, "translated-4to6", 1, "udp-checksums-amended", 1), amend.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.5: a fragmented zero-checksum UDP gets Communication Administratively Prohibited (3/13)")
    void shouldRejectFragmentedZeroChecksumUdp()
    {
        final TranslatorHarness amend = new TranslatorHarness(GoldenConfig.builder().amendUdpChecksumZero(true).build());
        final byte[] in = ipv4(SERVER4, CLIENT4).moreFragments(true).carrying(udpWithoutChecksum(1, 2, bytes(16, 0)));
        amend.run(Side.IPV4, in);
        assertIpv4Equals(ipv4(TRANSLATOR4, SERVER4).identification(0).carrying(icmp(1, 3, 13, 0, in)),
            amend.emitted.get(0).bytes(), true);
        assertEquals(counts("received-4", 1, "drop-udp-checksum-zero-fragment", 1, "icmp-errors-generated", 1),
            amend.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.5: other transport protocols pass unchanged")
    void shouldPassUnknownProtocol()
    {
        final byte[] payload = bytes(16, 9);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(raw(33, payload)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(raw(33, payload)), harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: ICMPv4 echo reply becomes ICMPv6 echo reply with the pseudo-header in its checksum")
    void shouldTranslateEchoReply()
    {
        final byte[] body = bytes(56, 3);
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 0, 0, 0x04D20007, body)));
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(icmp(58, 129, 0, 0x04D20007, body)),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.2: ICMPv4 timestamp has no ICMPv6 counterpart: dropped")
    void shouldDropTimestamp()
    {
        harness.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(icmp(1, 13, 0, 0, bytes(12, 0))));
        assertEquals(counts("received-4", 1, "drop-icmpv4-type-untranslatable", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 791: a bad IPv4 header checksum is dropped")
    void shouldDropBadHeaderChecksum()
    {
        final byte[] in = ipv4(SERVER4, CLIENT4).carrying(udp(1, 2, bytes(4, 0)));
        in[10] ^= 1;
        harness.run(Side.IPV4, in);
        assertEquals(counts("received-4", 1, "drop-ipv4-header-checksum-invalid", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4: an IPv6 packet arriving on the IPv4 side is dropped as the wrong version")
    void shouldDropIpv6PacketOnIpv4Side()
    {
        harness.run(Side.IPV4, ipv6(CLIENT6, SERVER6).carrying(udp(1, 2, bytes(4, 0))));
        assertEquals(counts("received-4", 1, "drop-wrong-ip-version", 1), harness.deltas());
        harness.run(Side.IPV6, ipv4(SERVER4, CLIENT4).carrying(udp(1, 2, bytes(24, 0))));
        assertEquals(counts("received-6", 1, "drop-wrong-ip-version", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: lowest-ipv6-mtu raised to 1500: the same DF-clear packet is not fragmented")
    void shouldHonourConfiguredLowestIpv6Mtu()
    {
        final TranslatorHarness raised = new TranslatorHarness(GoldenConfig.builder().lowestIpv6MtuBytes(1500).build());
        final byte[] data = bytes(1221, 2);
        raised.run(Side.IPV4, ipv4(SERVER4, CLIENT4).carrying(tcp(80, 1, 0x10, data)));
        assertEquals(1, raised.emitted.size());
        assertBytes(ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(tcp(80, 1, 0x10, data)), raised.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7915 §4.1: an IPv4 fragment with DF too big for the IPv6 MTU gets Fragmentation Needed too")
    void shouldSendFragmentationNeededForDfFragment()
    {
        final TranslatorHarness mtu1280 = new TranslatorHarness(GoldenConfig.builder().ipv6MtuBytes(1280).build());
        final byte[] in = ipv4(SERVER4, CLIENT4).identification(1234).dontFragment(true).moreFragments(true)
            .carrying(tcp(80, 1, 0x10, bytes(1221, 1)));
        mtu1280.run(Side.IPV4, in);
        assertIpv4Equals(ipv4(TRANSLATOR4, SERVER4).identification(0)
            .carrying(icmp(1, 3, 4, 1260, Arrays.copyOf(in, 548))), mtu1280.emitted.get(0).bytes(), true);
    }
}
