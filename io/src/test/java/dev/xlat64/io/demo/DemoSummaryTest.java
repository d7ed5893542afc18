package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.pipeline.RxCounters;

class DemoSummaryTest
{
    @Test
    void shouldSumTheWorkersOutcomesAndNameEveryDropReason()
    {
        final CountersManager manager = CounterSet.inMemoryManager(1024);
        final TranslatorCounters worker0 = new TranslatorCounters(manager, "worker-0");
        final TranslatorCounters worker1 = new TranslatorCounters(manager, "worker-1");
        new RxCounters(manager, "v6");
        worker0.count(TranslatorOutcome.TRANSLATED_6TO4, 10);
        worker1.count(TranslatorOutcome.TRANSLATED_6TO4, 5);
        worker1.count(TranslatorOutcome.TRANSLATED_4TO6, 7);
        worker0.count(TranslatorOutcome.ICMP_ERRORS_GENERATED, 2);
        worker0.drop(DropReason.HOP_LIMIT_EXCEEDED);
        worker1.drop(DropReason.HOP_LIMIT_EXCEEDED);
        worker1.drop(DropReason.PACKET_TOO_BIG);

        assertEquals("In plain words: the gateway translated 15 packets from IPv6 to IPv4 and 7 from IPv4 to IPv6 " +
            "(0 of them ICMP errors with the packet inside), sent 2 ICMP errors of its own, and dropped 3 " +
            "(hop-limit-exceeded 2, packet-too-big 1).", Demo.summary(manager));
    }
}
