package dev.xlat64.io.gateway;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.pipeline.FrameHandler;
import dev.xlat64.core.pipeline.PacketPort;

/**
 * A thread-safe in-memory port for assembly tests: the test thread offers frames, the agent threads take and send.
 */
final class QueuePort implements PacketPort
{
    final Queue<byte[]> toReceive = new ConcurrentLinkedQueue<>();
    final List<byte[]> sent = new CopyOnWriteArrayList<>();
    private final String name;
    private final long mac;

    QueuePort(final String name, final long mac)
    {
        this.name = name;
        this.mac = mac;
    }

    @Override
    public int receive(final FrameHandler handler, final int limit)
    {
        int frames = 0;
        byte[] frame;
        while (frames < limit && (frame = toReceive.poll()) != null)
        {
            handler.onFrame(new UnsafeBuffer(frame), 0, frame.length);
            frames++;
        }
        return frames;
    }

    @Override
    public boolean send(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] frame = new byte[length];
        buffer.getBytes(offset, frame);
        sent.add(frame);
        return true;
    }

    @Override
    public void flush()
    {
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
