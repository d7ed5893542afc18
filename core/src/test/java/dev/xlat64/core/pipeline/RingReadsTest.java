package dev.xlat64.core.pipeline;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RingReadsTest
{
    private static final int CAPACITY = 8192;
    /** 8-byte record header + 1000 bytes: eight records take 8064 of 8192 bytes, the ninth must wrap. */
    private static final int MESSAGE_BYTES = 1000;
    private static final int BEFORE_WRAP = 8;

    private final RingBuffer ring = new OneToOneRingBuffer(
        new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH)));
    private final List<Integer> seen = new ArrayList<>();
    private final MessageHandler handler = (msgTypeId, buffer, index, length) -> seen.add(buffer.getInt(index));

    private void writeUpToTheWrap()
    {
        for (int i = 1; i <= BEFORE_WRAP; i++)
        {
            write(i);
        }
    }

    private void write(final int value)
    {
        final int index = ring.tryClaim(1, MESSAGE_BYTES);
        ring.buffer().putInt(index, value);
        ring.commit(index);
    }

    @Test
    void shouldReadTheMessageBehindTheWrapInTheSameCall()
    {
        writeUpToTheWrap();
        assertEquals(8, RingReads.read(ring, handler, 10));
        write(9); // pads the last 128 bytes and lands at index 0
        assertEquals(1, RingReads.read(ring, handler, 10));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(ring.producerPosition(), ring.consumerPosition());
    }

    @Test
    void shouldShowThatAPlainReadStopsAtThePadding()
    {
        writeUpToTheWrap();
        ring.read(handler, 10);
        write(9);
        assertEquals(0, ring.read(handler, 10), "Agrona's read ends at the end of the buffer, after the padding");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), seen);
    }

    @Test
    void shouldKeepTheLimitAcrossTheWrap()
    {
        writeUpToTheWrap();
        assertEquals(7, RingReads.read(ring, handler, 7));
        write(9);
        write(10);
        assertEquals(2, RingReads.read(ring, handler, 2), "8 before the wrap, 9 after it");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(1, RingReads.read(ring, handler, 5));
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), seen);
    }
}
