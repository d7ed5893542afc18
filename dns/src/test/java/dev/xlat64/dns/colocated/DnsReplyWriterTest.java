package dev.xlat64.dns.colocated;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.testing.Hex;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class DnsReplyWriterTest
{
    /** A 19-byte DNS message (odd length: the checksum pads it with a zero byte). */
    private static final String DNS = "12348180000100000000000001610000010001";

    private final DnsReplyWriter writer = new DnsReplyWriter();
    private final UnsafeBuffer out = new UnsafeBuffer(new byte[256]);

    @Test
    void shouldWriteIpv6AnswerWithSwappedAddressesAndPortsLengthsHopLimitAndChecksum()
    {
        final QueryOrigin origin = new QueryOrigin().ipv6(
            Ipv6Address.parseHigh("2001:db8:1::2"), Ipv6Address.parseLow("2001:db8:1::2"), 40000,
            Ipv6Address.parseHigh("2001:db8:1::1"), Ipv6Address.parseLow("2001:db8:1::1"), 53);

        final int length = writer.write(out, 7, origin, dns());

        // version 6, TC 0, flow 0 | payload length 27 | UDP | hop limit 64 | src ::1 | dst ::2 |
        // UDP 53 -> 40000, length 27, checksum 0x70b5 (computed independently) | the DNS bytes.
        assertEquals("60000000" + "001b" + "11" + "40" +
            "20010db8000100000000000000000001" + "20010db8000100000000000000000002" +
            "0035" + "9c40" + "001b" + "70b5" + DNS, Hex.of(out, 7, length));
    }

    @Test
    void shouldWriteIpv4AnswerWithDontFragmentTtl64AndBothChecksums()
    {
        final QueryOrigin origin = new QueryOrigin().ipv4(
            Ipv4Address.parse("203.0.113.2"), 40001, Ipv4Address.parse("198.51.100.1"), 53);

        final int length = writer.write(out, 0, origin, dns());

        // IHL 5, TOS 0, total 47, id 0, DF, TTL 64, UDP, header checksum 0xd486 | UDP checksum 0x65f3.
        assertEquals("4500002f" + "00004000" + "4011d486" + "c6336401" + "cb007102" +
            "0035" + "9c41" + "001b" + "65f3" + DNS, Hex.of(out, 0, length));
    }

    @Test
    void shouldSendAComputedZeroChecksumAsAllOnes()
    {
        // Find a 2-byte payload whose UDP checksum computes to zero by choosing the payload to cancel the rest.
        final QueryOrigin origin = new QueryOrigin().ipv4(
            Ipv4Address.parse("203.0.113.2"), 40001, Ipv4Address.parse("198.51.100.1"), 53);
        final ByteBuffer zeroWord = ByteBuffer.wrap(new byte[2]);
        writer.write(out, 0, origin, zeroWord);
        final int checksumWithZeroPayload = out.getShort(26, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF;
        // Payload word w adds w to the sum; the sum s has checksum ~s. Adding w = checksum makes the sum all ones,
        // so the complement is zero.
        final ByteBuffer cancelling = ByteBuffer.allocate(2).putShort(0, (short)checksumWithZeroPayload);

        writer.write(out, 0, origin, cancelling);

        assertEquals(0xFFFF, out.getShort(26, java.nio.ByteOrder.BIG_ENDIAN) & 0xFFFF);
    }

    private static ByteBuffer dns()
    {
        return ByteBuffer.wrap(Hex.bytes(DNS));
    }
}
