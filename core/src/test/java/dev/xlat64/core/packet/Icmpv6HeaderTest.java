package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Icmpv6HeaderTest
{
    private final Icmpv6Header header = new Icmpv6Header();

    @Test
    void shouldReadEchoRequestFields()
    {
        header.wrap(new UnsafeBuffer(bytes("0000 8000 1234 beef 0007 61")), 2);
        assertEquals(Icmpv6Header.TYPE_ECHO_REQUEST, header.type());
        assertEquals(0, header.code());
        assertEquals(0x1234, header.checksum());
        assertEquals(0xBEEF, header.identifier());
        assertEquals(7, header.sequenceNumber());
        assertEquals(0xBEEF0007, header.restOfHeader());
        assertEquals(10, header.bodyOffset());
    }

    @Test
    void shouldReadPacketTooBigMtu()
    {
        header.wrap(new UnsafeBuffer(bytes("0200 0000 000005c8")), 0);
        assertEquals(Icmpv6Header.TYPE_PACKET_TOO_BIG, header.type());
        assertEquals(1480, header.mtu());
    }

    @Test
    void shouldReadParameterProblemPointerAsThirtyTwoBits()
    {
        header.wrap(new UnsafeBuffer(bytes("0401 0000 00010028")), 0);
        assertEquals(Icmpv6Header.TYPE_PARAMETER_PROBLEM, header.type());
        assertEquals(Icmpv6Header.CODE_UNRECOGNIZED_NEXT_HEADER, header.code());
        assertEquals(0x00010028, header.pointer());
    }

    @Test
    void shouldReadRfc4884LengthFromByteFour()
    {
        header.wrap(new UnsafeBuffer(bytes("0300 0000 10000000")), 0);
        assertEquals(Icmpv6Header.TYPE_TIME_EXCEEDED, header.type());
        assertEquals(16, header.length());
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[9]);
        header.wrap(buffer, 1).type(Icmpv6Header.TYPE_ECHO_REPLY).code(0).checksum(0x0A0B).identifier(0x0102)
            .sequenceNumber(0xFFFF);
        assertEquals("00" + "81000a0b" + "0102ffff", Hex.of(buffer, 0, 9));

        header.type(Icmpv6Header.TYPE_PACKET_TOO_BIG).mtu(1280);
        assertEquals("00" + "02000a0b" + "00000500", Hex.of(buffer, 0, 9));

        header.type(Icmpv6Header.TYPE_PARAMETER_PROBLEM).code(Icmpv6Header.CODE_ERRONEOUS_HEADER_FIELD).pointer(6);
        assertEquals("00" + "04000a0b" + "00000006", Hex.of(buffer, 0, 9));

        header.type(Icmpv6Header.TYPE_DESTINATION_UNREACHABLE).code(Icmpv6Header.CODE_ADDRESS_UNREACHABLE)
            .restOfHeader(0).length(0x11);
        assertEquals("00" + "01030a0b" + "11000000", Hex.of(buffer, 0, 9));
    }

    @Test
    void shouldRefuseFewerThanEightBytes()
    {
        header.wrap(new UnsafeBuffer(new byte[8]), 0);
        assertEquals(HeaderFault.TRUNCATED, header.validate(7));
        assertEquals(HeaderFault.NONE, header.validate(8));
    }

    @Test
    void shouldClassifyTypesBelow128AsErrors()
    {
        assertTrue(Icmpv6Header.isError(Icmpv6Header.TYPE_DESTINATION_UNREACHABLE));
        assertTrue(Icmpv6Header.isError(127));
        assertFalse(Icmpv6Header.isError(Icmpv6Header.TYPE_ECHO_REQUEST));
        assertFalse(Icmpv6Header.isError(Icmpv6Header.TYPE_NEIGHBOR_SOLICITATION));
    }
}
