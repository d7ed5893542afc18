package dev.xlat64.io.neighbor;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;

/**
 * One counter per {@link NeighborCounter}, labelled {@code neighbor.<name>{port=<interface>}}; single writer (the
 * thread that owns the resolver: the port's TX agent), release stores.
 */
public final class NeighborCounters extends CounterSet<NeighborCounter>
{
    /** Allocates the counters in {@code manager}, labelled with {@code port=<port>}. */
    public NeighborCounters(final CountersManager manager, final String port)
    {
        super(manager, NeighborCounter.class, "port", port);
    }

    /** Counters in a private CountersManager, for tests and tools that don't publish counters. */
    public static NeighborCounters standalone(final String port)
    {
        return new NeighborCounters(CounterSet.inMemoryManager(NeighborCounter.values().length), port);
    }
}
