package dev.xlat64.dns.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Selector;

import org.agrona.concurrent.IdleStrategy;

/**
 * Spins briefly when a duty cycle found no work, then sleeps in {@link Selector#select(long)} until a socket
 * is ready (or a short timeout passes, for upstream deadlines): an idle DNS thread costs no CPU, a busy one
 * never sleeps. The ready keys are handled by the next duty cycle's {@code selectNow}.
 */
final class SelectorIdleStrategy implements IdleStrategy
{
    private static final int SPINS = 50;

    private final Selector selector;
    private final long maxSleepMs;
    private int idleCycles;

    SelectorIdleStrategy(final Selector selector, final long maxSleepMs)
    {
        this.selector = selector;
        this.maxSleepMs = maxSleepMs;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            idleCycles = 0;
            return;
        }
        idle();
    }

    @Override
    public void idle()
    {
        if (++idleCycles < SPINS)
        {
            Thread.onSpinWait();
            return;
        }
        try
        {
            selector.select(maxSleepMs);
            selector.selectedKeys().clear();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void reset()
    {
        idleCycles = 0;
    }

    @Override
    public String alias()
    {
        return "selector";
    }
}
