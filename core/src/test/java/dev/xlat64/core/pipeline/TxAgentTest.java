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

    private final RingBuffer neighborRing = Rings.ring(128 * 1024);
    private final CachedNanoClock clock = new CachedNanoClock();

    private TxAgent agent()
    {
        return new TxAgent(1, port, new RingBuffer[] {fromWorker0, fromWorker1}, neighborRing, nextHops, counters,
            clock, logged::add, 8);
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
        nextHops = (p, family, buffer, offset, nowNs) ->
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

    /** A resolver that records what the TX agent asks of it and holds frames for 203.0.113.3. */
    private static final class RecordingResolver implements NextHopResolver
    {
        final List<String> calls = new ArrayList<>();
        final List<byte[]> held = new ArrayList<>();
        final FakePort port;

        RecordingResolver(final FakePort port)
        {
            this.port = port;
        }

        @Override
        public long resolve(final int p, final Family family, final org.agrona.DirectBuffer buffer, final int offset,
            final long nowNs)
        {
            calls.add("resolve@" + nowNs);
            return buffer.getByte(offset + 19) == 3 ? UNRESOLVED : 0x020000000099L;
        }

        @Override
        public boolean hold(final int p, final Family family, final org.agrona.DirectBuffer packet, final int packetOffset,
            final org.agrona.DirectBuffer frame, final int frameOffset, final int frameLength)
        {
            final byte[] copy = new byte[frameLength];
            frame.getBytes(frameOffset, copy);
            held.add(copy);
            return true;
        }

        @Override
        public void onNeighborFrame(final int p, final org.agrona.MutableDirectBuffer buffer, final int offset,
            final int length, final long nowNs)
        {
            calls.add("frame(" + length + ")@" + nowNs + " port " + p);
        }

        @Override
        public int doWork(final long nowNs)
        {
            calls.add("doWork@" + nowNs);
            // An answer arrived: the resolver sends a frame it held through the port.
            return held.isEmpty() ? 0 : port.send(new UnsafeBuffer(held.remove(0)), 0, 14) ? 1 : 0;
        }
    }

    @Test
    void shouldHandNeighborFramesToTheResolverBeforeSendingAndFlushWhatItSends()
    {
        final RecordingResolver resolver = new RecordingResolver(port);
        nextHops = resolver;
        new NeighborFrameRing(neighborRing, counters.neighborRingFullCounter())
            .onNeighborFrame(1, new UnsafeBuffer(new byte[42]), 0, 42);
        publish(fromWorker0, Family.IPV4, Frames.ipv4Udp("cb007103", 1), Frames.ipv4Udp("cb007102", 1));
        clock.update(77);
        final TxAgent agent = agent();

        agent.doWork();

        assertEquals(List.of("frame(42)@77 port 1", "doWork@77", "resolve@77", "resolve@77"), resolver.calls);
        assertEquals(1, resolver.held.size());
        assertEquals(1, counters.heldForNextHop());
        assertEquals(0, counters.noNextHop());
        // The held frame is complete except for the destination MAC the resolver fills in.
        assertEquals("000000000000" + "02aabbccddee" + "0800" + "45",
            Frames.HEX.formatHex(resolver.held.get(0), 0, 15));
        assertEquals(1, port.sent.size());
        assertEquals(1, port.flushes);

        clock.update(88);
        agent.doWork();
        assertEquals(2, port.sent.size(), "the held frame went out when the resolver released it");
        assertEquals(2, port.flushes);
    }

    @Test
    void shouldFlushTheRequestAResolutionQueuesEvenWhenNoPacketWasSent()
    {
        nextHops = (p, family, buffer, offset, nowNs) ->
        {
            port.send(new UnsafeBuffer(new byte[42]), 0, 42); // the ARP request resolve() starts
            return NextHopResolver.UNRESOLVED;
        };
        publish(fromWorker0, Family.IPV4, Frames.ipv4Udp("cb007103", 1));

        agent().doWork();

        assertEquals(1, counters.noNextHop());
        assertEquals(1, port.sent.size());
        assertEquals(1, port.flushes, "the request leaves now, not with the next packet or retransmission");
    }

    @Test
    void shouldFlushInTheSameCycleTheFramesAnAnswerReleases()
    {
        final FakePort[] sender = {port};
        nextHops = new NextHopResolver()
        {
            @Override
            public long resolve(final int p, final Family family, final org.agrona.DirectBuffer buffer,
                final int offset, final long nowNs)
            {
                return UNRESOLVED;
            }

            @Override
            public void onNeighborFrame(final int p, final org.agrona.MutableDirectBuffer buffer, final int offset,
                final int length, final long nowNs)
            {
                sender[0].send(buffer, offset, length); // the answer releases a held frame
            }
        };
        new NeighborFrameRing(neighborRing, counters.neighborRingFullCounter())
            .onNeighborFrame(1, new UnsafeBuffer(new byte[60]), 0, 60);

        agent().doWork();

        assertEquals(1, port.sent.size());
        assertEquals(1, port.flushes);
    }

    @Test
    void shouldCountNeighborFramesTheRingCannotTake()
    {
        final RingBuffer tiny = Rings.ring(1024);
        final NeighborFrameRing ring = new NeighborFrameRing(tiny, counters.neighborRingFullCounter());
        for (int i = 0; i < 20; i++)
        {
            ring.onNeighborFrame(0, new UnsafeBuffer(new byte[64]), 0, 64);
        }
        // 1024 bytes hold 14 records of 8 + 64 bytes; the other 6 are dropped and counted.
        final int[] frames = new int[1];
        tiny.read((type, buffer, index, length) -> frames[0]++, 100);
        assertEquals(14, frames[0]);
        assertEquals(6, counters.neighborRingFullCounter().get());
    }

    @Test
    void shouldNotFlushWhenNothingWasQueued()
    {
        assertEquals(0, agent().doWork());
        assertEquals(0, port.flushes);
    }
}
