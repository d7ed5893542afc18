package dev.xlat64.dns.colocated;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * One {@link AtomicCounter} per {@link ColocatedDnsCounter}. The diverter's counters ({@link #incrementShared})
 * are written by every RX agent, so they use atomic increments; the agent's own are single-writer
 * ({@link #increment}, release stores).
 */
public final class ColocatedDnsCounters
{
    private final AtomicCounter[] counters = new AtomicCounter[ColocatedDnsCounter.values().length];

    public ColocatedDnsCounters(final CountersManager manager)
    {
        for (final ColocatedDnsCounter c : ColocatedDnsCounter.values())
        {
            counters[c.ordinal()] = manager.newCounter(c.label(), c.typeId());
        }
    }

    /** Single writer: the DNS64 agent's thread. */
    public void increment(final ColocatedDnsCounter counter)
    {
        counters[counter.ordinal()].incrementRelease();
    }

    /** Any thread (the RX agents): an atomic add. */
    public void incrementShared(final ColocatedDnsCounter counter)
    {
        counters[counter.ordinal()].increment();
    }

    public long get(final ColocatedDnsCounter counter)
    {
        return counters[counter.ordinal()].get();
    }

    /** @return "name=value" for every non-zero counter, for logs and test messages. */
    @Override
    public String toString()
    {
        final StringBuilder out = new StringBuilder();
        for (final ColocatedDnsCounter c : ColocatedDnsCounter.values())
        {
            final long v = get(c);
            if (v != 0)
            {
                out.append(out.length() == 0 ? "" : " ").append(c.counterName()).append('=').append(v);
            }
        }
        return out.toString();
    }
}
