package dev.xlat64.core.counters;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

/**
 * The counters of one translator (one per worker): one {@link AtomicCounter} per {@link DropReason} and per
 * {@link TranslatorOutcome}, allocated from an Agrona {@link CountersManager} so that another process can read
 * them live from the counters file (as Aeron's {@code AeronStat} does).
 * <p>
 * Labels are {@code <prefix>.drop.<reason>} and {@code <prefix>.<outcome>}; type ids are
 * {@link DropReason#TYPE_ID_BASE} + id and {@link TranslatorOutcome#TYPE_ID_BASE} + id. Single writer: the
 * owning worker increments with the release form.
 */
public final class TranslatorCounters implements AutoCloseable
{
    private final String prefix;
    private final AtomicCounter[] drops;
    private final AtomicCounter[] outcomes;

    /**
     * @param manager where the counters live.
     * @param prefix label prefix, e.g. {@code worker-0}.
     */
    public TranslatorCounters(final CountersManager manager, final String prefix)
    {
        this.prefix = prefix;
        final DropReason[] reasons = DropReason.values();
        drops = new AtomicCounter[reasons.length];
        for (final DropReason reason : reasons)
        {
            drops[reason.ordinal()] =
                manager.newCounter(prefix + "." + reason.label(), DropReason.TYPE_ID_BASE + reason.id());
        }
        final TranslatorOutcome[] all = TranslatorOutcome.values();
        outcomes = new AtomicCounter[all.length];
        for (final TranslatorOutcome outcome : all)
        {
            outcomes[outcome.ordinal()] =
                manager.newCounter(prefix + "." + outcome.label(), TranslatorOutcome.TYPE_ID_BASE + outcome.id());
        }
    }

    /**
     * Counts one dropped packet.
     *
     * @param reason why it was dropped.
     */
    public void drop(final DropReason reason)
    {
        drops[reason.ordinal()].incrementRelease();
    }

    /**
     * Counts one outcome.
     *
     * @param outcome what happened.
     */
    public void count(final TranslatorOutcome outcome)
    {
        outcomes[outcome.ordinal()].incrementRelease();
    }

    /**
     * Adds to an outcome counter.
     *
     * @param outcome what happened.
     * @param delta how many times.
     */
    public void count(final TranslatorOutcome outcome, final long delta)
    {
        outcomes[outcome.ordinal()].getAndAddRelease(delta);
    }

    /**
     * @param reason a drop reason.
     * @return its current value.
     */
    public long get(final DropReason reason)
    {
        return drops[reason.ordinal()].get();
    }

    /**
     * @param outcome an outcome.
     * @return its current value.
     */
    public long get(final TranslatorOutcome outcome)
    {
        return outcomes[outcome.ordinal()].get();
    }

    /**
     * @return the label prefix given at construction.
     */
    public String prefix()
    {
        return prefix;
    }

    /**
     * Frees the counters in their manager.
     */
    @Override
    public void close()
    {
        for (final AtomicCounter counter : drops)
        {
            counter.close();
        }
        for (final AtomicCounter counter : outcomes)
        {
            counter.close();
        }
    }
}
