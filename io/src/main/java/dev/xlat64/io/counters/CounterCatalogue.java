package dev.xlat64.io.counters;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.colocated.ColocatedDnsCounter;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import dev.xlat64.io.neighbor.NeighborCounter;

/**
 * Every counter descriptor of the gateway, found by type id: how a reader of the counters file learns a
 * counter's metric name, kind and sentence (the ranges themselves are listed in
 * {@link dev.xlat64.core.counters.CounterScope}; nothing here is derived from them).
 */
public final class CounterCatalogue
{
    private static final List<CounterDescriptor> ALL;
    private static final Map<Integer, CounterDescriptor> BY_TYPE_ID = new HashMap<>();

    static
    {
        final List<CounterDescriptor> all = new ArrayList<>();
        all.addAll(List.of(PacketSocketCounter.values()));
        all.addAll(List.of(NeighborCounter.values()));
        all.addAll(List.of(TranslatorOutcome.values()));
        all.addAll(List.of(DropReason.values()));
        all.addAll(List.of(PipelineCounter.values()));
        all.addAll(List.of(Dns64Counter.values()));
        all.addAll(List.of(ColocatedDnsCounter.values()));
        for (final CounterDescriptor descriptor : all)
        {
            final CounterDescriptor clash = BY_TYPE_ID.put(descriptor.typeId(), descriptor);
            if (clash != null)
            {
                throw new IllegalStateException("counter type id " + descriptor.typeId() + " is used by both " +
                    clash.scope().scopeName() + "." + clash.counterName() + " and " +
                    descriptor.scope().scopeName() + "." + descriptor.counterName());
            }
        }
        ALL = Collections.unmodifiableList(all);
    }

    private CounterCatalogue()
    {
    }

    /**
     * @return the descriptor with that type id, or null (a counter of a newer version, or not ours).
     */
    public static CounterDescriptor byTypeId(final int typeId)
    {
        return BY_TYPE_ID.get(typeId);
    }

    /**
     * @return every descriptor, area by area.
     */
    public static List<CounterDescriptor> all()
    {
        return ALL;
    }
}
