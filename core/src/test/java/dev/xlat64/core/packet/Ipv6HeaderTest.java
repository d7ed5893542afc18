package dev.xlat64.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class Ipv6HeaderTest
{
    private static final int AT = 5;

    /** Traffic class 0xA7 (straddling bytes 0-1), flow label 0xBCDEF, 8-byte UDP payload, 2001:db8:1::2 -> 2001:db8:64::c633:640a. */
    private static final String PACKET =
        "6a7bcdef 0008 11 40" +
        "20010db8000100000000000000000002" +
        "20010db8006400000000 0000 c633640a" +
        "0102030405060708";

    private final Ipv6Header header = new Ipv6Header();

    private static UnsafeBuffer at(final String hex)
    {
        return Hex.bufferAt(AT, hex, 0);
    }

    @Test
    void shouldReadEveryFieldInNetworkOrder()
    {
        header.wrap(at(PACKET), AT);

        assertEquals(6, header.version());
        assertEquals(0xA7, header.trafficClass());
        assertEquals(0xBCDEF, header.flowLabel());
        assertEquals(8, header.payloadLength());
        assertEquals(IpProtocol.UDP, header.nextHeader());
        assertEquals(64, header.hopLimit());
        assertEquals(0x20010DB800010000L, header.sourceHigh());
        assertEquals(2L, header.sourceLow());
        assertEquals(0x20010DB800640000L, header.destinationHigh());
        assertEquals(0xC633640AL, header.destinationLow());
        assertEquals(AT + 40, header.payloadOffset());
        assertEquals(HeaderFault.NONE, header.validate(48));
    }

    @Test
    void shouldWriteEveryFieldInNetworkOrder()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[AT + 40]);
        header.wrap(buffer, AT)
            .version(6).trafficClass(0x5C).flowLabel(0x12345).payloadLength(0x0578).nextHeader(IpProtocol.ICMPV6)
            .hopLimit(255)
            .source(0xFE80000000000000L, 0x0200_5EFF_FE10_0001L)
            .destination(0xFF02000000000000L, 0x0000_0001_FF10_0001L);

        assertEquals("65c12345" + "05783aff" + "fe800000000000000200" + "5efffe100001" +
            "ff020000000000000000" + "0001ff100001", Hex.of(buffer, AT, 40));
    }

    @Test
    void shouldKeepNeighbouringBitsWhenSettingFirstWordFields()
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[40]);
        header.wrap(buffer, 0).version(6).trafficClass(0xFF).flowLabel(0xFFFFF);
        assertEquals("6fffffff", Hex.of(buffer, 0, 4));
        header.trafficClass(0);
        assertEquals("600fffff", Hex.of(buffer, 0, 4));
        header.trafficClass(0xFF).flowLabel(0);
        assertEquals("6ff00000", Hex.of(buffer, 0, 4));
        header.version(0);
        assertEquals("0ff00000", Hex.of(buffer, 0, 4));
        header.flowLabel(0x1FFFFF); // 21 bits: the extra bit must not leak into the traffic class
        assertEquals("0fffffff", Hex.of(buffer, 0, 4));
        header.trafficClass(0x1AB); // 9 bits: the extra bit must not leak into the version
        assertEquals(0, header.version());
        assertEquals(0xAB, header.trafficClass());
    }

    @Test
    void shouldRefuseFewerThanFortyBytes()
    {
        assertEquals(HeaderFault.TRUNCATED, header.wrap(at(PACKET), AT).validate(39));
    }

    @Test
    void shouldRefuseVersionOtherThanSix()
    {
        assertEquals(HeaderFault.BAD_VERSION, header.wrap(at("4" + PACKET.substring(1)), AT).validate(48));
    }

    @Test
    void shouldRefusePayloadLengthThatClaimsMoreThanArrived()
    {
        final UnsafeBuffer buffer = at(PACKET);
        header.wrap(buffer, AT);
        assertEquals(HeaderFault.PAYLOAD_LENGTH_EXCEEDS_PACKET, header.validate(47));
        header.payloadLength(0xFFFF);
        assertEquals(HeaderFault.PAYLOAD_LENGTH_EXCEEDS_PACKET, header.validate(48));
    }

    @Test
    void shouldAcceptShorterPayloadThanArrived()
    {
        final UnsafeBuffer buffer = at(PACKET);
        header.wrap(buffer, AT).payloadLength(0);
        assertEquals(HeaderFault.NONE, header.validate(48), "link padding after the payload");
    }
}
