package dev.xlat64.io.afpacket;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * One Agrona {@link AtomicCounter} per {@link PacketSocketCounter}, written by the thread that polls the
 * socket (single writer, release stores) and readable from another process when the
 * {@link CountersManager} lies over a memory-mapped counters file.
 */
public final class PacketSocketCounters
{
    private static final PacketSocketCounter[] ENTRIES = PacketSocketCounter.values();

    private final AtomicCounter[] counters = new AtomicCounter[ENTRIES.length];

    /**
     * Allocates the counters in {@code manager}, labelled {@code labelPrefix + "." + label}
     * (e.g. {@code "port-ipv6.rx-frames"}).
     */
    public PacketSocketCounters(final CountersManager manager, final String labelPrefix)
    {
        for (final PacketSocketCounter entry : ENTRIES)
        {
            counters[entry.ordinal()] = manager.newCounter(labelPrefix + "." + entry.label(), entry.typeId());
        }
    }

    /** Counters in a private on-heap CountersManager, for tests and tools that don't publish counters. */
    public static PacketSocketCounters standalone(final String labelPrefix)
    {
        final int count = ENTRIES.length;
        final CountersManager manager = new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(count * CountersManager.METADATA_LENGTH, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(count * CountersManager.COUNTER_LENGTH, 64)));
        return new PacketSocketCounters(manager, labelPrefix);
    }

    /** The counter of {@code entry}. */
    public AtomicCounter counter(final PacketSocketCounter entry)
    {
        return counters[entry.ordinal()];
    }

    /** The current value of {@code entry}. */
    public long get(final PacketSocketCounter entry)
    {
        return counters[entry.ordinal()].get();
    }

    void increment(final PacketSocketCounter entry)
    {
        counters[entry.ordinal()].incrementRelease();
    }

    void add(final PacketSocketCounter entry, final long delta)
    {
        counters[entry.ordinal()].getAndAddRelease(delta);
    }
}
