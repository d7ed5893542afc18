package dev.xlat64.io.neighbor;

import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/** One Agrona {@link AtomicCounter} per {@link NeighborCounter}; single writer (the resolver's owner). */
public final class NeighborCounters
{
    private static final NeighborCounter[] ENTRIES = NeighborCounter.values();

    private final AtomicCounter[] counters = new AtomicCounter[ENTRIES.length];

    /** Allocates the counters in {@code manager}, labelled {@code labelPrefix + "." + label}. */
    public NeighborCounters(final CountersManager manager, final String labelPrefix)
    {
        for (final NeighborCounter entry : ENTRIES)
        {
            counters[entry.ordinal()] = manager.newCounter(labelPrefix + "." + entry.label(), entry.typeId());
        }
    }

    /** Counters in a private CountersManager, for tests and tools that don't publish counters. */
    public static NeighborCounters standalone(final String labelPrefix)
    {
        final int count = ENTRIES.length;
        return new NeighborCounters(new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(count * CountersManager.METADATA_LENGTH, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(count * CountersManager.COUNTER_LENGTH, 64))),
            labelPrefix);
    }

    public AtomicCounter counter(final NeighborCounter entry)
    {
        return counters[entry.ordinal()];
    }

    public long get(final NeighborCounter entry)
    {
        return counters[entry.ordinal()].get();
    }

    void increment(final NeighborCounter entry)
    {
        counters[entry.ordinal()].incrementRelease();
    }

    void add(final NeighborCounter entry, final long delta)
    {
        counters[entry.ordinal()].getAndAddRelease(delta);
    }
}
