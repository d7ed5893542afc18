package dev.xlat64.core.pipeline;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.counters.PipelineCounter;

/**
 * The counters one {@link TxAgent} writes, labelled with its port. Single writer each: the TX agent, except
 * {@link #neighborRingFullCounter()}, which only the RX agent of the same port writes.
 */
public final class TxCounters
{
    final AtomicCounter[] packets = new AtomicCounter[2];
    final AtomicCounter[] bytes = new AtomicCounter[2];
    final AtomicCounter noNextHop;
    final AtomicCounter heldForNextHop;
    final AtomicCounter neighborRingFull;
    final AtomicCounter queueFull;
    final AtomicCounter agentErrors;
    final AtomicCounter dutyCycleMaxNs;

    public TxCounters(final CountersManager manager, final String portName)
    {
        for (final Family family : Family.values())
        {
            packets[family.ordinal()] =
                PipelineCounter.TX_PACKETS.newCounter(manager, "port", portName, "family", family.label());
            bytes[family.ordinal()] =
                PipelineCounter.TX_BYTES.newCounter(manager, "port", portName, "family", family.label());
        }
        noNextHop = counter(manager, PipelineCounter.DROP_NO_NEXT_HOP, portName);
        heldForNextHop = counter(manager, PipelineCounter.TX_HELD_FOR_NEXT_HOP, portName);
        neighborRingFull = counter(manager, PipelineCounter.DROP_NEIGHBOR_RING_FULL, portName);
        queueFull = counter(manager, PipelineCounter.DROP_TX_QUEUE_FULL, portName);
        agentErrors = counter(manager, PipelineCounter.DROP_AGENT_ERROR, portName);
        dutyCycleMaxNs = PipelineCounter.DUTY_CYCLE_MAX_NS.newCounter(manager, "agent", "tx-" + portName);
    }

    private static AtomicCounter counter(final CountersManager manager, final PipelineCounter kind, final String portName)
    {
        return kind.newCounter(manager, "agent", "tx-" + portName, "port", portName);
    }

    public long packets(final Family family)
    {
        return packets[family.ordinal()].get();
    }

    public long bytes(final Family family)
    {
        return bytes[family.ordinal()].get();
    }

    public long noNextHop()
    {
        return noNextHop.get();
    }

    public long heldForNextHop()
    {
        return heldForNextHop.get();
    }

    /**
     * @return the counter an RX agent's {@link NeighborFrameRing} bumps when this port's neighbor ring is full.
     */
    public AtomicCounter neighborRingFullCounter()
    {
        return neighborRingFull;
    }

    public long queueFull()
    {
        return queueFull.get();
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
