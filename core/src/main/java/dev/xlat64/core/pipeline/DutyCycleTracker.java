package dev.xlat64.core.pipeline;

import org.agrona.concurrent.status.AtomicCounter;

/**
 * Tracks the longest time between two duty cycles of an agent and publishes it as a counter: a stalled agent
 * (GC pause, a descheduled thread, a slow batch) shows up as a large maximum.
 */
public final class DutyCycleTracker
{
    private final AtomicCounter maxCycleNs;
    private long lastNs;
    private boolean started;

    public DutyCycleTracker(final AtomicCounter maxCycleNs)
    {
        this.maxCycleNs = maxCycleNs;
    }

    /**
     * Called once at the start of every duty cycle with the time read for that cycle.
     */
    public void measure(final long nowNs)
    {
        if (started)
        {
            final long cycleNs = nowNs - lastNs;
            if (cycleNs > maxCycleNs.getPlain())
            {
                maxCycleNs.setRelease(cycleNs);
            }
        }
        started = true;
        lastNs = nowNs;
    }
}
