package dev.xlat64.core.pipeline;

import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Reading an Agrona ring without leaving a message behind at the wrap: {@code RingBuffer.read} stops at the end
 * of the buffer, so when the producer padded the tail and put the next batch at the start, one read returns after
 * the padding (often with 0 messages) and the batch waits for the next duty cycle. If that cycle found no other
 * work the thread would go idle (park or sleep in poll) with a packet still in the ring: this reads on across
 * the wrap instead.
 */
public final class RingReads
{
    private RingReads()
    {
    }

    /**
     * Reads up to {@code limit} messages, continuing once past the end of the buffer when messages remain.
     *
     * @return the messages handed to {@code handler}.
     */
    public static int read(final RingBuffer ring, final MessageHandler handler, final int limit)
    {
        int messages = ring.read(handler, limit);
        if (messages < limit && ring.consumerPosition() != ring.producerPosition())
        {
            messages += ring.read(handler, limit - messages);
        }
        return messages;
    }
}
