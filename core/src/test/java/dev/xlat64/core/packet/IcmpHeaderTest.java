package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class IcmpHeaderTest
{
    private final IcmpHeader header = new IcmpHeader();

    @Test
    void shouldReadEchoRequestFields()
    {
        header.wrap(new UnsafeBuffer(bytes("00 0800 f7fe 1a2b 8001 6162")), 1);
        assertEquals(IcmpHeader.TYPE_ECHO_REQUEST, header.type());
        assertEquals(0, header.code());
        assertEquals(0xF7FE, header.checksum());
        assertEquals(0x1A2B, header.identifier());
        assertEquals(0x8001, header.sequenceNumber());
        assertEquals(0x1A2B8001, header.restOfHeader());
        assertEquals(9, header.bodyOffset());
        assertEquals(HeaderFault.NONE, header.validate(10));
    }

    @Test
    void shouldReadFragmentationNeededWithRfc4884LengthAndNextHopMtu()
    {
        header.wrap(new UnsafeBuffer(bytes("0304 c0de 00 07 05d4")), 0);
        assertEquals(IcmpHeader.TYPE_DESTINATION_UNREACHABLE, header.type());
        assertEquals(IcmpHeader.CODE_FRAGMENTATION_NEEDED, header.code());
        assertEquals(7, header.length());
        assertEquals(1492, header.nextHopMtu());
        assertEquals(0x000705D4, header.restOfHeader());
    }

    @Test
    void shouldReadParameterProblemPointer()
    {
        header.wrap(new UnsafeBuffer(bytes("0c00 0000 0c 0b 0000")), 0);
        assertEquals(IcmpHeader.TYPE_PARAMETER_PROBLEM, header.type());
        assertEquals(12, header.pointer());
        assertEquals(11, header.length());
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[9]);
        header.wrap(buffer, 1).type(IcmpHeader.TYPE_ECHO_REPLY).code(0).checksum(0xFFFE).identifier(0xABCD)
            .sequenceNumber(0x0102);
        assertEquals("00" + "0000fffe" + "abcd0102", Hex.of(buffer, 0, 9));

        header.type(IcmpHeader.TYPE_DESTINATION_UNREACHABLE).code(IcmpHeader.CODE_FRAGMENTATION_NEEDED)
            .restOfHeader(0).length(0x22).nextHopMtu(1480);
        assertEquals("00" + "0304fffe" + "002205c8", Hex.of(buffer, 0, 9));

        header.type(IcmpHeader.TYPE_PARAMETER_PROBLEM).code(0).restOfHeader(0).pointer(9);
        assertEquals("00" + "0c00fffe" + "09000000", Hex.of(buffer, 0, 9));

        header.restOfHeader(0xCAFEF00D);
        assertEquals("cafef00d", Hex.of(buffer, 5, 4));
    }

    @Test
    void shouldRefuseFewerThanEightBytes()
    {
        header.wrap(new UnsafeBuffer(new byte[8]), 0);
        assertEquals(HeaderFault.TRUNCATED, header.validate(7));
        assertEquals(HeaderFault.NONE, header.validate(8));
    }

    @Test
    void shouldClassifyErrorTypes()
    {
        assertTrue(IcmpHeader.isError(IcmpHeader.TYPE_DESTINATION_UNREACHABLE));
        assertTrue(IcmpHeader.isError(IcmpHeader.TYPE_TIME_EXCEEDED));
        assertTrue(IcmpHeader.isError(IcmpHeader.TYPE_PARAMETER_PROBLEM));
        assertTrue(IcmpHeader.isError(IcmpHeader.TYPE_SOURCE_QUENCH));
        assertTrue(IcmpHeader.isError(IcmpHeader.TYPE_REDIRECT));
        assertFalse(IcmpHeader.isError(IcmpHeader.TYPE_ECHO_REQUEST));
        assertFalse(IcmpHeader.isError(IcmpHeader.TYPE_ECHO_REPLY));
        assertFalse(IcmpHeader.isError(IcmpHeader.TYPE_TIMESTAMP));
    }
}
