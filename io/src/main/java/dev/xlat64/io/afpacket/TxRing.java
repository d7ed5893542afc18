package dev.xlat64.io.afpacket;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import static dev.xlat64.io.afpacket.TpacketLayout.*;

/**
 * Writer of a mapped TPACKET_V3 or TPACKET_V2 TX ring: fixed slots of {@code frameSizeBytes}, each a
 * tpacket3_hdr (tpacket2_hdr) and the frame at {@link TpacketLayout#TPACKET3_DATA_OFFSET}
 * ({@link TpacketLayout#TPACKET2_DATA_OFFSET}). A slot is ours when its tp_status is
 * TP_STATUS_AVAILABLE; we fill it and store TP_STATUS_SEND_REQUEST (release), and the kernel transmits
 * every requested slot in ring order on the next {@code send()} kick, then marks it available again.
 */
final class TxRing
{
    private final UnsafeBuffer buffer;
    private final int ringOffset;
    private final int frameSizeBytes;
    private final int frameCount;
    private final int maxFrameBytes;
    private final PacketSocketCounters counters;
    private final boolean v3;
    private final int statusOffset;
    private final int lengthOffset;
    private final int snapLengthOffset;
    private final int dataOffset;

    private int index;
    private int claimedSlot = -1;
    private int pending;

    TxRing(
        final UnsafeBuffer buffer,
        final int ringOffset,
        final int frameSizeBytes,
        final int frameCount,
        final int maxFrameBytes,
        final PacketSocketCounters counters,
        final boolean v3)
    {
        this.v3 = v3;
        this.statusOffset = v3 ? TP3_STATUS_OFFSET : TP2_STATUS_OFFSET;
        this.lengthOffset = v3 ? TP3_LEN_OFFSET : TP2_LEN_OFFSET;
        this.snapLengthOffset = v3 ? TP3_SNAPLEN_OFFSET : TP2_SNAPLEN_OFFSET;
        this.dataOffset = v3 ? TPACKET3_DATA_OFFSET : TPACKET2_DATA_OFFSET;
        this.buffer = buffer;
        this.ringOffset = ringOffset;
        this.frameSizeBytes = frameSizeBytes;
        this.frameCount = frameCount;
        this.maxFrameBytes = Math.min(maxFrameBytes, frameSizeBytes - dataOffset);
        this.counters = counters;
    }

    int maxFrameBytes()
    {
        return maxFrameBytes;
    }

    int pending()
    {
        return pending;
    }

    void clearPending()
    {
        pending = 0;
    }

    boolean send(final DirectBuffer source, final int offset, final int length)
    {
        final int data = claim(length);
        if (data < 0)
        {
            return false;
        }
        buffer.putBytes(data, source, offset, length);
        commit(length);
        return true;
    }

    /** Offset of the next free slot's frame area in the mapped buffer, or -1 (counted) if none or too long. */
    int claim(final int length)
    {
        if (length > maxFrameBytes || length < 0)
        {
            counters.increment(PacketSocketCounter.TX_DROP_OVERSIZE);
            return -1;
        }
        final int slot = ringOffset + index * frameSizeBytes;
        if (buffer.getIntVolatile(slot + statusOffset) != TP_STATUS_AVAILABLE)
        {
            counters.increment(PacketSocketCounter.TX_DROP_RING_FULL);
            return -1;
        }
        claimedSlot = slot;
        return slot + dataOffset;
    }

    boolean commit(final int length)
    {
        final int slot = claimedSlot;
        if (slot < 0)
        {
            throw new IllegalStateException("commit without claim");
        }
        claimedSlot = -1;
        if (length > maxFrameBytes || length < 0)
        {
            counters.increment(PacketSocketCounter.TX_DROP_OVERSIZE);
            return false;
        }
        if (v3)
        {
            buffer.putInt(slot + TP3_NEXT_OFFSET_OFFSET, 0); // the kernel refuses variable-sized V3 TX slots
        }
        buffer.putInt(slot + snapLengthOffset, length);
        buffer.putInt(slot + lengthOffset, length);
        buffer.putIntRelease(slot + statusOffset, TP_STATUS_SEND_REQUEST);
        index = index + 1 == frameCount ? 0 : index + 1;
        pending++;
        counters.increment(PacketSocketCounter.TX_FRAMES);
        counters.add(PacketSocketCounter.TX_BYTES, length);
        return true;
    }
}
