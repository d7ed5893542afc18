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
    /** Spin, then yield, then park from 1 µs up to 1 ms: low CPU when idle, sub-millisecond wake-up. The default. */
    BACKOFF("backoff"),
    /** Never give the CPU back: lowest latency, one full core per thread. For benchmarks. */
    BUSY_SPIN("busy-spin"),
    /** Thread.yield() between empty cycles. */
    YIELD("yield"),
    /** Park 1 ms between empty cycles: least CPU, highest latency. */
    SLEEP("sleep");

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
     * @return a new strategy instance (each thread needs its own).
     */
    public IdleStrategy newStrategy()
    {
        return switch (this)
        {
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
