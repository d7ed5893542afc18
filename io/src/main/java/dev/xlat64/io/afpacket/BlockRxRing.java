package dev.xlat64.io.afpacket;

import org.agrona.concurrent.UnsafeBuffer;

import static dev.xlat64.io.afpacket.TpacketLayout.*;

/**
 * Reader of a mapped TPACKET_V3 RX ring: blocks of variable-length frames that the kernel hands over a
 * block at a time ({@code block_status & TP_STATUS_USER}) and gets back when the reader stores
 * {@code TP_STATUS_KERNEL}. A batch may end inside a block; the next call resumes at the next frame.
 *
 * <p>Oversize, truncated and checksum-partial frames are dropped and counted ({@link RxRing#deliverable}).
 *
 * <p>Throughput over latency: a block reaches user space when it is full or when its retire timer fires,
 * so a lightly loaded port adds up to {@link PacketSocketOptions#rxBlockRetireTimeoutMs} per frame.
 */
final class BlockRxRing implements RxRing
{
    private final UnsafeBuffer buffer;
    private final int ringOffset;
    private final int blockSizeBytes;
    private final int blockCount;
    private final int maxFrameBytes;
    private final PacketSocketCounters counters;
    private final LossReporter lossReporter;

    private int blockIndex;
    private int blockOffset = -1;
    private int framesLeftInBlock;
    private int frameOffset;

    BlockRxRing(
        final UnsafeBuffer buffer,
        final int ringOffset,
        final int blockSizeBytes,
        final int blockCount,
        final int maxFrameBytes,
        final PacketSocketCounters counters,
        final LossReporter lossReporter)
    {
        this.buffer = buffer;
        this.ringOffset = ringOffset;
        this.blockSizeBytes = blockSizeBytes;
        this.blockCount = blockCount;
        this.maxFrameBytes = maxFrameBytes;
        this.counters = counters;
        this.lossReporter = lossReporter;
    }

    @Override
    public boolean hasFrames()
    {
        if (blockOffset >= 0)
        {
            return true;
        }
        final int next = ringOffset + blockIndex * blockSizeBytes;
        return (buffer.getIntVolatile(next + BLOCK_STATUS_OFFSET) & TP_STATUS_USER) != 0;
    }

    @Override
    public int receive(final FrameHandler handler, final int limit)
    {
        int frames = 0;
        long bytes = 0;
        int consumed = 0;
        while (consumed < limit)
        {
            if (blockOffset < 0 && !openNextBlock())
            {
                break;
            }
            while (framesLeftInBlock > 0 && consumed < limit)
            {
                final int frame = frameOffset;
                final int nextOffset = buffer.getInt(frame + TP3_NEXT_OFFSET_OFFSET);
                final int snapLength = buffer.getInt(frame + TP3_SNAPLEN_OFFSET);
                final int length = buffer.getInt(frame + TP3_LEN_OFFSET);
                final int status = buffer.getInt(frame + TP3_STATUS_OFFSET);
                final int macOffset = buffer.getShort(frame + TP3_MAC_OFFSET) & 0xFFFF;
                framesLeftInBlock--;
                frameOffset = frame + nextOffset;
                consumed++;

                if (RxRing.deliverable(counters, status, length, snapLength, maxFrameBytes))
                {
                    frames++;
                    bytes += length;
                    handler.onFrame(buffer, frame + macOffset, length);
                }
            }
            if (framesLeftInBlock == 0)
            {
                releaseBlock();
            }
        }
        if (frames > 0)
        {
            counters.add(PacketSocketCounter.RX_FRAMES, frames);
            counters.add(PacketSocketCounter.RX_BYTES, bytes);
        }
        return consumed;
    }

    private boolean openNextBlock()
    {
        final int block = ringOffset + blockIndex * blockSizeBytes;
        final int status = buffer.getIntVolatile(block + BLOCK_STATUS_OFFSET);
        if ((status & TP_STATUS_USER) == 0)
        {
            return false;
        }
        if ((status & TP_STATUS_LOSING) != 0)
        {
            lossReporter.onLosing();
        }
        blockOffset = block;
        framesLeftInBlock = buffer.getInt(block + BLOCK_NUM_PKTS_OFFSET);
        frameOffset = block + buffer.getInt(block + BLOCK_OFFSET_TO_FIRST_PKT_OFFSET);
        return true;
    }

    private void releaseBlock()
    {
        // The release store orders our reads (and the handler's writes) of the block before the kernel reuses it.
        buffer.putIntRelease(blockOffset + BLOCK_STATUS_OFFSET, TP_STATUS_KERNEL);
        blockOffset = -1;
        blockIndex = blockIndex + 1 == blockCount ? 0 : blockIndex + 1;
        counters.increment(PacketSocketCounter.RX_BLOCKS);
    }
}
