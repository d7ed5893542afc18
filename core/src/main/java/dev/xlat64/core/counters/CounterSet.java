package dev.xlat64.core.counters;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * One {@link AtomicCounter} per constant of a descriptor enum, all labelled with the same keys (e.g.
 * {@code port=v6}): the allocation every area's counter holder shares. Single writer: {@link #increment} and
 * {@link #add} use the release forms, so only the owning thread may call them.
 *
 * @param <E> the descriptor enum.
 */
public class CounterSet<E extends Enum<E> & CounterDescriptor> implements AutoCloseable
{
    private final E[] entries;
    private final AtomicCounter[] counters;

    /**
     * Allocates one counter per constant of {@code type} in {@code manager}.
     *
     * @param keyValues key, value, ... added to every label (see {@link CounterDescriptor#label}).
     */
    public CounterSet(final CountersManager manager, final Class<E> type, final String... keyValues)
    {
        entries = type.getEnumConstants();
        counters = new AtomicCounter[entries.length];
        for (final E entry : entries)
        {
            counters[entry.ordinal()] = entry.newCounter(manager, keyValues);
        }
    }

    /**
     * @return a manager over private direct buffers with room for {@code counters} counters, for tests, tools
     * and servers whose counters nobody else reads.
     */
    public static CountersManager inMemoryManager(final int counters)
    {
        final int n = Math.max(1, counters);
        return new CountersManager(
            new UnsafeBuffer(ByteBuffer.allocateDirect(n * CountersReader.METADATA_LENGTH)),
            new UnsafeBuffer(ByteBuffer.allocateDirect(n * CountersReader.COUNTER_LENGTH)));
    }

    /**
     * @return the counter of {@code entry}, for code that keeps it in a field.
     */
    public AtomicCounter counter(final E entry)
    {
        return counters[entry.ordinal()];
    }

    /**
     * @return the current value of {@code entry}.
     */
    public long get(final E entry)
    {
        return counters[entry.ordinal()].get();
    }

    /**
     * Adds one (owning thread only).
     */
    public void increment(final E entry)
    {
        counters[entry.ordinal()].incrementRelease();
    }

    /**
     * Adds {@code delta} (owning thread only).
     */
    public void add(final E entry, final long delta)
    {
        counters[entry.ordinal()].getAndAddRelease(delta);
    }

    /**
     * Frees the counters in their manager.
     */
    @Override
    public void close()
    {
        for (final AtomicCounter counter : counters)
        {
            counter.close();
        }
    }

    /**
     * @return {@code counter-name=value} for every non-zero counter, for logs and test messages.
     */
    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        for (final E entry : entries)
        {
            final long value = get(entry);
            if (value != 0)
            {
                out.append(out.length() == 0 ? "" : " ").append(entry.counterName()).append('=').append(value);
            }
        }
        return out.toString();
    }
}
