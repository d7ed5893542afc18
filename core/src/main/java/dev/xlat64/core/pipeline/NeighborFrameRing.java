package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Carries ARP and NDP frames from a port's RX agent to the same port's TX agent, which owns the neighbor cache
 * (the cache is single-threaded, the frames arrive on another thread). One frame per ring message, copied with
 * {@code tryClaim}; a full ring is a counted drop (neighbor frames are few; a lost one is retried by its sender).
 */
public final class NeighborFrameRing implements NeighborFrameHandler
{
    /** Ring message type id of one neighbor frame. */
    public static final int MSG_TYPE_ID = 2;

    private final RingBuffer ring;
    private final AtomicBuffer ringBuffer;
    private final AtomicCounter ringFull;

    /**
     * @param ring a one-to-one ring read by the port's TX agent.
     * @param ringFull counts frames dropped because the ring was full.
     */
    public NeighborFrameRing(final RingBuffer ring, final AtomicCounter ringFull)
    {
        this.ring = ring;
        this.ringBuffer = ring.buffer();
        this.ringFull = ringFull;
    }

    public RingBuffer ring()
    {
        return ring;
    }

    @Override
    public void onNeighborFrame(final int port, final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > ring.maxMsgLength())
        {
            ringFull.incrementRelease();
            return;
        }
        final int index = ring.tryClaim(MSG_TYPE_ID, length);
        if (index < 0)
        {
            ringFull.incrementRelease();
            return;
        }
        ringBuffer.putBytes(index, buffer, offset, length);
        ring.commit(index);
    }
}
