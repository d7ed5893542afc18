package dev.xlat64.io.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.io.counters.CountersFile;
import picocli.CommandLine;

class StatsCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cli = Xlat64Command.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldPrintTheNonZeroCountersOfARunningGatewayGroupedByScope() throws Exception
    {
        final Path path = dir.resolve("counters");
        try (CountersFile file = CountersFile.create(path, 128))
        {
            final CountersManager manager = file.manager();
            PipelineCounter.RX_PACKETS.newCounter(manager, "port", "v6", "family", "ipv6").getAndAddRelease(17);
            PipelineCounter.RX_BYTES.newCounter(manager, "port", "v6", "family", "ipv6");
            new TranslatorCounters(manager, "worker-0").drop(DropReason.TTL_EXCEEDED);
            new Dns64Counters(manager, "dns64").add(Dns64Counter.CACHE_HITS, 3);
            PipelineCounter.DUTY_CYCLE_MAX_NS.newCounter(manager, "agent", "worker-0").setRelease(5000);

            assertEquals(0, run("stats", "--counters-file", path.toString()));
        }
        final String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("xlat64 counters of pid " + ProcessHandle.current().pid() + ", up "), lines[0]);
        final String row = "  %-59s %15d"; // the longest name, the translator's, is 59 characters
        assertEquals(List.of(
            "pipeline",
            String.format(row, "xlat64_pipeline_rx_packets_total{port=\"v6\",family=\"ipv6\"}", 17),
            String.format(row, "xlat64_pipeline_duty_cycle_max_ns{agent=\"worker-0\"}", 5000),
            "translator",
            String.format(row, "xlat64_translator_drop_ttl_exceeded_total{agent=\"worker-0\"}", 1),
            "dns64",
            String.format(row, "xlat64_dns64_cache_hits_total{agent=\"dns64\"}", 3)),
            List.of(lines).subList(1, lines.length));
    }

    @Test
    void shouldWatchWithRatesUntilTheGatewayRemovesItsFile() throws Exception
    {
        final Path path = dir.resolve("watched");
        final CountersFile file = CountersFile.create(path, 16);
        final org.agrona.concurrent.status.AtomicCounter packets =
            PipelineCounter.RX_PACKETS.newCounter(file.manager(), "port", "v6", "family", "ipv6");
        final int[] code = {-1};
        final Thread watcher = new Thread(() -> code[0] = run("stats", "--watch", "--interval", "0.2",
            "--counters-file", path.toString()));
        watcher.start();
        for (int i = 0; i < 10; i++)
        {
            packets.getAndAddRelease(100);
            Thread.sleep(50);
        }
        file.close();
        watcher.join(5000);

        assertEquals(0, code[0]);
        final String output = out.toString();
        assertTrue(output.matches("(?s).*\n  xlat64_pipeline_rx_packets_total\\{port=\"v6\",family=\"ipv6\"} +\\d+ +\\d+\\.\\d/s\n.*"),
            "a rate column after the first print: " + output);
        assertTrue(output.endsWith("xlat64 stats: the gateway (pid " + ProcessHandle.current().pid() +
            ") has stopped\n"), output);
    }

    @Test
    void shouldSayWhereItLookedWhenNoGatewayRuns()
    {
        assertEquals(1, run("stats", "--counters-file", dir.resolve("none").toString()));
        assertEquals("xlat64 stats: no counters file at " + dir.resolve("none") +
            " (is the gateway running? `xlat64 run` creates it; --counters-file picks another path)\n", err.toString());
    }
}
