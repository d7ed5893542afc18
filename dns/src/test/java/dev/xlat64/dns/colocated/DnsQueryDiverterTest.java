package dev.xlat64.dns.colocated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.testing.Hex;
import dev.xlat64.core.testing.PacketBuilder;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

class DnsQueryDiverterTest
{
    private static final byte[] DNS = new byte[20];

    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(8192 + RingBufferDescriptor.TRAILER_LENGTH)));
    private final ColocatedDnsCounters counters = new ColocatedDnsCounters(CounterSet.inMemoryManager(16));
    private final DnsQueryDiverter diverter = new DnsQueryDiverter(ring,
        List.of(new InetSocketAddress(address("2001:db8:1::1"), 53), new InetSocketAddress(address("198.51.100.1"), 53)),
        List.of(address("2001:db8:1::1"), address("198.51.100.1"), address("198.51.100.7")), counters);

    @Test
    void shouldCopyAnIpv6QueryToTheListenAddressWholeIntoTheRing()
    {
        final byte[] packet = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(40000, 53).payload(DNS).build();

        assertTrue(divert(Family.IPV6, packet));

        assertEquals(List.of(Hex.of(packet)), drain(), "the ring holds the IP packet, byte for byte");
        assertEquals(1, counters.get(ColocatedDnsCounter.DIVERTED));
        assertEquals(0, counters.get(ColocatedDnsCounter.LOCAL));
    }

    @Test
    void shouldCopyAnIpv4QueryIntoTheRing()
    {
        final byte[] packet = PacketBuilder.ipv4("203.0.113.2", "198.51.100.1").udp(40001, 53).payload(DNS).build();

        assertTrue(divert(Family.IPV4, packet));

        assertEquals(List.of(Hex.of(packet)), drain());
        assertEquals(1, counters.get(ColocatedDnsCounter.DIVERTED));
    }

    @Test
    void shouldLeaveOtherPacketsToTheGatewayToTheKernelWithoutQueueingThem()
    {
        final List<byte[]> local = List.of(
            // an upstream answer to the agent's kernel socket
            PacketBuilder.ipv4("198.51.100.10", "198.51.100.1").udp(53, 40123).payload(DNS).build(),
            // another own address
            PacketBuilder.ipv4("198.51.100.10", "198.51.100.7").udp(53, 40123).payload(DNS).build(),
            // TCP/53: the kernel's (a kernel socket serves it), not the pipeline's
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").tcp(40000, 53).build(),
            // UDP to another port
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(40000, 54).payload(DNS).build(),
            // a fragmented IPv4 query
            PacketBuilder.ipv4("203.0.113.2", "198.51.100.1").udp(40001, 53).payload(DNS).moreFragments(true).build(),
            // an IPv6 query behind an extension header
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").destinationOptions().udp(40000, 53).payload(DNS).build(),
            // a UDP length that disagrees with the IP length
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(40000, 53).payload(DNS).udpLength(20).build(),
            // shorter than a DNS header
            PacketBuilder.ipv4("203.0.113.2", "198.51.100.1").udp(40001, 53).payload(new byte[11]).build(),
            // ping to the gateway
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").icmpEchoRequest(1, 1).build());

        for (final byte[] packet : local)
        {
            assertTrue(divert(((packet[0] >> 4) & 0xF) == 6 ? Family.IPV6 : Family.IPV4, packet));
        }

        assertEquals(List.of(), drain());
        assertEquals(local.size(), counters.get(ColocatedDnsCounter.LOCAL));
        assertEquals(0, counters.get(ColocatedDnsCounter.DIVERTED));
    }

    @Test
    void shouldLetPacketsForOtherAddressesPassToTranslation()
    {
        assertFalse(divert(Family.IPV6,
            PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").udp(40000, 53).payload(DNS).build()));
        assertFalse(divert(Family.IPV4,
            PacketBuilder.ipv4("198.51.100.10", "203.0.113.2").udp(53, 40000).payload(DNS).build()));

        assertEquals(List.of(), drain());
        assertEquals("", counters.toString());
    }

    @Test
    void shouldCountAQueryDroppedWhenTheRingIsFull()
    {
        final byte[] packet = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(40000, 53).payload(new byte[900]).build();
        for (int i = 0; i < 10; i++)
        {
            assertTrue(divert(Family.IPV6, packet));
        }
        final int written = drain().size();

        assertEquals(written, counters.get(ColocatedDnsCounter.DIVERTED));
        assertEquals(10 - written, counters.get(ColocatedDnsCounter.RING_FULL));
        assertEquals(8, written, "8192 bytes hold eight 948-byte packets with their 8-byte record headers (960 each)");
    }

    @Test
    void shouldCountAQueryLongerThanARingMessageAsDroppedNotThrow()
    {
        final byte[] packet = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:1::1").udp(40000, 53).payload(new byte[1100]).build();

        assertTrue(divert(Family.IPV6, packet));

        assertEquals(List.of(), drain());
        assertEquals(1, counters.get(ColocatedDnsCounter.QUERY_TOO_LONG));
    }

    private boolean divert(final Family family, final byte[] packet)
    {
        // At an odd offset in a larger buffer, as on an RX ring.
        final UnsafeBuffer frame = new UnsafeBuffer(new byte[packet.length + 33]);
        frame.putBytes(17, packet);
        return diverter.divert(family, frame, 17, packet.length);
    }

    /** @return the ring's messages as hex. */
    private List<String> drain()
    {
        final List<String> messages = new ArrayList<>();
        ring.read((type, buffer, index, length) ->
        {
            assertEquals(DnsQueryDiverter.MSG_QUERY, type);
            messages.add(Hex.of(buffer, index, length));
        });
        return messages;
    }

    private static InetAddress address(final String text)
    {
        try
        {
            return InetAddress.getByName(text);
        }
        catch (final java.net.UnknownHostException ex)
        {
            throw new IllegalArgumentException(ex);
        }
    }
}
