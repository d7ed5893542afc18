package dev.xlat64.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Ipv4HeaderTest
{
    private static final int AT = 3; // odd offset: catches alignment assumptions and offset mix-ups

    /** IHL 6 (one word of options: NOP NOP NOP EOL), DF and MF with offset 5, 8 bytes of payload. */
    private static final String PACKET =
        "46 b8 0020 | 1c46 6005 | 3f 11 abcd | c633640a | cb007105 | 01010100 | 0102030405060708";

    private final Ipv4Header header = new Ipv4Header();

    private static UnsafeBuffer at(final String hex, final int extra)
    {
        return Hex.bufferAt(AT, hex, extra);
    }

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        header.wrap(at(PACKET, 0), AT);

        assertEquals(4, header.version());
        assertEquals(6, header.ihl());
        assertEquals(24, header.headerLength());
        assertEquals(0xB8, header.tos());
        assertEquals(32, header.totalLength());
        assertEquals(0x1C46, header.identification());
        assertEquals(0x6005, header.flagsAndFragmentOffset());
        assertTrue(header.dontFragment());
        assertTrue(header.moreFragments());
        assertEquals(5, header.fragmentOffset());
        assertTrue(header.isFragment());
        assertEquals(63, header.ttl());
        assertEquals(IpProtocol.UDP, header.protocol());
        assertEquals(0xABCD, header.headerChecksum());
        assertEquals(0xC633640A, header.source());
        assertEquals(0xCB007105, header.destination());
        assertEquals(AT + 20, header.optionsOffset());
        assertEquals(4, header.optionsLength());
        assertEquals(AT + 24, header.payloadOffset());
        assertEquals(HeaderFault.NONE, header.validate(32));
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AT + 20]);
        header.wrap(buffer, AT)
            .version(4).ihl(5).tos(0x2E).totalLength(0x05DC).identification(0xBEEF)
            .dontFragment(true).fragmentOffset(0x1ABC).moreFragments(true)
            .ttl(255).protocol(IpProtocol.TCP).headerChecksum(0x1234)
            .source(0xC6336401).destination(0xCB00710A);

        assertEquals("452e05dc" + "beef7abc" + "ff061234" + "c6336401" + "cb00710a", Hex.of(buffer, AT, 20));
        assertEquals(0, buffer.getByte(AT - 1), "nothing written before the header");
    }

    @Test
    void shouldKeepNeighbouringBitsWhenSettingPackedFields()
    {
        final UnsafeBuffer buffer = at(PACKET, 0);
        header.wrap(buffer, AT);

        header.version(15);
        assertEquals(6, header.ihl());
        header.ihl(15);
        assertEquals(15, header.version());
        assertEquals(0xFF, buffer.getByte(AT) & 0xFF);

        header.fragmentOffset(0x1FFF);
        assertEquals(0x7FFF, header.flagsAndFragmentOffset());
        header.dontFragment(false);
        assertEquals(0x3FFF, header.flagsAndFragmentOffset());
        header.moreFragments(false);
        assertEquals(0x1FFF, header.flagsAndFragmentOffset());
        header.fragmentOffset(0);
        assertEquals(0, header.flagsAndFragmentOffset());
        assertFalse(header.isFragment());
        header.flagsAndFragmentOffset(Ipv4Header.FLAG_RESERVED | Ipv4Header.FLAG_DF);
        header.fragmentOffset(1);
        assertEquals(0xC001, header.flagsAndFragmentOffset(), "reserved and DF bits kept");
        assertTrue(header.isFragment());
    }

    @Test
    void shouldAcceptLinkPaddingBeyondTotalLength()
    {
        assertEquals(HeaderFault.NONE, header.wrap(at(PACKET, 14), AT).validate(46));
    }

    @Test
    void shouldRefuseFewerThanTwentyBytes()
    {
        assertEquals(HeaderFault.TRUNCATED, header.wrap(at(PACKET, 0), AT).validate(19));
        assertEquals(HeaderFault.TRUNCATED, header.wrap(at(PACKET, 0), AT).validate(0));
    }

    @Test
    void shouldRefuseVersionOtherThanFour()
    {
        assertEquals(HeaderFault.BAD_VERSION, header.wrap(at("66" + PACKET.substring(2), 0), AT).validate(32));
    }

    @Test
    void shouldRefuseIhlBelowFive()
    {
        assertEquals(HeaderFault.BAD_IHL, header.wrap(at("44" + PACKET.substring(2), 0), AT).validate(32));
        assertEquals(HeaderFault.BAD_IHL, header.wrap(at("40" + PACKET.substring(2), 0), AT).validate(32));
    }

    @Test
    void shouldRefuseIhlPastTheEndOfThePacket()
    {
        // IHL 6 = 24 bytes of header, but only 22 bytes arrived.
        assertEquals(HeaderFault.IHL_EXCEEDS_PACKET, header.wrap(at(PACKET, 0), AT).validate(22));
        // IHL 15 = 60 bytes in a 32-byte packet.
        assertEquals(HeaderFault.IHL_EXCEEDS_PACKET, header.wrap(at("4f" + PACKET.substring(2), 0), AT).validate(32));
    }

    @Test
    void shouldRefuseTotalLengthShorterThanHeader()
    {
        final UnsafeBuffer buffer = at(PACKET, 0);
        header.wrap(buffer, AT).totalLength(23);
        assertEquals(HeaderFault.TOTAL_LENGTH_TOO_SHORT, header.validate(32));
        header.totalLength(24);
        assertEquals(HeaderFault.NONE, header.validate(32), "a header without payload is fine");
    }

    @Test
    void shouldRefuseTotalLengthThatClaimsMoreThanArrived()
    {
        final UnsafeBuffer buffer = at(PACKET, 0);
        header.wrap(buffer, AT).totalLength(33);
        assertEquals(HeaderFault.TOTAL_LENGTH_EXCEEDS_PACKET, header.validate(32));
        header.totalLength(0xFFFF);
        assertEquals(HeaderFault.TOTAL_LENGTH_EXCEEDS_PACKET, header.validate(32));
    }

    @Test
    void shouldRefuseOptionWithLengthBelowTwo()
    {
        // option type 7 (record route) with length 1.
        assertEquals(HeaderFault.BAD_IPV4_OPTION,
            header.wrap(at("46000020 00000000 40110000 c633640a cb007105 07010000 0000000000000000", 0), AT).validate(32));
    }

    @Test
    void shouldRefuseOptionRunningPastTheHeader()
    {
        // record route claiming 8 bytes in a 4-byte options area.
        assertEquals(HeaderFault.BAD_IPV4_OPTION,
            header.wrap(at("46000020 00000000 40110000 c633640a cb007105 07080400 0000000000000000", 0), AT).validate(32));
        // a multi-byte option type in the very last byte, with no room for its length.
        assertEquals(HeaderFault.BAD_IPV4_OPTION,
            header.wrap(at("46000020 00000000 40110000 c633640a cb007105 01010107 0000000000000000", 0), AT).validate(32));
    }

    @Test
    void shouldIgnoreBytesAfterEndOfOptionList()
    {
        assertEquals(HeaderFault.NONE,
            header.wrap(at("46000020 00000000 40110000 c633640a cb007105 00ff01ff 0000000000000000", 0), AT).validate(32));
    }

    @Test
    void shouldFindUnexpiredLooseSourceRoute()
    {
        // NOP, LSRR length 7 pointer 4 (one address left: 198.51.100.1), EOL... IHL 8 = 12 option bytes.
        final String lsrr = "48000020 00000000 40110000 c633640a cb007105 01 83 07 04 c6336401 00 000000 00000000";
        header.wrap(at(lsrr, 0), AT);
        assertEquals(HeaderFault.NONE, header.validate(32));
        assertTrue(header.hasUnexpiredSourceRoute());
        assertEquals(AT + 21, Ipv4Options.findOption(header.buffer(), header.optionsOffset(), 12, 0x83));
    }

    @Test
    void shouldNotCountExhaustedOrAbsentSourceRoute()
    {
        // SSRR length 7 pointer 8: the route is used up (pointer > length).
        final String ssrr = "48000020 00000000 40110000 c633640a cb007105 01 89 07 08 c6336401 00 000000 00000000";
        header.wrap(at(ssrr, 0), AT);
        assertEquals(HeaderFault.NONE, header.validate(32));
        assertFalse(header.hasUnexpiredSourceRoute());

        header.wrap(at(PACKET, 0), AT);
        assertFalse(header.hasUnexpiredSourceRoute());
        assertEquals(-1, Ipv4Options.findOption(header.buffer(), header.optionsOffset(), 4, 0x83));
    }

    @Test
    void shouldFindStrictSourceRouteWithPointerAtLastAddress()
    {
        // SSRR length 11 pointer 8: the second address is still to be visited.
        final String ssrr = "48000020 00000000 40110000 c633640a cb007105 89 0b 08 c6336401 c6336402 00";
        header.wrap(at(ssrr, 0), AT);
        assertEquals(HeaderFault.NONE, header.validate(32));
        assertTrue(header.hasUnexpiredSourceRoute());
    }
}
