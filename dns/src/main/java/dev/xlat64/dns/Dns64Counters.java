package dev.xlat64.dns;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * One {@link AtomicCounter} per {@link Dns64Counter}, for one thread (single writer: release increments).
 */
public final class Dns64Counters
{
    private final AtomicCounter[] counters = new AtomicCounter[Dns64Counter.values().length];

    /**
     * @param manager     where the counters live (e.g. over a memory-mapped file read by {@code xlat64 stats}).
     * @param labelPrefix e.g. {@code "dns-0"}; labels read {@code "dns-0: queries"}.
     */
    public Dns64Counters(final CountersManager manager, final String labelPrefix)
    {
        for (final Dns64Counter c : Dns64Counter.values())
        {
            counters[c.ordinal()] = manager.newCounter(labelPrefix + ": " + c.name().toLowerCase(), c.typeId());
        }
    }

    /** @return counters in a private in-memory counters manager (tests, benchmarks, the standalone server). */
    public static Dns64Counters inMemory(final String labelPrefix)
    {
        return new Dns64Counters(newManager(Dns64Counter.values().length), labelPrefix);
    }

    /** @return an in-memory manager with room for {@code counters} counters. */
    public static CountersManager newManager(final int counters)
    {
        final int values = Math.max(1, counters) * CountersReader.COUNTER_LENGTH;
        final int valuesCapacity = Integer.highestOneBit(values * 2 - 1);
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(valuesCapacity * (CountersReader.METADATA_LENGTH / CountersReader.COUNTER_LENGTH))),
            new UnsafeBuffer(ByteBuffer.allocateDirect(valuesCapacity)));
    }

    public void increment(final Dns64Counter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    public void add(final Dns64Counter counter, final long delta)
    {
        counters[counter.ordinal()].getAndAddRelease(delta);
    }

    public long get(final Dns64Counter counter)
    {
        return counters[counter.ordinal()].get();
    }

    /** @return "name=value" for every non-zero counter, for logs and test messages. */
    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        for (final Dns64Counter c : Dns64Counter.values())
        {
            final long v = get(c);
            if (v != 0)
            {
                out.append(out.length() == 0 ? "" : " ").append(c.name().toLowerCase()).append('=').append(v);
            }
        }
        return out.toString();
    }
}
