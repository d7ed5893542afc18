package dev.xlat64.core.checksum;

import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/** The ways an Agrona buffer can hold packet bytes; the vector kernel reads each differently. */
enum BufferKind
{
    HEAP_ARRAY
    {
        MutableDirectBuffer allocate(final int capacity)
        {
            return new UnsafeBuffer(new byte[capacity]);
        }
    },
    HEAP_ARRAY_SLICE
    {
        MutableDirectBuffer allocate(final int capacity)
        {
            // A view 3 bytes into a larger array: the array index is not the buffer index.
            return new UnsafeBuffer(new byte[capacity + 8], 3, capacity);
        }
    },
    HEAP_BYTE_BUFFER
    {
        MutableDirectBuffer allocate(final int capacity)
        {
            return new UnsafeBuffer(ByteBuffer.allocate(capacity + 5).position(5).slice());
        }
    },
    DIRECT_BYTE_BUFFER
    {
        MutableDirectBuffer allocate(final int capacity)
        {
            return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
        }
    },
    RAW_ADDRESS
    {
        MutableDirectBuffer allocate(final int capacity)
        {
            // Like a packet ring: memory known only by its address. The backing ByteBuffer stays reachable
            // through the returned buffer's wrapper below.
            final ByteBuffer memory = ByteBuffer.allocateDirect(capacity);
            return new UnsafeBuffer(BufferUtil.address(memory), capacity)
            {
                @SuppressWarnings("unused")
                private final ByteBuffer keepAlive = memory;
            };
        }
    };

    abstract MutableDirectBuffer allocate(int capacity);
}
