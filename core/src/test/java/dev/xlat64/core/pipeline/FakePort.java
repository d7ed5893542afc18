package dev.xlat64.core.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * An in-memory {@link PacketPort}: frames queued by the test are received from an offset inside a larger buffer
 * (as on an AF_PACKET ring), sent frames are recorded, and the transmit queue has a fixed number of slots.
 */
final class FakePort implements PacketPort
{
    private static final int RING_OFFSET = 100;

    final ArrayDeque<byte[]> toReceive = new ArrayDeque<>();
    final List<byte[]> sent = new ArrayList<>();
    final String name;
    final long mac;
    int txSlots = Integer.MAX_VALUE;
    int queuedSinceFlush;
    int flushes;
    RuntimeException failNextReceive;

    FakePort(final String name, final long mac)
    {
        this.name = name;
        this.mac = mac;
    }

    @Override
    public int receive(final FrameHandler handler, final int limit)
    {
        if (failNextReceive != null)
        {
            final RuntimeException ex = failNextReceive;
            failNextReceive = null;
            throw ex;
        }
        int frames = 0;
        while (frames < limit && !toReceive.isEmpty())
        {
            final byte[] frame = toReceive.poll();
            final UnsafeBuffer ring = new UnsafeBuffer(new byte[RING_OFFSET + frame.length + 64]);
            ring.putBytes(RING_OFFSET, frame);
            handler.onFrame(ring, RING_OFFSET, frame.length);
            frames++;
        }
        return frames;
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        if (queuedSinceFlush >= txSlots)
        {
            return false;
        }
        final byte[] frame = new byte[length];
        buffer.getBytes(offset, frame);
        sent.add(frame);
        queuedSinceFlush++;
        return true;
    }

    @Override
    public void flush()
    {
        flushes++;
        queuedSinceFlush = 0;
    }

    @Override
    public long macAddress()
    {
        return mac;
    }

    @Override
    public String name()
    {
        return name;
    }
}
