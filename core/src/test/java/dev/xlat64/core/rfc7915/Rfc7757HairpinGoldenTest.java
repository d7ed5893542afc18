package dev.xlat64.core.rfc7915;

import static dev.xlat64.core.rfc7915.GoldenConfig.CLIENT6;
import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.udp;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertBytes;
import static dev.xlat64.core.rfc7915.TranslatorHarness.assertIpv4Equals;
import static dev.xlat64.core.rfc7915.TranslatorHarness.counts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.rfc7757.EamHairpinMode;

/**
 * RFC 7757 §4.2: two IPv6 nodes with EAM addresses talking through the translator's pool6 (Appendix B.1 shape):
 * 2001:db8:1::2 (EAM 203.0.113.2) sends to 203.0.113.9 (EAM of 2001:db8:1::9) as 2001:db8:64::cb00:7109.
 */
class Rfc7757HairpinGoldenTest
{
    private static final String PEER_AS_POOL6 = "2001:db8:64::cb00:7109";
    private static final String CLIENT_AS_POOL6 = "2001:db8:64::cb00:7102";
    private static final String PEER6 = "2001:db8:1::9";

    @Test
    @DisplayName("RFC 7757 §4.2.2 intrinsic: translated straight back to IPv6, source by pool6, destination by the EAMT")
    void shouldHairpinIntrinsically()
    {
        final TranslatorHarness harness = new TranslatorHarness(
            GoldenConfig.builder().eamHairpinMode(EamHairpinMode.INTRINSIC).build());
        harness.run(Side.IPV6, ipv6(CLIENT6, PEER_AS_POOL6).carrying(udp(1111, 2222, bytes(4, 1))));
        assertEquals(Side.IPV6, harness.emitted.get(0).side());
        assertBytes(ipv6(CLIENT_AS_POOL6, PEER6).hopLimit(63).carrying(udp(1111, 2222, bytes(4, 1))),
            harness.emitted.get(0).bytes());
        assertEquals(counts("received-6", 1, "hairpinned", 1), harness.deltas());
    }

    @Test
    @DisplayName("RFC 7757 §4.2.1 simple: the IPv4 network loops it back; an EAM source is then translated by pool6")
    void shouldTranslateEamSourceByPool6InSimpleMode()
    {
        final TranslatorHarness harness = new TranslatorHarness(
            GoldenConfig.builder().eamHairpinMode(EamHairpinMode.SIMPLE).build());
        harness.run(Side.IPV6, ipv6(CLIENT6, PEER_AS_POOL6).carrying(udp(1111, 2222, bytes(4, 1))));
        assertEquals(Side.IPV4, harness.emitted.get(0).side());
        final byte[] ipv4 = harness.emitted.get(0).bytes();
        assertIpv4Equals(ipv4("203.0.113.2", "203.0.113.9").ttl(63).carrying(udp(1111, 2222, bytes(4, 1))), ipv4, true);

        harness.run(Side.IPV4, ipv4);
        assertBytes(ipv6(CLIENT_AS_POOL6, PEER6).hopLimit(62).carrying(udp(1111, 2222, bytes(4, 1))),
            harness.emitted.get(0).bytes());
    }

    @Test
    @DisplayName("RFC 7757 §4.2 off: no hairpinning, the packet leaves on the IPv4 side; back in, the EAMT maps the source")
    void shouldNotHairpinWhenOff()
    {
        final TranslatorHarness harness = new TranslatorHarness(
            GoldenConfig.builder().eamHairpinMode(EamHairpinMode.OFF).build());
        harness.run(Side.IPV6, ipv6(CLIENT6, PEER_AS_POOL6).carrying(udp(1111, 2222, bytes(4, 1))));
        assertEquals(Side.IPV4, harness.emitted.get(0).side());
        harness.run(Side.IPV4, harness.emitted.get(0).bytes());
        assertBytes(ipv6(CLIENT6, PEER6).hopLimit(62).carrying(udp(1111, 2222, bytes(4, 1))),
            harness.emitted.get(0).bytes());
    }
}
