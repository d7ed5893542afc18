package dev.xlat64.core.pipeline;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.PipelineCounter;

/**
 * The counters one {@link RxAgent} writes, labelled with its port ({@link PipelineCounter} has the meanings).
 */
public final class RxCounters
{
    final AtomicCounter[] packets = new AtomicCounter[2];
    final AtomicCounter[] bytes = new AtomicCounter[2];
    final AtomicCounter neighborFrames;
    final AtomicCounter otherFrames;
    final AtomicCounter diverted;
    final AtomicCounter truncated;
    final AtomicCounter versionMismatch;
    final AtomicCounter workerRingFull;
    final AtomicCounter tooLong;
    final AtomicCounter agentErrors;
    final AtomicCounter dutyCycleMaxNs;

    public RxCounters(final CountersManager manager, final String portName)
    {
        for (final Family family : Family.values())
        {
            packets[family.ordinal()] = counter(manager, PipelineCounter.RX_PACKETS, portName, family);
            bytes[family.ordinal()] = counter(manager, PipelineCounter.RX_BYTES, portName, family);
        }
        neighborFrames = counter(manager, PipelineCounter.RX_NEIGHBOR_FRAMES, portName);
        otherFrames = counter(manager, PipelineCounter.RX_OTHER_FRAMES, portName);
        diverted = counter(manager, PipelineCounter.RX_DIVERTED, portName);
        truncated = counter(manager, PipelineCounter.DROP_RX_TRUNCATED, portName);
        versionMismatch = counter(manager, PipelineCounter.DROP_RX_VERSION_MISMATCH, portName);
        workerRingFull = counter(manager, PipelineCounter.DROP_WORKER_RING_FULL, portName);
        tooLong = counter(manager, PipelineCounter.DROP_PACKET_TOO_LONG, portName);
        agentErrors = counter(manager, PipelineCounter.DROP_AGENT_ERROR, portName);
        dutyCycleMaxNs = PipelineCounter.DUTY_CYCLE_MAX_NS.newCounter(manager, "agent", "rx-" + portName);
    }

    static AtomicCounter counter(final CountersManager manager, final PipelineCounter kind, final String portName)
    {
        return kind.newCounter(manager, "agent", "rx-" + portName, "port", portName);
    }

    static AtomicCounter counter(
        final CountersManager manager, final PipelineCounter kind, final String portName, final Family family)
    {
        return kind.newCounter(manager, "port", portName, "family", family.label());
    }

    /**
     * @return packets received as {@code family}.
     */
    public long packets(final Family family)
    {
        return packets[family.ordinal()].get();
    }

    /**
     * @return bytes received as {@code family}.
     */
    public long bytes(final Family family)
    {
        return bytes[family.ordinal()].get();
    }

    public long neighborFrames()
    {
        return neighborFrames.get();
    }

    public long otherFrames()
    {
        return otherFrames.get();
    }

    public long diverted()
    {
        return diverted.get();
    }

    public long truncated()
    {
        return truncated.get();
    }

    public long versionMismatch()
    {
        return versionMismatch.get();
    }

    public long workerRingFull()
    {
        return workerRingFull.get();
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
