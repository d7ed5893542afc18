package dev.xlat64.core.counters;

import org.agrona.concurrent.status.CountersManager;

/**
 * The counters of one translator (one per worker): one counter per {@link DropReason} and per
 * {@link TranslatorOutcome}, allocated from an Agrona {@link CountersManager} so that another process can read
 * them live from the counters file (as Aeron's {@code AeronStat} does).
 * <p>
 * Labels are {@code translator.drop-<reason>{agent=<prefix>}} and {@code translator.<outcome>{agent=<prefix>}}
 * (see {@link CounterDescriptor}). Single writer: the owning worker increments with the release forms.
 */
public final class TranslatorCounters implements AutoCloseable
{
    private final CounterSet<DropReason> drops;
    private final CounterSet<TranslatorOutcome> outcomes;

    /**
     * @param manager where the counters live.
     * @param prefix the agent that owns them, the value of the {@code agent} key, e.g. {@code worker-0}.
     */
    public TranslatorCounters(final CountersManager manager, final String prefix)
    {
        drops = new CounterSet<>(manager, DropReason.class, "agent", prefix);
        outcomes = new CounterSet<>(manager, TranslatorOutcome.class, "agent", prefix);
    }

    /**
     * Counts one dropped packet.
     *
     * @param reason why it was dropped.
     */
    public void drop(final DropReason reason)
    {
        drops.increment(reason);
    }

    /**
     * Counts one outcome.
     *
     * @param outcome what happened.
     */
    public void count(final TranslatorOutcome outcome)
    {
        outcomes.increment(outcome);
    }

    /**
     * Adds to an outcome counter.
     *
     * @param outcome what happened.
     * @param delta how many times.
     */
    public void count(final TranslatorOutcome outcome, final long delta)
    {
        outcomes.add(outcome, delta);
    }

    /**
     * @param reason a drop reason.
     * @return its current value.
     */
    public long get(final DropReason reason)
    {
        return drops.get(reason);
    }

    /**
     * @param outcome an outcome.
     * @return its current value.
     */
    public long get(final TranslatorOutcome outcome)
    {
        return outcomes.get(outcome);
    }

    /**
     * Frees the counters in their manager.
     */
    @Override
    public void close()
    {
        drops.close();
        outcomes.close();
    }
}
