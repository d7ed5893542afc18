package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class UdpHeaderTest
{
    private final UdpHeader header = new UdpHeader();

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        header.wrap(new UnsafeBuffer(bytes("00 | d431 0035 000c 8a5f | 01020304")), 1);
        assertEquals(54321, header.sourcePort());
        assertEquals(53, header.destinationPort());
        assertEquals(12, header.length());
        assertEquals(0x8A5F, header.checksum());
        assertEquals(HeaderFault.NONE, header.validate(12));
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[9]);
        header.wrap(buffer, 1).sourcePort(0xFFFF).destinationPort(0x1389).length(0x05C8).checksum(0xBEEF);
        assertEquals("00ffff138905c8beef", Hex.of(buffer, 0, 9));
    }

    @Test
    void shouldRefuseTruncatedHeaderAndLyingLength()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes("d431 0035 000c 0000 01020304"));
        header.wrap(buffer, 0);
        assertEquals(HeaderFault.TRUNCATED, header.validate(7));
        assertEquals(HeaderFault.UDP_LENGTH_EXCEEDS_PACKET, header.validate(11));
        header.length(7);
        assertEquals(HeaderFault.UDP_LENGTH_TOO_SHORT, header.validate(12));
        header.length(8);
        assertEquals(HeaderFault.NONE, header.validate(12), "shorter than the IP payload is allowed");
    }
}
