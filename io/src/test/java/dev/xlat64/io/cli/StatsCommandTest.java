package dev.xlat64.io.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.counters.PipelineCounter;
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
    void shouldPrintTheNonZeroCountersOfARunningGateway() throws Exception
    {
        final Path path = dir.resolve("counters");
        try (CountersFile file = CountersFile.create(path, 16))
        {
            file.manager().newCounter(PipelineCounter.RX_PACKETS.label("port", "v6", "family", "ipv6"),
                PipelineCounter.RX_PACKETS.typeId()).getAndAddRelease(17);
            file.manager().newCounter(PipelineCounter.RX_BYTES.label("port", "v6", "family", "ipv6"),
                PipelineCounter.RX_BYTES.typeId());

            assertEquals(0, run("stats", "--counters-file", path.toString()));
        }
        final String[] lines = out.toString().split("\n");
        assertTrue(lines[0].startsWith("xlat64 counters of pid " + ProcessHandle.current().pid() + ", up "), lines[0]);
        assertEquals(2, lines.length, out.toString());
        assertEquals(String.format("  %-60s %15d", "rx-packets port=v6 family=ipv6", 17), lines[1]);
    }

    @Test
    void shouldWatchWithRatesUntilTheGatewayRemovesItsFile() throws Exception
    {
        final Path path = dir.resolve("watched");
        final CountersFile file = CountersFile.create(path, 16);
        final org.agrona.concurrent.status.AtomicCounter packets = file.manager().newCounter(
            PipelineCounter.RX_PACKETS.label("port", "v6", "family", "ipv6"), PipelineCounter.RX_PACKETS.typeId());
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
        assertTrue(output.contains("/s\n"), "a rate column after the first print: " + output);
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
