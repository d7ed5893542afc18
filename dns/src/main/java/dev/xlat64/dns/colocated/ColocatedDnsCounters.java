package dev.xlat64.dns.colocated;

import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.CounterSet;

/**
 * One counter per {@link ColocatedDnsCounter}, labelled {@code dns64-gateway.<name>}. Two kinds of writer: the
 * diverter's counters ({@link #incrementShared}: {@code DIVERTED}, {@code RING_FULL}, {@code LOCAL},
 * {@code QUERY_TOO_LONG}) are written by every RX agent, so they use atomic adds; the agent's own are
 * single-writer ({@link #increment}, release stores).
 */
public final class ColocatedDnsCounters extends CounterSet<ColocatedDnsCounter>
{
    public ColocatedDnsCounters(final CountersManager manager)
    {
        super(manager, ColocatedDnsCounter.class);
    }

    /** Any thread (the RX agents): an atomic add. */
    public void incrementShared(final ColocatedDnsCounter counter)
    {
        counter(counter).increment();
    }
}
