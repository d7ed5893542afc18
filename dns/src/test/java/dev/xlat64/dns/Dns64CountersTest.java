package dev.xlat64.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.dns.colocated.ColocatedDnsCounter;
import dev.xlat64.dns.colocated.ColocatedDnsCounters;

class Dns64CountersTest
{
    private static List<String> typeIdLabelValue(final CountersManager manager)
    {
        final List<String> seen = new ArrayList<>();
        manager.forEach((value, id, label) -> seen.add(manager.getCounterTypeId(id) + " " + label + " " + value));
        return seen;
    }

    @Test
    void shouldLabelResolverCountersWithTheirThread()
    {
        final CountersManager manager = CounterSet.inMemoryManager(Dns64Counter.values().length);
        final Dns64Counters counters = new Dns64Counters(manager, "dns-1");
        counters.increment(Dns64Counter.CACHE_HITS);
        counters.add(Dns64Counter.AAAA_EXCLUDED, 3);

        final List<String> seen = typeIdLabelValue(manager);
        assertEquals(Dns64Counter.values().length, seen.size());
        assertEquals("6400 dns64.queries{agent=dns-1} 0", seen.get(0));
        assertEquals("6408 dns64.cache-hits{agent=dns-1} 1", seen.get(8));
        assertEquals("6414 dns64.aaaa-excluded{agent=dns-1} 3", seen.get(14));
        assertEquals("6436 dns64.agent-errors{agent=dns-1} 0", seen.get(36));
        assertEquals("cache-hits=1 aaaa-excluded=3", counters.toString());
        assertEquals("xlat64_dns64_cache_hits", Dns64Counter.CACHE_HITS.metricName());
    }

    @Test
    void shouldLabelTheColocatedAgentsCountersWithoutKeys()
    {
        final CountersManager manager = CounterSet.inMemoryManager(ColocatedDnsCounter.values().length);
        final ColocatedDnsCounters counters = new ColocatedDnsCounters(manager);
        counters.incrementShared(ColocatedDnsCounter.DIVERTED);
        counters.increment(ColocatedDnsCounter.ANSWERS_OUT);

        final List<String> seen = typeIdLabelValue(manager);
        assertEquals("6500 dns64-gateway.diverted 1", seen.get(0));
        assertEquals("6501 dns64-gateway.drop-ring-full 0", seen.get(1));
        assertEquals("6505 dns64-gateway.answers-out 1", seen.get(5));
        assertEquals("6509 dns64-gateway.drop-query-too-long 0", seen.get(9));
        assertEquals("xlat64_dns64_gateway_drop_ring_full", ColocatedDnsCounter.RING_FULL.metricName());
    }
}
