package dev.xlat64.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;

class TxAgentTest
{
    private final FakePort port = new FakePort("v4", 0x02AABBCCDDEEL);
    private final RingBuffer fromWorker0 = Rings.ring(128 * 1024);
    private final RingBuffer fromWorker1 = Rings.ring(128 * 1024);
    private final TxCounters counters = new TxCounters(Rings.counters(), "v4");
    private final List<Throwable> logged = new ArrayList<>();
    private NextHopResolver nextHops = NextHopResolver.fixed(0x021122334455L, 0x02667788990AL);

    private TxAgent agent()
    {
        return new TxAgent(1, port, new RingBuffer[] {fromWorker0, fromWorker1}, (p, family, buffer, offset) ->
            nextHops.resolve(p, family, buffer, offset), counters, new CachedNanoClock(), logged::add, 8);
    }

    private static void publish(final RingBuffer ring, final Family family, final byte[]... packets)
    {
        final BatchWriter writer = new BatchWriter(ring, Rings.BATCH_BYTES, 64);
        for (final byte[] packet : packets)
        {
            writer.append(new UnsafeBuffer(packet), 0, packet.length, family);
        }
        writer.commit();
    }

    @Test
    void shouldPrependTheEthernetHeaderAndFlushOncePerDutyCycle()
    {
        final byte[] v4 = Frames.ipv4Udp("cb007102", 5);
        final byte[] v6 = Frames.ipv6Udp("20010db8000100000000000000000002", 6);
        publish(fromWorker0, Family.IPV4, v4, v4);
        publish(fromWorker1, Family.IPV6, v6);

        assertEquals(2, agent().doWork());

        assertEquals(3, port.sent.size());
        assertEquals(1, port.flushes);
        final byte[] expected4 = new byte[14 + v4.length];
        System.arraycopy(Frames.HEX.parseHex("02667788990a" + "02aabbccddee" + "0800"), 0, expected4, 0, 14);
        System.arraycopy(v4, 0, expected4, 14, v4.length);
        assertArrayEquals(expected4, port.sent.get(0));
        assertArrayEquals(expected4, port.sent.get(1));
        final byte[] expected6 = new byte[14 + v6.length];
        System.arraycopy(Frames.HEX.parseHex("021122334455" + "02aabbccddee" + "86dd"), 0, expected6, 0, 14);
        System.arraycopy(v6, 0, expected6, 14, v6.length);
        assertArrayEquals(expected6, port.sent.get(2));
        assertEquals(2, counters.packets(Family.IPV4));
        assertEquals(2L * v4.length, counters.bytes(Family.IPV4));
        assertEquals(1, counters.packets(Family.IPV6));
    }

    @Test
    void shouldCountAPacketWithoutAKnownNextHopAndSendTheRest()
    {
        nextHops = (p, family, buffer, offset) ->
            buffer.getByte(offset + 19) == 3 ? NextHopResolver.UNRESOLVED : 0x020000000099L; // last byte of dst
        publish(fromWorker0, Family.IPV4, Frames.ipv4Udp("cb007103", 1), Frames.ipv4Udp("cb007102", 1));

        agent().doWork();

        assertEquals(1, counters.noNextHop());
        assertEquals(1, port.sent.size());
        assertEquals(1, counters.packets(Family.IPV4));
    }

    @Test
    void shouldCountFramesTheTransmitQueueRefuses()
    {
        port.txSlots = 2;
        final byte[] v4 = Frames.ipv4Udp("cb007102", 5);
        publish(fromWorker0, Family.IPV4, v4, v4, v4);

        agent().doWork();

        assertEquals(2, port.sent.size());
        assertEquals(1, counters.queueFull());
        assertEquals(2, counters.packets(Family.IPV4));
    }

    @Test
    void shouldNotFlushWhenNothingWasQueued()
    {
        assertEquals(0, agent().doWork());
        assertEquals(0, port.flushes);
    }
}
