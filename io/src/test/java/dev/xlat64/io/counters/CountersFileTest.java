package dev.xlat64.io.counters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.counters.CounterKind;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.RxCounters;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.colocated.ColocatedDnsCounter;
import dev.xlat64.dns.colocated.ColocatedDnsCounters;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import dev.xlat64.io.afpacket.PacketSocketCounters;
import dev.xlat64.io.neighbor.NeighborCounter;
import dev.xlat64.io.neighbor.NeighborCounters;

class CountersFileTest
{
    @TempDir
    Path dir;

    @Test
    void shouldLetAReaderMappingSeeCountersTheWriterIncrements() throws IOException
    {
        final Path path = dir.resolve("counters");
        try (CountersFile writer = CountersFile.create(path, 64))
        {
            final AtomicCounter counter =
                PipelineCounter.RX_PACKETS.newCounter(writer.manager(), "port", "v6", "family", "ipv6");
            counter.incrementRelease();
            try (CountersFile reader = CountersFile.openForReading(path))
            {
                counter.getAndAddRelease(41);
                final List<String> seen = new ArrayList<>();
                reader.reader().forEach((value, id, label) -> seen.add(label + "=" + value + "/" +
                    reader.reader().getCounterTypeId(id)));
                assertEquals(List.of("pipeline.rx-packets{port=v6,family=ipv6}=42/2000"), seen);
                assertEquals(ProcessHandle.current().pid(), reader.pid());
            }
        }
        assertFalse(Files.exists(path), "the writer removes its file on close");
    }

    @Test
    void shouldReplaceAFileLeftByAProcessThatIsGone() throws IOException
    {
        final Path path = dir.resolve("stale");
        Files.write(path, new byte[CountersFile.HEADER_LENGTH]); // no magic: not a live gateway's file
        try (CountersFile file = CountersFile.create(path, 8))
        {
            assertEquals(8, file.manager().maxCounterId() + 1);
        }
    }

