package dev.xlat64.dns;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;

/**
 * One counter per {@link Dns64Counter} for one thread (single writer: release increments), labelled
 * {@code dns64.<name>{agent=<thread>}}.
 */
public final class Dns64Counters extends CounterSet<Dns64Counter>
{
    /**
     * @param manager where the counters live (e.g. over a memory-mapped file read by {@code xlat64 stats}).
     * @param agent   the thread that writes them, e.g. {@code "dns-0"}; labels read {@code "dns64.queries{agent=dns-0}"}.
     */
    public Dns64Counters(final CountersManager manager, final String agent)
    {
        super(manager, Dns64Counter.class, "agent", agent);
    }

    /** @return counters in a private in-memory counters manager (tests, benchmarks, the standalone server). */
    public static Dns64Counters inMemory(final String agent)
    {
        return new Dns64Counters(CounterSet.inMemoryManager(Dns64Counter.values().length), agent);
    }
}
