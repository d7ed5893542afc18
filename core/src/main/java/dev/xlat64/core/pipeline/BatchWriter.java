package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Fills one {@link PacketBatch} in place on a ring: the first packet claims a batch-sized region with
 * {@code tryClaim}, later packets are copied behind it, and {@link #commit()} publishes the batch.
 * One writer per producer and ring; not thread-safe. Nothing here allocates.
 */
public final class BatchWriter
{
    private final RingBuffer ring;
    private final AtomicBuffer buffer;
    private final int batchBytes;
    private final int maxPackets;
    private int claimIndex = -1;
    private int count;
    private int used;

    /**
     * @param ring the ring to publish on.
     * @param batchBytes bytes claimed per batch; at most {@code ring.maxMsgLength()}.
     * @param maxPackets packets per batch before it is published on its own.
     */
    public BatchWriter(final RingBuffer ring, final int batchBytes, final int maxPackets)
    {
        if (batchBytes > ring.maxMsgLength())
        {
            throw new IllegalArgumentException(
                "batch of " + batchBytes + " bytes exceeds the ring's maximum message of " + ring.maxMsgLength());
        }
        if (batchBytes < PacketBatch.HEADER_LENGTH + PacketBatch.recordLength(1280) || maxPackets < 1)
        {
            throw new IllegalArgumentException("batch of " + batchBytes + " bytes / " + maxPackets +
                " packets cannot hold one 1280-byte packet");
        }
        this.ring = ring;
        this.buffer = ring.buffer();
        this.batchBytes = batchBytes;
        this.maxPackets = maxPackets;
    }

    /**
     * @return the longest IP packet {@link #append} accepts.
     */
    public int maxPacketLength()
    {
        return PacketBatch.maxPacketLength(batchBytes);
    }

    /**
     * Copies one IP packet into the open batch, opening a batch first when none is open.
     *
     * @return {@link AppendResult#APPENDED}, {@link AppendResult#RING_FULL} when no batch could be claimed, or
     * {@link AppendResult#TOO_LONG} when the packet cannot fit in a batch at all.
     */
    public AppendResult append(final DirectBuffer src, final int offset, final int length, final Family family)
    {
        final int recordLength = PacketBatch.recordLength(length);
        if (recordLength > batchBytes - PacketBatch.HEADER_LENGTH)
        {
            return AppendResult.TOO_LONG;
        }
        if (claimIndex >= 0 && (used + recordLength > batchBytes || count == maxPackets))
        {
            commit();
        }
        if (claimIndex < 0)
        {
            final int index = ring.tryClaim(PacketBatch.MSG_TYPE_ID, batchBytes);
            if (index < 0)
            {
                return AppendResult.RING_FULL;
            }
            claimIndex = index;
            count = 0;
            used = PacketBatch.HEADER_LENGTH;
        }
        final int record = claimIndex + used;
        buffer.putInt(record + PacketBatch.RECORD_LENGTH_OFFSET, length);
        buffer.putInt(record + PacketBatch.RECORD_FAMILY_OFFSET, family.ordinal());
        buffer.putBytes(record + PacketBatch.RECORD_PACKET_OFFSET, src, offset, length);
        used += recordLength;
        count++;
        return AppendResult.APPENDED;
    }

    /**
     * Publishes the open batch, if any. Called once per duty cycle by the producer.
     *
     * @return the number of packets published.
     */
    public int commit()
    {
        if (claimIndex < 0)
        {
            return 0;
        }
        buffer.putInt(claimIndex + PacketBatch.COUNT_OFFSET, count);
        buffer.putInt(claimIndex + PacketBatch.BYTES_USED_OFFSET, used);
        ring.commit(claimIndex);
        claimIndex = -1;
        final int published = count;
        count = 0;
        return published;
    }

    /** The outcome of {@link #append}. */
    public enum AppendResult
    {
        APPENDED, RING_FULL, TOO_LONG
    }
}
