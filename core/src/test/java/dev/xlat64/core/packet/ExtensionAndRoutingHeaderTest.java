package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ExtensionAndRoutingHeaderTest
{
    @Test
    void shouldReadAndWriteGenericExtensionHeader()
    {
        final ExtensionHeader header = new ExtensionHeader().wrap(new UnsafeBuffer(bytes("00 3a02 0112 0000")), 1);
        assertEquals(IpProtocol.ICMPV6, header.nextHeader());
        assertEquals(2, header.headerExtensionLength());
        assertEquals(24, header.headerLength());

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[3]);
        new ExtensionHeader().wrap(buffer, 1).nextHeader(IpProtocol.NO_NEXT_HEADER).headerExtensionLength(255);
        assertEquals("003bff", Hex.of(buffer, 0, 3));
        assertEquals(2048, new ExtensionHeader().wrap(buffer, 1).headerLength());
    }

    @Test
    void shouldReadAndWriteRoutingHeader()
    {
        final RoutingHeader header = new RoutingHeader().wrap(new UnsafeBuffer(bytes("06 02 04 03 00000000")), 0);
        assertEquals(IpProtocol.TCP, header.nextHeader());
        assertEquals(2, header.headerExtensionLength());
        assertEquals(24, header.headerLength());
        assertEquals(4, header.routingType());
        assertEquals(3, header.segmentsLeft());

        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[5]);
        new RoutingHeader().wrap(buffer, 1).nextHeader(IpProtocol.UDP).headerExtensionLength(4).routingType(0)
            .segmentsLeft(255);
        assertEquals("00110400ff", Hex.of(buffer, 0, 5));
    }
}
