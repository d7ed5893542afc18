package dev.xlat64.bench.lab;

import java.io.IOException;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.io.afpacket.PacketSocket;
import dev.xlat64.io.afpacket.PacketSocketOptions;

/**
 * The lab's traffic generator: prebuilt Ethernet frames sent round-robin on one interface through an AF_PACKET TX
 * ring, paced to a rate. It never sends ahead of {@code rate × elapsed}; when it falls behind (the kick of one batch
 * took long) it sends what is due in one batch of at most {@link #MAX_BATCH} frames, so bursts stay short and small
 * queues downstream (TAYGA's TUN queue, LAB.md) see smooth traffic. One kick per batch makes it much cheaper per
 * frame than a send per frame (tcpreplay offers about 450 kpps here), so it can offer more than one gateway CPU
 * can take.
 *
 * <p>Not thread-safe: one thread sends.
 */
final class TxRingGenerator implements AutoCloseable
{
    /** Frames queued before one kick at most: about 30 µs of traffic at 1 Mpps. */
    static final int MAX_BATCH = 32;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final int NICE = 5;

    private final PacketSocket socket;
    private final UnsafeBuffer frames;
    private final int[] offsets;
    private final int[] lengths;
    private int next;

    /** Frames handed to the kernel and the time it took, from the first due frame to the last kick. */
    record Sent(long frames, long nanos)
    {
    }

    private TxRingGenerator(final PacketSocket socket, final List<byte[]> frameList)
    {
        this.socket = socket;
        this.offsets = new int[frameList.size()];
        this.lengths = new int[frameList.size()];
        int total = 0;
        for (final byte[] frame : frameList)
        {
            total += frame.length;
        }
        this.frames = new UnsafeBuffer(new byte[total]);
        int offset = 0;
        for (int i = 0; i < offsets.length; i++)
        {
            offsets[i] = offset;
            lengths[i] = frameList.get(i).length;
            frames.putBytes(offset, frameList.get(i));
            offset += lengths[i];
        }
    }

    /**
     * @param namespace the network namespace of {@code interfaceName}, or null for the caller's.
     * @param frameList whole Ethernet frames, sent in this order, over and over.
     */
    static TxRingGenerator open(final String namespace, final String interfaceName, final List<byte[]> frameList)
        throws IOException
    {
        if (frameList.isEmpty())
        {
            throw new IllegalArgumentException("the generator needs at least one frame");
        }
        // A TX-only socket: no protocol, so nothing is copied to an RX ring; 1024 slots so a late kick never stalls.
        final PacketSocket socket = PacketSocket.open(interfaceName, new PacketSocketOptions()
            .namespace(namespace)
            .tpacketVersion(PacketSocketOptions.TPACKET_V2)
            .protocol(0)
            .qdiscBypass(true)
            .txFrameSizeBytes(2048)
            .txBlockSizeBytes(1 << 16)
            .txBlockCount(32));
        return new TxRingGenerator(socket, frameList);
    }

    /**
     * Sends {@code count} frames at {@code ratePps}, busy-waiting between batches at nice {@link #NICE}: the CPU it
     * spins on also runs the housekeeping of the gateway under test (xlat64's JIT compiler and GC threads), which
     * must not starve behind a spinning loop; the pacing catches up on what falls due meanwhile.
     */
    Sent send(final long ratePps, final long count)
    {
        ThreadNice.set(NICE);
        final long start = System.nanoTime();
        long queued = 0;
        long end = start;
        while (queued < count)
        {
            final long now = System.nanoTime();
            // At most 10 s × 10 Mpps: far from overflowing a long.
            final long due = Math.min(count, (now - start) * ratePps / NANOS_PER_SECOND);
            final int batch = (int)Math.min(due - queued, MAX_BATCH);
            if (batch <= 0)
            {
                Thread.onSpinWait();
                continue;
            }
            int i = 0;
            while (i < batch && socket.send(frames, offsets[next], lengths[next]))
            {
                next = next + 1 == offsets.length ? 0 : next + 1;
                i++;
            }
            queued += i;
            socket.flush();
            end = System.nanoTime();
        }
        // A failed kick leaves its frames queued: retry until they are out, so every counted frame was offered.
        for (int tries = 0; socket.flush() != 0; tries++)
        {
            if (tries == 1_000_000)
            {
                throw new IllegalStateException("the kernel refused the last frames on " + socket.interfaceName() +
                    " (errno " + socket.lastErrno() + ")");
            }
            end = System.nanoTime();
        }
        return new Sent(queued, end - start);
    }

    @Override
    public void close()
    {
        socket.close();
    }
}
