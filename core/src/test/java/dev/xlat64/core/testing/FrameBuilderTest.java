package dev.xlat64.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.NeighborAdvertisement;
import dev.xlat64.core.packet.NeighborSolicitation;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Golden NS/NA packets computed by an independent script (Python struct + RFC 1071 sum).
 */
class FrameBuilderTest
{
    private static final long GATEWAY_MAC = 0x02005E100001L;
    private static final long HOST_MAC = 0xFEDCBA987654L;

    @Test
    void shouldBuildArpRequestAndReplyFrames()
    {
        assertEquals("ffffffffffff" + "02005e100001" + "0806" +
                "0001080006040001" + "02005e100001c6336401" + "000000000000c633640a",
            Hex.of(FrameBuilder.arpRequest(GATEWAY_MAC, "198.51.100.1", "198.51.100.10")));
        assertEquals("02005e100001" + "fedcba987654" + "0806" +
                "0001080006040002" + "fedcba987654c633640a" + "02005e100001c6336401",
            Hex.of(FrameBuilder.arpReply(HOST_MAC, "198.51.100.10", GATEWAY_MAC, "198.51.100.1")));
    }

    @Test
    void shouldPickEtherTypeFromIpVersion()
    {
        final byte[] ipv6 = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(1, 2).build();
        assertEquals("02005e100001" + "fedcba987654" + "86dd" + Hex.of(ipv6),
            Hex.of(FrameBuilder.ethernet(GATEWAY_MAC, HOST_MAC, ipv6)));
        final byte[] ipv4 = PacketBuilder.ipv4("198.51.100.1", "198.51.100.10").udp(1, 2).build();
        assertEquals("0800", Hex.of(FrameBuilder.ethernet(GATEWAY_MAC, HOST_MAC, ipv4)).substring(24, 28));
        assertThrows(IllegalArgumentException.class, () -> FrameBuilder.ethernet(1, 2, new byte[] {0x50}));
    }

    @Test
    void shouldBuildNeighborSolicitationWithSourceLinkLayerAddress()
    {
        final byte[] ns = PacketBuilder.ipv6("fe80::200:5eff:fe10:1", "ff02::1:ff00:2")
            .neighborSolicitation("2001:db8:1::2", GATEWAY_MAC).build();
        assertEquals("6000000000203afffe8000000000000002005efffe100001ff0200000000000000000001ff000002" +
            "87008e3d0000000020010db8000100000000000000000002010102005e100001", Hex.of(ns));
        assertEquals(HeaderFault.NONE, new NeighborSolicitation().wrap(new UnsafeBuffer(ns), 40).validate(32));
    }

    @Test
    void shouldBuildNeighborAdvertisementWithTargetLinkLayerAddress()
    {
        final byte[] na = PacketBuilder.ipv6("2001:db8:1::2", "fe80::200:5eff:fe10:1")
            .neighborAdvertisement("2001:db8:1::2",
                NeighborAdvertisement.FLAG_SOLICITED | NeighborAdvertisement.FLAG_OVERRIDE, HOST_MAC).build();
        assertEquals("6000000000203aff20010db8000100000000000000000002fe8000000000000002005efffe100001" +
            "88002ccf6000000020010db80001000000000000000000020201fedcba987654", Hex.of(na));
        assertEquals(HeaderFault.NONE, new NeighborAdvertisement().wrap(new UnsafeBuffer(na), 40).validate(32));
    }

    @Test
    void shouldLeaveOutTheLinkLayerOptionWhenAskedTo()
    {
        final byte[] dad = PacketBuilder.ipv6("::", "ff02::1:ff00:2").neighborSolicitation("2001:db8:1::2", -1).build();
        assertEquals(64, dad.length);
        assertEquals("0018", Hex.of(dad).substring(8, 12), "payload length 24: no option");
    }
}
