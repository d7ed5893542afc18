package dev.xlat64.io.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterLabel;
import dev.xlat64.core.counters.CounterScope;
import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.pipeline.RxCounters;
import dev.xlat64.core.pipeline.TxCounters;
import dev.xlat64.core.pipeline.WorkerCounters;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.colocated.ColocatedDnsCounter;
import dev.xlat64.dns.colocated.ColocatedDnsCounters;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import dev.xlat64.io.afpacket.PacketSocketCounters;
import dev.xlat64.io.neighbor.NeighborCounter;
import dev.xlat64.io.neighbor.NeighborCounters;

class CounterCatalogueTest
{
    @Test
    void shouldKeepEveryDescriptorInItsScopesRangeWithAUniqueTypeIdAndMetricName()
    {
        final Set<Integer> typeIds = new HashSet<>();
        final Set<String> metricNames = new HashSet<>();
        final Set<CounterScope> scopes = new HashSet<>();
        for (final CounterDescriptor d : CounterCatalogue.all())
        {
            final String what = d.scope().scopeName() + "." + d.counterName() + " (" + d.typeId() + ")";
            assertTrue(d.scope().owns(d.typeId()), what + " outside " + d.scope().firstTypeId() + "-" +
                d.scope().lastTypeId());
            assertTrue(typeIds.add(d.typeId()), what + ": type id used twice");
            assertTrue(metricNames.add(d.metricName()), what + ": metric name used twice");
            assertTrue(d.counterName().matches("[a-z0-9]+(-[a-z0-9]+)*"), what);
            assertTrue(d.description().length() > 10, what + ": a sentence, not '" + d.description() + "'");
            assertEquals(d, CounterCatalogue.byTypeId(d.typeId()));
            scopes.add(d.scope());
        }
        assertEquals(Set.of(CounterScope.values()), scopes, "every scope of the table has descriptors");
    }

    @Test
    void shouldLabelEveryAreasCountersInTheOneStyle()
    {
        final CountersManager manager = CounterSet.inMemoryManager(512);
        new RxCounters(manager, "v6");
        new TxCounters(manager, "v4");
        new WorkerCounters(manager, "worker-0");
        new TranslatorCounters(manager, "worker-0");
        new PacketSocketCounters(manager, "eth1");
        new NeighborCounters(manager, "eth1");
        new Dns64Counters(manager, "dns64");
        new ColocatedDnsCounters(manager);

        final List<String> labels = new ArrayList<>();
        manager.forEach((value, id, label) ->
        {
            final CounterDescriptor d = CounterCatalogue.byTypeId(manager.getCounterTypeId(id));
            assertNotNull(d, label);
            final CounterLabel parsed = CounterLabel.parse(label);
            assertNotNull(parsed, label);
            assertEquals(d.scope().scopeName(), parsed.scope(), label);
            assertEquals(d.counterName(), parsed.counterName(), label);
            labels.add(label);
        });
        // RX: packets and bytes per family + 9; TX: packets and bytes per family + 6; worker: 5.
        assertEquals(13 + 10 + 5 + DropReason.values().length + TranslatorOutcome.values().length +
            PacketSocketCounter.values().length + NeighborCounter.values().length + Dns64Counter.values().length +
            ColocatedDnsCounter.values().length, labels.size());
        assertEquals(144, labels.size());
        for (final String expected : List.of(
            "pipeline.rx-packets{port=v6,family=ipv6}",
            "pipeline.drop-rx-truncated{agent=rx-v6,port=v6}",
            "pipeline.duty-cycle-max-ns{agent=rx-v6}",
            "pipeline.tx-bytes{port=v4,family=ipv4}",
            "pipeline.drop-neighbor-ring-full{agent=tx-v4,port=v4}",
            "pipeline.worker-packets{agent=worker-0}",
            "translator.received-6{agent=worker-0}",
            "translator.drop-wrong-ip-version{agent=worker-0}",
            "socket.rx-drop-checksum-partial{port=eth1}",
            "neighbor.neighbor-solicitations-sent{port=eth1}",
            "dns64.upstream-tcp-fallback{agent=dns64}",
            "dns64-gateway.local"))
        {
            assertTrue(labels.contains(expected), expected + " in " + labels);
        }
    }
}
