package dev.xlat64.io.gateway;

import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The idle strategies an operator can pick ({@code gateway.idle-strategy}): what a thread does when a duty cycle
 * found no work.
 */
public enum IdleStrategyName
{
    /**
     * Spin for {@code gateway.idle-spin-us} (default {@value #DEFAULT_POLL_SPIN_US} µs) after the last work, then
     * sleep in poll(2) on the thread's ports (at most {@value #POLL_TIMEOUT_MS} ms, for timers): a frame wakes the
     * thread within microseconds, an idle gateway costs almost no CPU. No yield phase: on a CPU shared with another
     * busy task, sched_yield would hand it a whole time slice while frames queue, and a thread that sleeps soon is
     * woken ahead of CPU-bound tasks. Threads without a port park {@value #PARK_US} µs instead.
     * The default ({@link PollIdleStrategy}).
     */
    POLL("poll"),
    /** Spin, then yield, then park from 1 µs up to 1 ms: low CPU when idle, but up to 1 ms added per hop. */
    BACKOFF("backoff"),
    /**
     * Never give the CPU back: one full core per thread, the lowest latency on a CPU of its own. On a CPU shared
     * with other busy tasks the scheduler takes it off for whole time slices (the lab saw heavy loss then).
     */
    BUSY_SPIN("busy-spin"),
    /** Thread.yield() between empty cycles. */
    YIELD("yield"),
    /** Park 1 ms between empty cycles: least CPU, highest latency. */
    SLEEP("sleep");

    /** Default of {@code gateway.idle-spin-us}: how long a {@link #POLL} thread spins before it sleeps. */
    public static final int DEFAULT_POLL_SPIN_US = 10;
    static final int POLL_TIMEOUT_MS = 1;
    static final long PARK_US = 50;

    private final String configName;

    IdleStrategyName(final String configName)
    {
        this.configName = configName;
    }

    public String configName()
    {
        return configName;
    }

    /**
     * @return a new strategy instance (each thread needs its own) for a thread with no pollable port.
     */
    public IdleStrategy newStrategy()
    {
        return newStrategy(new int[0], DEFAULT_POLL_SPIN_US);
    }

    /**
     * @param pollFds the file descriptors of the thread's ports, which {@link #POLL} sleeps on.
     * @param spinUs how long {@link #POLL} spins after the last work before it sleeps.
     * @return a new strategy instance (each thread needs its own).
     */
    public IdleStrategy newStrategy(final int[] pollFds, final int spinUs)
    {
        return switch (this)
        {
            case POLL -> new PollIdleStrategy(pollFds.clone(), TimeUnit.MICROSECONDS.toNanos(spinUs),
                TimeUnit.MICROSECONDS.toNanos(spinUs), POLL_TIMEOUT_MS, TimeUnit.MICROSECONDS.toNanos(PARK_US));
            case BACKOFF -> new BackoffIdleStrategy(100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(1));
            case BUSY_SPIN -> new BusySpinIdleStrategy();
            case YIELD -> new YieldingIdleStrategy();
            case SLEEP -> new SleepingIdleStrategy(TimeUnit.MILLISECONDS.toNanos(1));
        };
    }

    public static IdleStrategyName of(final String configName)
    {
        for (final IdleStrategyName name : values())
        {
            if (name.configName.equals(configName))
            {
                return name;
            }
        }
        throw new IllegalArgumentException("unknown idle strategy " + configName);
    }

    public static String[] configNames()
    {
        final IdleStrategyName[] values = values();
        final String[] names = new String[values.length];
        for (int i = 0; i < values.length; i++)
        {
            names[i] = values[i].configName;
        }
        return names;
    }
}
