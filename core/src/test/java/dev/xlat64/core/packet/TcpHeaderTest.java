package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class TcpHeaderTest
{
    private final TcpHeader header = new TcpHeader();

    /** Data offset 6 (MSS option 1460), SYN|ACK|ECE, sequence and ack above 2^31. */
    private static final String SEGMENT =
        "c350 0050 | 89abcdef | fedcba98 | 6052 7210 | 1a2b 0003 | 020405b4";

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        header.wrap(new UnsafeBuffer(bytes("0000 0000 00" + SEGMENT)), 5);
        assertEquals(50000, header.sourcePort());
        assertEquals(80, header.destinationPort());
        assertEquals(0x89ABCDEFL, header.sequenceNumber());
        assertEquals(0xFEDCBA98L, header.acknowledgmentNumber());
        assertEquals(6, header.dataOffset());
        assertEquals(24, header.headerLength());
        assertEquals(TcpHeader.SYN | TcpHeader.ACK | TcpHeader.ECE, header.flags());
        assertTrue(header.hasFlag(TcpHeader.SYN));
        assertFalse(header.hasFlag(TcpHeader.FIN));
        assertEquals(0x7210, header.window());
        assertEquals(0x1A2B, header.checksum());
        assertEquals(3, header.urgentPointer());
        assertEquals(HeaderFault.NONE, header.validate(24));
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[21]);
        header.wrap(buffer, 1).sourcePort(1234).destinationPort(443).sequenceNumber(0xFFFFFFFFL)
            .acknowledgmentNumber(0x80000001L).dataOffset(5)
            .flags(TcpHeader.NS | TcpHeader.CWR | TcpHeader.URG | TcpHeader.PSH | TcpHeader.RST | TcpHeader.FIN)
            .window(65535).checksum(0x0102).urgentPointer(0xA0B0);
        assertEquals("00" + "04d201bb" + "ffffffff" + "80000001" + "51adffff" + "0102a0b0", Hex.of(buffer, 0, 21));
    }

    @Test
    void shouldKeepDataOffsetAndReservedBitsWhenSettingFlags()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(SEGMENT));
        header.wrap(buffer, 0);
        buffer.putByte(12, (byte)0x6E); // data offset 6, reserved bits 111, NS 0
        header.flags(TcpHeader.FIN);
        assertEquals("6e01", Hex.of(buffer, 12, 2));
        header.flags(0xFFFF); // only 9 bits land
        assertEquals("6fff", Hex.of(buffer, 12, 2));
        header.dataOffset(15);
        assertEquals("ffff", Hex.of(buffer, 12, 2));
        header.dataOffset(0);
        assertEquals("0fff", Hex.of(buffer, 12, 2));
        assertEquals(0x1FF, header.flags());
    }

    @Test
    void shouldRefuseTruncatedHeaderAndBadDataOffset()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(SEGMENT));
        header.wrap(buffer, 0);
        assertEquals(HeaderFault.TRUNCATED, header.validate(19));
        assertEquals(HeaderFault.DATA_OFFSET_EXCEEDS_PACKET, header.validate(23));
        header.dataOffset(4);
        assertEquals(HeaderFault.BAD_DATA_OFFSET, header.validate(24));
        header.dataOffset(5);
        assertEquals(HeaderFault.NONE, header.validate(20));
    }
}
