package dev.xlat64.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Ipv6ExtensionHeadersTest
{
    private static final int AT = 7;
    private static final String ADDRESSES = "20010db8000100000000000000000002" + "20010db8006400000000000000c63364";

    private final Ipv6ExtensionHeaders walker = new Ipv6ExtensionHeaders();

    private static String ipv6(final int nextHeader, final int payloadLength)
    {
        return String.format("60000000%04x%02x40", payloadLength, nextHeader) + ADDRESSES;
    }

    private static UnsafeBuffer at(final String hex)
    {
        return Hex.bufferAt(AT, hex, 0);
    }

    private HeaderFault walk(final String hex)
    {
        final UnsafeBuffer buffer = at(hex);
        return walker.walk(buffer, AT, buffer.capacity() - AT);
    }

    @Test
    void shouldStopRightAfterTheFixedHeaderWithoutExtensions()
    {
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.UDP, 8) + "0035003500080000"));
        assertEquals(IpProtocol.UDP, walker.upperLayerProtocol());
        assertEquals(AT + 40, walker.upperLayerOffset());
        assertEquals(-1, walker.fragmentHeaderOffset());
        assertEquals(-1, walker.routingHeaderOffset());
        assertEquals(0, walker.routingSegmentsLeft());
        assertEquals(0, walker.extensionBytes());
        assertEquals(0, walker.headerCount());
    }

    @Test
    void shouldWalkHopByHopRoutingFragmentAndDestinationOptions()
    {
        final String chain =
            "2b00 01040000 0000" +                                  // HBH -> Routing, 8 bytes, PadN
            "2c02 0002 00000000 20010db8000000000000000000000001" + // Routing type 0, 24 bytes, segments left 2
            "3c00 0001 12345678" +                                  // Fragment -> DestOpts, offset 0, M
            "0601 010c 000000000000000000000000" +               // DestOpts -> TCP, 16 bytes, PadN
            "0050 0050 00000000 00000000 5002 ffff 0000 0000";      // TCP
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.HOPOPT, 76) + chain));

        assertEquals(IpProtocol.TCP, walker.upperLayerProtocol());
        assertEquals(AT + 40 + 56, walker.upperLayerOffset());
        assertEquals(AT + 40 + 32, walker.fragmentHeaderOffset());
        assertEquals(AT + 40 + 8, walker.routingHeaderOffset());
        assertEquals(2, walker.routingSegmentsLeft());
        assertEquals(56, walker.extensionBytes());
        assertEquals(4, walker.headerCount());
    }

    @Test
    void shouldStopAtNonFirstFragmentBecauseWhatFollowsIsData()
    {
        // Fragment offset 1 (8 bytes), next header DestOpts: the data after it must not be parsed as a header,
        // here it would claim 0xff * 8 bytes and fail the walk.
        final String fragment = "3c00 0009 00000001" + "11ff000000000000";
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.FRAGMENT, 16) + fragment));
        assertEquals(IpProtocol.DESTINATION_OPTIONS, walker.upperLayerProtocol());
        assertEquals(AT + 48, walker.upperLayerOffset());
        assertEquals(AT + 40, walker.fragmentHeaderOffset());
        assertEquals(8, walker.extensionBytes());
    }

    @Test
    void shouldWalkPastFirstFragmentToTheUpperLayer()
    {
        final String fragment = "11 00 0001 00000001" + "1234 0035 0010 0000";
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.FRAGMENT, 16) + fragment));
        assertEquals(IpProtocol.UDP, walker.upperLayerProtocol());
        assertEquals(AT + 48, walker.upperLayerOffset());
    }

    @Test
    void shouldAcceptChainEndingExactlyAtThePacketEndWithNoNextHeader()
    {
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 8) + "3b00 01040000 0000"));
        assertEquals(IpProtocol.NO_NEXT_HEADER, walker.upperLayerProtocol());
        assertEquals(AT + 48, walker.upperLayerOffset());
    }

    @Test
    void shouldRefuseHeaderRunningPastThePacket()
    {
        // DestOpts says 2 units (24 bytes) but only 16 bytes follow.
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED,
            walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 16) + "1102 00000000 0000 0000000000000000"));
        // Fewer than the 8 bytes any extension header needs.
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED, walk(ipv6(IpProtocol.ROUTING, 4) + "11000000"));
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED, walk(ipv6(IpProtocol.FRAGMENT, 0)));
    }

    @Test
    void shouldRefuseHeaderRunningPastPayloadLengthEvenWhenBytesFollow()
    {
        // Payload length 8, the DestOpts header says 16 bytes, and 16 bytes arrived (link padding or a lie).
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED,
            walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 8) + "1101 01060000 00000000 0000000000000000"));
    }

    @Test
    void shouldNotReadBeyondAvailableBytesWhenPayloadLengthLies()
    {
        final UnsafeBuffer buffer = at(ipv6(IpProtocol.DESTINATION_OPTIONS, 0xFFFF) + "3c00 01040000 0000" + "3c00 0104");
        // 12 bytes after the header: the second header is cut off.
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED, walker.walk(buffer, AT, 52));
    }

    @Test
    void shouldRefuseFewerThanFortyBytes()
    {
        final UnsafeBuffer buffer = at(ipv6(IpProtocol.UDP, 0));
        assertEquals(HeaderFault.TRUNCATED, walker.walk(buffer, AT, 39));
    }

    @Test
    void shouldAcceptEightHeadersAndRefuseNine()
    {
        final String destOpts = "3c00 01040000 0000";
        final String last = "3b00 01040000 0000";
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 64) + destOpts.repeat(7) + last));
        assertEquals(8, walker.headerCount());
        assertEquals(64, walker.extensionBytes());

        assertEquals(HeaderFault.EXTENSION_CHAIN_TOO_LONG,
            walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 72) + destOpts.repeat(8) + last));
    }

    @Test
    void shouldEndAnEndlessChainOfDestinationOptions()
    {
        // 8 KiB of Destination Options headers, each naming another one.
        final String endless = "3c00 01040000 0000".repeat(1024);
        assertEquals(HeaderFault.EXTENSION_CHAIN_TOO_LONG, walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 8192) + endless));
        // Shorter than the bound: it runs off the packet end instead.
        assertEquals(HeaderFault.EXTENSION_CHAIN_TRUNCATED,
            walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 24) + "3c00 01040000 0000".repeat(3)));
    }

    @Test
    void shouldRefuseHopByHopAfterAnotherHeader()
    {
        assertEquals(HeaderFault.HOP_BY_HOP_NOT_FIRST,
            walk(ipv6(IpProtocol.DESTINATION_OPTIONS, 16) + "0000 01040000 0000" + "3b00 01040000 0000"));
    }

    @Test
    void shouldRefuseSecondFragmentHeader()
    {
        assertEquals(HeaderFault.DUPLICATE_FRAGMENT_HEADER,
            walk(ipv6(IpProtocol.FRAGMENT, 24) + "2c00 0000 00000001" + "1100 0000 00000002" + "0000000000000000"));
    }

    @Test
    void shouldReportFirstRoutingHeaderWithSegmentsLeft()
    {
        final String exhausted = "2b00 0000 00000000";  // routing -> routing, segments left 0
        final String active = "3b00 0003 00000000";     // routing -> no next header, segments left 3
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.ROUTING, 16) + exhausted + active));
        assertEquals(AT + 48, walker.routingHeaderOffset());
        assertEquals(3, walker.routingSegmentsLeft());

        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.ROUTING, 16) + "2b00 0001 00000000" + active));
        assertEquals(AT + 40, walker.routingHeaderOffset());
        assertEquals(1, walker.routingSegmentsLeft());

        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.ROUTING, 16) + exhausted + "3b00 0000 00000000"));
        assertEquals(AT + 40, walker.routingHeaderOffset(), "all exhausted: the first one");
        assertEquals(0, walker.routingSegmentsLeft());
    }

    @Test
    void shouldResetStateBetweenWalks()
    {
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.FRAGMENT, 16) + "2b00 0001 00000001" + "3b00 0002 00000000"));
        assertEquals(AT + 40, walker.fragmentHeaderOffset());
        assertEquals(2, walker.routingSegmentsLeft());

        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.ICMPV6, 8) + "8000 0000 00010001"));
        assertEquals(-1, walker.fragmentHeaderOffset());
        assertEquals(-1, walker.routingHeaderOffset());
        assertEquals(0, walker.routingSegmentsLeft());
        assertEquals(IpProtocol.ICMPV6, walker.upperLayerProtocol());
    }

    @Test
    void shouldTreatEspAndAuthenticationHeaderAsUpperLayer()
    {
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.ESP, 8) + "0000000100000001"));
        assertEquals(IpProtocol.ESP, walker.upperLayerProtocol());
        assertEquals(HeaderFault.NONE, walk(ipv6(IpProtocol.AH, 8) + "0601000000000000"));
        assertEquals(IpProtocol.AH, walker.upperLayerProtocol());
    }
}
