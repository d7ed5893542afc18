package dev.xlat64.io.afpacket;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.xlat64.io.afpacket.TpacketLayout.*;

/**
 * Reader of a mapped TPACKET_V2 RX ring: fixed slots of {@code frameSizeBytes}, each a tpacket2_hdr and the
 * frame, handed over one at a time ({@code tp_status & TP_STATUS_USER}) as soon as the kernel has written it
 * and given back by storing TP_STATUS_KERNEL. No block retire timer, so no added latency; frames longer than
 * the slot are truncated by the kernel and counted here.
 *
 * <p>Oversize, truncated and checksum-partial frames are dropped and counted ({@link RxRing#deliverable}).
 */
final class FrameRxRing implements RxRing
{
    private final UnsafeBuffer buffer;
    private final int ringOffset;
    private final int frameSizeBytes;
    private final int frameCount;
    private final int maxFrameBytes;
    private final PacketSocketCounters counters;
    private final LossReporter lossReporter;
    private int index;

    FrameRxRing(
        final UnsafeBuffer buffer,
        final int ringOffset,
        final int frameSizeBytes,
        final int frameCount,
        final int maxFrameBytes,
        final PacketSocketCounters counters,
        final LossReporter lossReporter)
    {
        this.buffer = buffer;
        this.ringOffset = ringOffset;
        this.frameSizeBytes = frameSizeBytes;
        this.frameCount = frameCount;
        this.maxFrameBytes = maxFrameBytes;
        this.counters = counters;
        this.lossReporter = lossReporter;
    }

    @Override
    public boolean hasFrames()
    {
        return (buffer.getIntVolatile(ringOffset + index * frameSizeBytes + TP2_STATUS_OFFSET) & TP_STATUS_USER) != 0;
    }

    @Override
    public int receive(final FrameHandler handler, final int limit)
    {
        int frames = 0;
        long bytes = 0;
        int consumed = 0;
        boolean losing = false;
        while (consumed < limit)
        {
            final int slot = ringOffset + index * frameSizeBytes;
            final int status = buffer.getIntVolatile(slot + TP2_STATUS_OFFSET);
            if ((status & TP_STATUS_USER) == 0)
            {
                break;
            }
            final int length = buffer.getInt(slot + TP2_LEN_OFFSET);
            final int snapLength = buffer.getInt(slot + TP2_SNAPLEN_OFFSET);
            final int macOffset = buffer.getShort(slot + TP2_MAC_OFFSET) & 0xFFFF;
            consumed++;
            losing |= (status & TP_STATUS_LOSING) != 0;
            if (RxRing.deliverable(counters, status, length, snapLength, maxFrameBytes))
            {
                frames++;
                bytes += length;
                handler.onFrame(buffer, slot + macOffset, length);
            }
            buffer.putIntRelease(slot + TP2_STATUS_OFFSET, TP_STATUS_KERNEL);
            index = index + 1 == frameCount ? 0 : index + 1;
        }
        if (losing)
        {
            lossReporter.onLosing();
        }
        if (frames > 0)
        {
            counters.add(PacketSocketCounter.RX_FRAMES, frames);
            counters.add(PacketSocketCounter.RX_BYTES, bytes);
        }
        return consumed;
    }
}
