package dev.xlat64.core.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;
import org.junit.jupiter.api.Test;

class TranslatorCountersTest
{
    @Test
    void shouldExposeEveryReasonAndOutcomeWithStableTypeIdAndLabel()
    {
        final CountersManager manager = CounterSet.inMemoryManager(128);
        final TranslatorCounters counters = new TranslatorCounters(manager, "worker-3");
        counters.drop(DropReason.HOP_LIMIT_EXCEEDED);
        counters.drop(DropReason.HOP_LIMIT_EXCEEDED);
        counters.count(TranslatorOutcome.TRANSLATED_6TO4);
        counters.count(TranslatorOutcome.FRAGMENTS_EMITTED, 5);

        final Map<String, Long> byLabel = new HashMap<>();
        final Map<String, Integer> typeByLabel = new HashMap<>();
        final CountersReader reader = manager;
        reader.forEach((id, typeId, keyBuffer, label) ->
        {
            byLabel.put(label, reader.getCounterValue(id));
            typeByLabel.put(label, typeId);
        });

        assertEquals(DropReason.values().length + TranslatorOutcome.values().length, byLabel.size());
        assertEquals(2L, byLabel.get("translator.drop-hop-limit-exceeded{agent=worker-3}"));
        assertEquals(1006, typeByLabel.get("translator.drop-hop-limit-exceeded{agent=worker-3}"));
        assertEquals(1L, byLabel.get("translator.translated-6to4{agent=worker-3}"));
        assertEquals(903, typeByLabel.get("translator.translated-6to4{agent=worker-3}"));
        assertEquals(5L, byLabel.get("translator.fragments-emitted{agent=worker-3}"));
        assertEquals(2L, counters.get(DropReason.HOP_LIMIT_EXCEEDED));
        assertEquals(0L, counters.get(DropReason.TTL_EXCEEDED));
    }

    @Test
    void shouldHaveUniqueIds()
    {
        final Set<Integer> ids = new HashSet<>();
        for (final DropReason reason : DropReason.values())
        {
            assertEquals(true, ids.add(DropReason.TYPE_ID_BASE + reason.id()), reason.name());
        }
        for (final TranslatorOutcome outcome : TranslatorOutcome.values())
        {
            assertEquals(true, ids.add(TranslatorOutcome.TYPE_ID_BASE + outcome.id()), outcome.name());
        }
    }
}