    @Test
    void shouldRefuseAFileOfARunningProcess() throws Exception
    {
        final Path path = dir.resolve("live");
        try (CountersFile ignored = CountersFile.create(path, 8))
        {
            final Process other = new ProcessBuilder("sleep", "30").start();
            try
            {
                // Rewrite the pid field to another live process, as a second gateway would find it.
                try (var channel = java.nio.channels.FileChannel.open(path, java.nio.file.StandardOpenOption.WRITE))
                {
                    final var pid = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.nativeOrder());
                    pid.putLong(other.pid()).flip();
                    channel.write(pid, CountersFile.PID_OFFSET);
                }
                final IOException ex = assertThrows(IOException.class, () -> CountersFile.create(path, 8));
                assertEquals("counters file " + path + " belongs to running process " + other.pid() +
                    "; stop it or set gateway.counters-file to another path", ex.getMessage());
            }
            finally
            {
                other.destroy();
            }
        }
    }

    @Test
    void shouldNameTheMissingFile()
    {
        final IOException ex = assertThrows(IOException.class, () -> CountersFile.openForReading(dir.resolve("none")));
        assertTrue(ex.getMessage().startsWith("no counters file at " + dir.resolve("none")), ex.getMessage());
    }

    @Test
    void shouldNameASampleFromItsDescriptorAndItsLabelsKeys()
    {
        final CounterSample known = CounterSample.of(2000, "pipeline.rx-packets{port=v6,family=ipv6}", 7);
        assertEquals(new CounterSample("pipeline", "xlat64_pipeline_rx_packets", CounterKind.COUNTER,
            "IP packets received on a port, by family.", Map.of("port", "v6", "family", "ipv6"), 7), known);
        assertEquals("xlat64_pipeline_rx_packets_total{port=\"v6\",family=\"ipv6\"}", known.series());
        assertEquals("xlat64_pipeline_duty_cycle_max_ns{agent=\"worker-0\"}",
            CounterSample.of(2020, "pipeline.duty-cycle-max-ns{agent=worker-0}", 1).series());
    }

    @Test
    void shouldStillShowCountersWithoutADescriptor()
    {
        assertEquals(new CounterSample("future", "xlat64_future_new_thing", CounterKind.COUNTER,
            "Counter future.new-thing (type id 7777, not described by this version).", Map.of("agent", "a"), 3),
            CounterSample.of(7777, "future.new-thing{agent=a}", 3));
        assertEquals("xlat64_other_total{label=\"dns64 agent \\\"x\\\"\"}",
            CounterSample.of(0, "dns64 agent \"x\"", 1).series());
    }

    @Test
    void shouldServeTheCountersInPrometheusTextFormat() throws Exception
    {
        try (CountersFile file = CountersFile.create(dir.resolve("prom"), 256))
        {
            final CountersManager manager = file.manager();
            final RxCounters rx = new RxCounters(manager, "v6");
            PipelineCounter.DUTY_CYCLE_MAX_NS.newCounter(manager, "agent", "worker-0").setRelease(1234);
            new TranslatorCounters(manager, "worker-0").count(TranslatorOutcome.TRANSLATED_6TO4, 12);
            final TranslatorCounters worker1 = new TranslatorCounters(manager, "worker-1");
            worker1.drop(DropReason.HOP_LIMIT_EXCEEDED);
            new PacketSocketCounters(manager, "x6g1").counter(PacketSocketCounter.RX_FRAMES).setRelease(9);
            new NeighborCounters(manager, "x4g1").counter(NeighborCounter.ARP_LEARNED).setRelease(2);
            new Dns64Counters(manager, "dns64").counter(Dns64Counter.SYNTHESIZED).setRelease(4);
            new ColocatedDnsCounters(manager).counter(ColocatedDnsCounter.DIVERTED).setRelease(5);
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                InetAddress.getLoopbackAddress(), 0, file.reader()))
            {
                final String body = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                final List<String> lines = body.lines().toList();
                for (final String expected : List.of(
                    "# HELP xlat64_pipeline_rx_packets_total IP packets received on a port, by family.",
                    "# TYPE xlat64_pipeline_rx_packets_total counter",
                    "xlat64_pipeline_rx_packets_total{family=\"ipv6\",port=\"v6\"} 0.0",
                    "xlat64_pipeline_rx_packets_total{family=\"ipv4\",port=\"v6\"} 0.0",
                    "# HELP xlat64_pipeline_duty_cycle_max_ns Longest time between two duty cycles of an agent, " +
                        "in nanoseconds (a stall detector).",
                    "# TYPE xlat64_pipeline_duty_cycle_max_ns gauge",
                    "xlat64_pipeline_duty_cycle_max_ns{agent=\"worker-0\"} 1234.0",
                    "xlat64_pipeline_duty_cycle_max_ns{agent=\"rx-v6\"} 0.0",
                    "# HELP xlat64_translator_translated_6to4_total IPv6 packets translated to IPv4 " +
                        "(fragments emitted counted once per input)",
                    "xlat64_translator_translated_6to4_total{agent=\"worker-0\"} 12.0",
                    "xlat64_translator_translated_6to4_total{agent=\"worker-1\"} 0.0",
                    "# HELP xlat64_translator_drop_hop_limit_exceeded_total IPv6 hop limit would reach zero " +
                        "(RFC 7915 §5.1)",
                    "# TYPE xlat64_translator_drop_hop_limit_exceeded_total counter",
                    "xlat64_translator_drop_hop_limit_exceeded_total{agent=\"worker-1\"} 1.0",
                    "# HELP xlat64_socket_rx_frames_total Frames handed to the frame handler.",
                    "xlat64_socket_rx_frames_total{port=\"x6g1\"} 9.0",
                    "# HELP xlat64_neighbor_arp_learned_total ARP packets that set or confirmed the link-layer " +
                        "address of a cached next hop.",
                    "xlat64_neighbor_arp_learned_total{port=\"x4g1\"} 2.0",
                    "# HELP xlat64_dns64_synthesized_total AAAA answers synthesized from A records (RFC 6147 §5.1.7).",
                    "xlat64_dns64_synthesized_total{agent=\"dns64\"} 4.0",
                    "# HELP xlat64_dns64_gateway_diverted_total UDP/53 packets to a DNS listen address taken off " +
                        "the RX path into the DNS64 agent's ring.",
                    "xlat64_dns64_gateway_diverted_total 5.0"))
                {
                    assertTrue(lines.contains(expected), expected + " in\n" + body);
                }
                assertEquals(0, rx.packets(Family.IPV6));
            }
        }
    }
}
