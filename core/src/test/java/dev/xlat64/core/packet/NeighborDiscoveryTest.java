package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class NeighborDiscoveryTest
{
    /** NS for 2001:db8:1::2 from 02:00:5e:10:00:01 (Source Link-Layer Address option). */
    private static final String SOLICITATION =
        "87 00 4d2e 00000000 | 20010db8000100000000000000000002 | 01 01 02005e100001";
    /** Solicited, override NA for 2001:db8:1::2 at fe:dc:ba:98:76:54 (Target Link-Layer Address option). */
    private static final String ADVERTISEMENT =
        "88 00 1a2b 60000000 | 20010db8000100000000000000000002 | 02 01 fedcba987654";

    private final NeighborSolicitation solicitation = new NeighborSolicitation();
    private final NeighborAdvertisement advertisement = new NeighborAdvertisement();
    private final LinkLayerAddressOption option = new LinkLayerAddressOption();

    @Test
    void shouldReadNeighborSolicitationAndItsSourceLinkLayerAddress()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes("00" + SOLICITATION));
        solicitation.wrap(buffer, 1);
        assertEquals(Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION, solicitation.type());
        assertEquals(0, solicitation.code());
        assertEquals(0x4D2E, solicitation.checksum());
        assertEquals(0, solicitation.reserved());
        assertEquals(0x20010DB800010000L, solicitation.targetHigh());
        assertEquals(2L, solicitation.targetLow());
        assertEquals(25, solicitation.optionsOffset());
        assertEquals(HeaderFault.NONE, solicitation.validate(32));

        final int at = NdpOptions.find(buffer, solicitation.optionsOffset(), 8, NdpOptions.SOURCE_LINK_LAYER_ADDRESS);
        assertEquals(25, at);
        option.wrap(buffer, at);
        assertEquals(NdpOptions.SOURCE_LINK_LAYER_ADDRESS, option.type());
        assertEquals(1, option.length());
        assertEquals(0x02005E100001L, option.address());
        assertEquals(-1, NdpOptions.find(buffer, solicitation.optionsOffset(), 8, NdpOptions.TARGET_LINK_LAYER_ADDRESS));
    }

    @Test
    void shouldWriteNeighborSolicitationExactly()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        solicitation.wrap(buffer, 0).type(Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION).code(0).checksum(0x4D2E)
            .reserved(0).target(0x20010DB800010000L, 2L);
        option.wrap(buffer, solicitation.optionsOffset()).ethernet(NdpOptions.SOURCE_LINK_LAYER_ADDRESS, 0x02005E100001L);
        assertEquals(Hex.of(bytes(SOLICITATION)), Hex.of(buffer, 0, 32));

        solicitation.reserved(0x01020304);
        assertEquals("01020304", Hex.of(buffer, 4, 4));
    }

    @Test
    void shouldComputeSolicitedNodeMulticastAddress()
    {
        // RFC 4291 §2.7.1: 2001:db8:1::2:ab:cdef -> ff02::1:ffab:cdef
        assertEquals(0xFF02000000000000L, NeighborSolicitation.solicitedNodeHigh());
        assertEquals(0x00000001FFABCDEFL, NeighborSolicitation.solicitedNodeLow(0x000000020ABCDEFL));
    }

    @Test
    void shouldReadNeighborAdvertisementFlagsAndTargetLinkLayerAddress()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(ADVERTISEMENT));
        advertisement.wrap(buffer, 0);
        assertEquals(Icmpv6Header.TYPE_NEIGHBOR_ADVERTISEMENT, advertisement.type());
        assertEquals(0, advertisement.code());
        assertEquals(0x1A2B, advertisement.checksum());
        assertFalse(advertisement.router());
        assertTrue(advertisement.solicited());
        assertTrue(advertisement.override());
        assertEquals(0x60000000, advertisement.flags());
        assertEquals(0x20010DB800010000L, advertisement.targetHigh());
        assertEquals(2L, advertisement.targetLow());
        assertEquals(HeaderFault.NONE, advertisement.validate(32));

        final int at = NdpOptions.find(buffer, advertisement.optionsOffset(), 8, NdpOptions.TARGET_LINK_LAYER_ADDRESS);
        assertEquals(24, at);
        assertEquals(0xFEDCBA987654L, option.wrap(buffer, at).address());
    }

    @Test
    void shouldWriteNeighborAdvertisementExactly()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[32]);
        advertisement.wrap(buffer, 0).type(Icmpv6Header.TYPE_NEIGHBOR_ADVERTISEMENT).code(0).checksum(0x1A2B)
            .solicited(true).override(true).target(0x20010DB800010000L, 2L);
        option.wrap(buffer, advertisement.optionsOffset()).ethernet(NdpOptions.TARGET_LINK_LAYER_ADDRESS, 0xFEDCBA987654L);
        assertEquals(Hex.of(bytes(ADVERTISEMENT)), Hex.of(buffer, 0, 32));

        advertisement.router(true).override(false);
        assertEquals("c0000000", Hex.of(buffer, 4, 4));
        advertisement.flags(0x0000_0001).router(true).solicited(false);
        assertEquals("80000001", Hex.of(buffer, 4, 4), "reserved bits kept");
    }

    @Test
    void shouldFindOptionAfterOthers()
    {
        // MTU option (1 unit), then a Prefix Information stand-in of 4 units, then Source Link-Layer Address.
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(
            "05 01 0000 000005dc" + "03 04" + "00".repeat(30) + "01 01 0a0b0c0d0e0f"));
        assertEquals(0, NdpOptions.find(buffer, 0, 48, NdpOptions.MTU));
        assertEquals(40, NdpOptions.find(buffer, 0, 48, NdpOptions.SOURCE_LINK_LAYER_ADDRESS));
        assertEquals(0x0A0B0C0D0E0FL, option.wrap(buffer, 40).address());
        assertEquals(HeaderFault.NONE, NdpOptions.validate(buffer, 0, 48));
    }

    @Test
    void shouldRefuseOptionOfLengthZeroOrPastTheMessage()
    {
        final UnsafeBuffer zero = new UnsafeBuffer(bytes("87 00 0000 00000000 20010db8000100000000000000000002 01 00 02005e100001"));
        assertEquals(HeaderFault.NDP_BAD_OPTION_LENGTH, solicitation.wrap(zero, 0).validate(32));
        assertEquals(-1, NdpOptions.find(zero, 24, 8, NdpOptions.SOURCE_LINK_LAYER_ADDRESS));

        final UnsafeBuffer past = new UnsafeBuffer(bytes("87 00 0000 00000000 20010db8000100000000000000000002 01 02 02005e100001"));
        assertEquals(HeaderFault.NDP_BAD_OPTION_LENGTH, solicitation.wrap(past, 0).validate(32));

        final UnsafeBuffer lone = new UnsafeBuffer(bytes("88 00 0000 00000000 20010db8000100000000000000000002 02"));
        assertEquals(HeaderFault.NDP_BAD_OPTION_LENGTH, advertisement.wrap(lone, 0).validate(25));
    }

    @Test
    void shouldRefuseTruncatedBadCodeAndMulticastTarget()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(SOLICITATION));
        solicitation.wrap(buffer, 0);
        assertEquals(HeaderFault.TRUNCATED, solicitation.validate(23));
        assertEquals(HeaderFault.NONE, solicitation.validate(24), "options are optional");
        solicitation.code(1);
        assertEquals(HeaderFault.NDP_BAD_CODE, solicitation.validate(32));
        solicitation.code(0).target(0xFF02000000000000L, 1L);
        assertEquals(HeaderFault.NDP_MULTICAST_TARGET, solicitation.validate(32));

        final UnsafeBuffer na = new UnsafeBuffer(bytes(ADVERTISEMENT));
        advertisement.wrap(na, 0);
        assertEquals(HeaderFault.TRUNCATED, advertisement.validate(20));
        advertisement.code(3);
        assertEquals(HeaderFault.NDP_BAD_CODE, advertisement.validate(32));
        advertisement.code(0).target(0xFF05000000000000L, 1L);
        assertEquals(HeaderFault.NDP_MULTICAST_TARGET, advertisement.validate(32));
    }
}
