package dev.xlat64.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class WorkerAgentTest
{
    private final RingBuffer input = Rings.ring(128 * 1024);
    private final RingBuffer tx6 = Rings.ring(128 * 1024);
    private final RingBuffer tx4 = Rings.ring(128 * 1024);
    private final WorkerCounters counters = new WorkerCounters(Rings.counters(), "worker-0");
    private final CachedNanoClock clock = new CachedNanoClock();
    private final List<Throwable> logged = new ArrayList<>();
    private final List<Integer> headroomSeen = new ArrayList<>();

    /**
     * Writes a 4-byte marker into the headroom in front of the packet and emits marker + packet to the other
     * family: shows the headroom is writable and that the output goes to the egress family's ring.
     */
    private final PacketProcessor swapFamilies = new PacketProcessor()
    {
        @Override
        public int headroom()
        {
            return 64;
        }

        @Override
        public int tailroom()
        {
            return 32;
        }

        @Override
        public void process(
            final Family ingress, final MutableDirectBuffer buffer, final int offset, final int length,
            final EgressSink sink)
        {
            headroomSeen.add(offset);
            if (buffer.getByte(offset + length - 1) == (byte)0xFF)
            {
                throw new IllegalStateException("processor bug");
            }
            buffer.putInt(offset - 4, 0xCAFEF00D);
            buffer.putByte(offset + length + 31, (byte)1); // last byte of the tailroom
            sink.emit(ingress == Family.IPV6 ? Family.IPV4 : Family.IPV6, buffer, offset - 4, length + 4);
        }
    };

    private WorkerAgent worker()
    {
        final BatchWriter[] egress = {
            new BatchWriter(tx6, Rings.BATCH_BYTES, 64), new BatchWriter(tx4, Rings.BATCH_BYTES, 64)};
        return new WorkerAgent("worker-0", new RingBuffer[] {input}, egress, swapFamilies, counters, clock,
            logged::add, PacketBatch.maxPacketLength(Rings.BATCH_BYTES), 8);
    }

    private static byte[] withMarker(final byte[] packet)
    {
        final byte[] expected = new byte[packet.length + 4];
        new UnsafeBuffer(expected).putInt(0, 0xCAFEF00D);
        System.arraycopy(packet, 0, expected, 4, packet.length);
        return expected;
    }

    @Test
    void shouldRunEachPacketWithHeadroomAndWriteItsOutputToTheEgressFamilysRing()
    {
        final byte[] v6 = Frames.ipv6Udp("20010db8000100000000000000000002", 7);
        final byte[] v4 = Frames.ipv4Udp("cb007102", 9);
        final BatchWriter in = new BatchWriter(input, Rings.BATCH_BYTES, 64);
        in.append(new UnsafeBuffer(v6), 0, v6.length, Family.IPV6);
        in.append(new UnsafeBuffer(v4), 0, v4.length, Family.IPV4);
        in.commit();

        assertEquals(1, worker().doWork());

        final List<Rings.Packet> out4 = Rings.drain(tx4);
        final List<Rings.Packet> out6 = Rings.drain(tx6);
        assertEquals(1, out4.size());
        assertEquals(Family.IPV4, out4.get(0).family());
        assertArrayEquals(withMarker(v6), out4.get(0).bytes());
        assertEquals(1, out6.size());
        assertArrayEquals(withMarker(v4), out6.get(0).bytes());
        assertEquals(List.of(64, 64), headroomSeen);
        assertEquals(2, counters.packets());
    }

    @Test
    void shouldCountTxRingFullWhenTheEgressRingHasNoRoom()
    {
        final WorkerAgent worker = worker();
        final byte[] v6 = Frames.ipv6Udp("20010db8000100000000000000000002", 7);
        for (int i = 0; i < 10; i++)
        {
            final BatchWriter in = new BatchWriter(input, Rings.BATCH_BYTES, 64);
            in.append(new UnsafeBuffer(v6), 0, v6.length, Family.IPV6);
            in.commit();
            worker.doWork();
        }
        // 7 claimed 16 KiB batches fill a 128 KiB ring; the TX agent never ran.
        assertEquals(7, Rings.drain(tx4).size());
        assertEquals(3, counters.txRingFull());
    }

    @Test
    void shouldCountAProcessorExceptionAndGoOnWithTheNextPacket()
    {
        final byte[] bad = Frames.ipv6Udp("20010db8000100000000000000000002", 256); // payload ends in 0xFF
        final byte[] good = Frames.ipv6Udp("20010db8000100000000000000000002", 3);
        final BatchWriter in = new BatchWriter(input, Rings.BATCH_BYTES, 64);
        in.append(new UnsafeBuffer(bad), 0, bad.length, Family.IPV6);
        in.append(new UnsafeBuffer(good), 0, good.length, Family.IPV6);
        in.commit();

        worker().doWork();

        assertEquals(1, counters.agentErrors());
        assertEquals(1, logged.size());
        final List<Rings.Packet> out = Rings.drain(tx4);
        assertEquals(1, out.size());
        assertArrayEquals(withMarker(good), out.get(0).bytes());
        assertTrue(Rings.drain(tx6).isEmpty());
    }
}
