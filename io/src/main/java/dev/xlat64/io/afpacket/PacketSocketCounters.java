package dev.xlat64.io.afpacket;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;

/**
 * One counter per {@link PacketSocketCounter}, labelled {@code socket.<name>{port=<interface>}}. Each counter has
 * a single writer with release stores: the RX counters the thread that receives, the TX counters the thread
 * that sends and flushes. Readable from another process when the {@link CountersManager} lies over a
 * memory-mapped counters file.
 */
public final class PacketSocketCounters extends CounterSet<PacketSocketCounter>
{
    /**
     * Allocates the counters in {@code manager}, labelled with {@code port=<port>} (e.g.
     * {@code "socket.rx-frames{port=eth1}"}).
     */
    public PacketSocketCounters(final CountersManager manager, final String port)
    {
        super(manager, PacketSocketCounter.class, "port", port);
    }

    /** Counters in a private CountersManager, for tests and tools that don't publish counters. */
    public static PacketSocketCounters standalone(final String port)
    {
        return new PacketSocketCounters(CounterSet.inMemoryManager(PacketSocketCounter.values().length), port);
    }
}
