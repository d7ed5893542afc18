package dev.xlat64.core.packet;

import static dev.xlat64.core.testing.Hex.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class ArpPacketTest
{
    /** Who has 198.51.100.10? Tell 198.51.100.1 (02:00:5e:10:00:01). */
    private static final String REQUEST =
        "0001 0800 06 04 0001 | 02005e100001 c6336401 | 000000000000 c633640a";

    private final ArpPacket arp = new ArpPacket();

    @Test
    void shouldReadEveryFieldOfARequest()
    {
        arp.wrap(new UnsafeBuffer(bytes("ee" + REQUEST)), 1);
        assertEquals(ArpPacket.HARDWARE_TYPE_ETHERNET, arp.hardwareType());
        assertEquals(EthernetHeader.ETHERTYPE_IPV4, arp.protocolType());
        assertEquals(6, arp.hardwareLength());
        assertEquals(4, arp.protocolLength());
        assertEquals(ArpPacket.OPERATION_REQUEST, arp.operation());
        assertEquals(0x02005E100001L, arp.senderHardwareAddress());
        assertEquals(0xC6336401, arp.senderProtocolAddress());
        assertEquals(0L, arp.targetHardwareAddress());
        assertEquals(0xC633640A, arp.targetProtocolAddress());
        assertEquals(HeaderFault.NONE, arp.validate(28));
    }

    @Test
    void shouldWriteAReplyExactly()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[29]);
        arp.wrap(buffer, 1).ethernetIpv4().operation(ArpPacket.OPERATION_REPLY)
            .senderHardwareAddress(0xFEDCBA987654L).senderProtocolAddress(0xC633640A)
            .targetHardwareAddress(0x02005E100001L).targetProtocolAddress(0xC6336401);
        assertEquals("00" + "0001080006040002" + "fedcba987654c633640a" + "02005e100001c6336401", Hex.of(buffer, 0, 29));
    }

    @Test
    void shouldWriteEachFixedFieldOnItsOwn()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[28]);
        arp.wrap(buffer, 0).hardwareType(0x1234).protocolType(0x5678).hardwareLength(0x9A).protocolLength(0xBC);
        assertEquals("123456789abc", Hex.of(buffer, 0, 6));
    }

    @Test
    void shouldRefuseTruncatedOrNonEthernetIpv4Packets()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes(REQUEST));
        arp.wrap(buffer, 0);
        assertEquals(HeaderFault.TRUNCATED, arp.validate(27));
        arp.hardwareType(6); // IEEE 802
        assertEquals(HeaderFault.ARP_UNSUPPORTED_FORMAT, arp.validate(28));
        arp.hardwareType(1).protocolType(0x86DD);
        assertEquals(HeaderFault.ARP_UNSUPPORTED_FORMAT, arp.validate(28));
        arp.protocolType(0x0800).hardwareLength(8);
        assertEquals(HeaderFault.ARP_UNSUPPORTED_FORMAT, arp.validate(28));
        arp.hardwareLength(6).protocolLength(16);
        assertEquals(HeaderFault.ARP_UNSUPPORTED_FORMAT, arp.validate(28));
        arp.protocolLength(4);
        assertEquals(HeaderFault.NONE, arp.validate(28));
    }
}
