package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class EthernetHeaderTest
{
    private final EthernetHeader header = new EthernetHeader();

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        header.wrap(new UnsafeBuffer(bytes("aa | 333300000001 | 02005e10ff01 | 86dd | 60")), 1);
        assertEquals(0x333300000001L, header.destination());
        assertEquals(0x02005E10FF01L, header.source());
        assertEquals(EthernetHeader.ETHERTYPE_IPV6, header.etherType());
        assertEquals(15, header.payloadOffset());
        assertEquals(HeaderFault.NONE, header.validate(15));
    }

    @Test
    void shouldReadHighBitAddressesWithoutSignExtension()
    {
        header.wrap(new UnsafeBuffer(bytes("ffffffffffff fedcba987654 0806")), 0);
        assertEquals(MacAddress.BROADCAST, header.destination());
        assertEquals(0xFEDCBA987654L, header.source());
        assertEquals(EthernetHeader.ETHERTYPE_ARP, header.etherType());
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[16]);
        header.wrap(buffer, 1).destination(0x0A0B0C0D0E0FL).source(0xFFFF_F1F2F3F4F5F6L)
            .etherType(EthernetHeader.ETHERTYPE_IPV4);
        assertEquals("00" + "0a0b0c0d0e0f" + "f1f2f3f4f5f6" + "0800" + "00", Hex.of(buffer, 0, 16));
    }

    @Test
    void shouldRefuseFramesShorterThanTheHeader()
    {
        header.wrap(new UnsafeBuffer(new byte[14]), 0);
        assertEquals(HeaderFault.TRUNCATED, header.validate(13));
        assertEquals(HeaderFault.NONE, header.validate(14));
    }
}
