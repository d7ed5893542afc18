package dev.xlat64.core.pipeline;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.PipelineCounter;

/**
 * The counters one {@link WorkerAgent} writes besides its translator's own.
 */
public final class WorkerCounters
{
    final AtomicCounter packets;
    final AtomicCounter txRingFull;
    final AtomicCounter tooLong;
    final AtomicCounter agentErrors;
    final AtomicCounter dutyCycleMaxNs;

    public WorkerCounters(final CountersManager manager, final String workerName)
    {
        packets = counter(manager, PipelineCounter.WORKER_PACKETS, workerName);
        txRingFull = counter(manager, PipelineCounter.DROP_TX_RING_FULL, workerName);
        tooLong = counter(manager, PipelineCounter.DROP_PACKET_TOO_LONG, workerName);
        agentErrors = counter(manager, PipelineCounter.DROP_AGENT_ERROR, workerName);
        dutyCycleMaxNs = counter(manager, PipelineCounter.DUTY_CYCLE_MAX_NS, workerName);
    }

    private static AtomicCounter counter(final CountersManager manager, final PipelineCounter kind, final String name)
    {
        return kind.newCounter(manager, "agent", name);
    }

    public long packets()
    {
        return packets.get();
    }

    public long txRingFull()
    {
        return txRingFull.get();
    }

    public long tooLong()
    {
        return tooLong.get();
    }

    public long agentErrors()
    {
        return agentErrors.get();
    }

    public long dutyCycleMaxNs()
    {
        return dutyCycleMaxNs.get();
    }
}
