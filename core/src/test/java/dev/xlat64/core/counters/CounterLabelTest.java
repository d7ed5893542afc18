package dev.xlat64.core.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

class CounterLabelTest
{
    @Test
    void shouldFormatScopeNameAndKeysInOneStyle()
    {
        assertEquals("pipeline.rx-packets{port=v6,family=ipv6}",
            PipelineCounter.RX_PACKETS.label("port", "v6", "family", "ipv6"));
        assertEquals("translator.drop-hop-limit-exceeded{agent=worker-0}",
            DropReason.HOP_LIMIT_EXCEEDED.label("agent", "worker-0"));
        assertEquals("translator.translated-6to4", TranslatorOutcome.TRANSLATED_6TO4.label());
    }

    @Test
    void shouldNameMetricsAfterScopeAndCounterName()
    {
        assertEquals("xlat64_pipeline_rx_packets", PipelineCounter.RX_PACKETS.metricName());
        assertEquals("xlat64_translator_drop_hop_limit_exceeded", DropReason.HOP_LIMIT_EXCEEDED.metricName());
        assertEquals("xlat64_translator_translated_6to4", TranslatorOutcome.TRANSLATED_6TO4.metricName());
        assertEquals(CounterKind.GAUGE, PipelineCounter.DUTY_CYCLE_MAX_NS.kind());
        assertEquals(CounterKind.COUNTER, PipelineCounter.RX_PACKETS.kind());
    }

    @Test
    void shouldParseWhatItFormats()
    {
        assertEquals(new CounterLabel("pipeline", "rx-packets", Map.of("port", "v6", "family", "ipv6")),
            CounterLabel.parse("pipeline.rx-packets{port=v6,family=ipv6}"));
        assertEquals(List.of("port", "family"),
            new ArrayList<>(CounterLabel.parse("pipeline.rx-packets{port=v6,family=ipv6}").labels().keySet()));
        assertEquals(new CounterLabel("dns64-gateway", "diverted", Map.of()), CounterLabel.parse("dns64-gateway.diverted"));
    }

    @Test
    void shouldNotParseLabelsOfAnotherStyle()
    {
        assertNull(CounterLabel.parse("dns64 agent errors"));
        assertNull(CounterLabel.parse("rx-packets port=v6 family=ipv6"));
        assertNull(CounterLabel.parse("pipeline.rx-packets{port=v6"));
        assertNull(CounterLabel.parse("pipeline.rx-packets{port}"));
        assertNull(CounterLabel.parse("pipeline.rx-packets{}"));
        assertNull(CounterLabel.parse(".rx-packets"));
    }

    @Test
    void shouldRefuseKeysAndValuesThatBreakTheStyle()
    {
        assertEquals("counter pipeline.rx-packets: value 'v 6' of label key 'port' must be non-empty without " +
            "'{', '}', ',', '=' or white space",
            assertThrows(IllegalArgumentException.class, () -> PipelineCounter.RX_PACKETS.label("port", "v 6"))
                .getMessage());
        assertEquals("counter pipeline.rx-packets: label key 'Port' is not a Prometheus label name [a-z][a-z0-9_]*",
            assertThrows(IllegalArgumentException.class, () -> PipelineCounter.RX_PACKETS.label("Port", "v6"))
                .getMessage());
        assertEquals("counter pipeline.rx-packets: keys and values must come in pairs, got 1 strings",
            assertThrows(IllegalArgumentException.class, () -> PipelineCounter.RX_PACKETS.label("port")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PipelineCounter.RX_PACKETS.label("port", "a,b"));
        assertThrows(IllegalArgumentException.class, () -> PipelineCounter.RX_PACKETS.label("port", ""));
    }

    @Test
    void shouldAllocateOneCounterPerConstantWithReleaseIncrements()
    {
        final CountersManager manager = CounterSet.inMemoryManager(TranslatorOutcome.values().length);
        final CounterSet<TranslatorOutcome> set = new CounterSet<>(manager, TranslatorOutcome.class, "agent", "w");
        set.increment(TranslatorOutcome.HAIRPINNED);
        set.add(TranslatorOutcome.FRAGMENTS_EMITTED, 3);

        final List<String> seen = new ArrayList<>();
        manager.forEach((value, id, label) -> seen.add(manager.getCounterTypeId(id) + " " + label + " " + value));
        assertEquals(TranslatorOutcome.values().length, seen.size());
        assertEquals("901 translator.received-6{agent=w} 0", seen.get(0));
        assertEquals("908 translator.fragments-emitted{agent=w} 3", seen.get(7));
        assertEquals("909 translator.hairpinned{agent=w} 1", seen.get(8));
        assertEquals("fragments-emitted=3 hairpinned=1", set.toString());
        set.close();
        final List<String> left = new ArrayList<>();
        manager.forEach((value, id, label) -> left.add(label));
        assertEquals(List.of(), left);
    }

    @Test
    void shouldKeepEveryCoreDescriptorInsideItsScopesRange()
    {
        final List<CounterDescriptor> all = new ArrayList<>();
        all.addAll(List.of(DropReason.values()));
        all.addAll(List.of(TranslatorOutcome.values()));
        all.addAll(List.of(PipelineCounter.values()));
        for (final CounterDescriptor d : all)
        {
            assertEquals(true, d.scope().owns(d.typeId()), d + " type id " + d.typeId() + " outside " + d.scope());
        }
    }
}
