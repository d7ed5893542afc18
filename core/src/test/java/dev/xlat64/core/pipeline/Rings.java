package dev.xlat64.core.pipeline;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;

/**
 * Rings, counters and batch decoding for the pipeline tests.
 */
final class Rings
{
    static final int BATCH_BYTES = 16 * 1024;

    private Rings()
    {
    }

    static RingBuffer ring(final int capacity)
    {
        return new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    static CountersManager counters()
    {
        return CounterSet.inMemoryManager(512);
    }

    record Packet(Family family, byte[] bytes)
    {
    }

    /** Reads every batch on the ring; returns the packets, and the number of batches in {@code batches[0]}. */
    static List<Packet> drain(final RingBuffer ring, final int[] batches)
    {
        final List<Packet> packets = new ArrayList<>();
        while (ring.consumerPosition() < ring.producerPosition())
        {
            ring.read((type, buffer, index, length) ->
            {
                if (type != PacketBatch.MSG_TYPE_ID)
                {
                    return;
                }
                batches[0]++;
                final int count = buffer.getInt(index + PacketBatch.COUNT_OFFSET);
                int record = index + PacketBatch.HEADER_LENGTH;
                for (int i = 0; i < count; i++)
                {
                    final int packetLength = buffer.getInt(record);
                    final byte[] bytes = new byte[packetLength];
                    buffer.getBytes(record + PacketBatch.RECORD_PACKET_OFFSET, bytes);
                    packets.add(new Packet(Family.of(buffer.getInt(record + 4)), bytes));
                    record += PacketBatch.recordLength(packetLength);
                }
            });
        }
        return packets;
    }

    static List<Packet> drain(final RingBuffer ring)
    {
        return drain(ring, new int[1]);
    }
}
