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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.RxCounters;
import dev.xlat64.io.afpacket.PacketSocketCounter;
import dev.xlat64.io.afpacket.PacketSocketCounters;

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
            final AtomicCounter counter = writer.manager().newCounter(
                PipelineCounter.RX_PACKETS.label("port", "v6", "family", "ipv6"), PipelineCounter.RX_PACKETS.typeId());
            counter.incrementRelease();
            try (CountersFile reader = CountersFile.openForReading(path))
            {
                counter.getAndAddRelease(41);
                final List<String> seen = new ArrayList<>();
                reader.reader().forEach((value, id, label) -> seen.add(label + "=" + value + "/" +
                    reader.reader().getCounterTypeId(id)));
                assertEquals(List.of("rx-packets port=v6 family=ipv6=42/2000"), seen);
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
    void shouldParseBothLabelStyles()
    {
        assertEquals(new CounterLabel("rx-packets", Map.of("port", "v6", "family", "ipv6")),
            CounterLabel.parse("rx-packets port=v6 family=ipv6"));
        assertEquals(new CounterLabel("hop-limit-exceeded", Map.of("agent", "worker-0")),
            CounterLabel.parse("worker-0.hop-limit-exceeded"));
        assertEquals(new CounterLabel("some free text", Map.of()), CounterLabel.parse("some free text"));
        assertEquals("xlat64_rx_packets", CounterLabel.parse("rx-packets port=v6").metricName());
    }

    @Test
    void shouldServeTheCountersInPrometheusTextFormat() throws Exception
    {
        try (CountersFile file = CountersFile.create(dir.resolve("prom"), 256))
        {
            final RxCounters rx = new RxCounters(file.manager(), "v6");
            file.manager().newCounter("worker-0.hop-limit-exceeded", 1003).getAndAddRelease(5);
            new PacketSocketCounters(file.manager(), "x6g1").counter(PacketSocketCounter.RX_FRAMES).setRelease(9);
            file.manager().newCounter(PipelineCounter.DUTY_CYCLE_MAX_NS.label("agent", "worker-0"),
                PipelineCounter.DUTY_CYCLE_MAX_NS.typeId()).setRelease(1234);
            try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                InetAddress.getLoopbackAddress(), 0, file.reader()))
            {
                final String body = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(body.contains("xlat64_rx_packets_total{family=\"ipv6\",port=\"v6\"} 0.0\n"), body);
                assertTrue(body.contains("# TYPE xlat64_duty_cycle_max_ns gauge\n"), body);
                assertTrue(body.contains("xlat64_duty_cycle_max_ns{agent=\"worker-0\"} 1234.0\n"), body);
                assertTrue(body.contains("xlat64_translator_hop_limit_exceeded_total{agent=\"worker-0\"} 5.0\n"), body);
                assertTrue(body.contains("xlat64_socket_rx_frames_total{port=\"x6g1\"} 9.0\n"), body);
                assertEquals(0, rx.packets(Family.IPV6));
            }
        }
    }
}
