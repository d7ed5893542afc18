package dev.xlat64.io.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.xlat64.io.counters.CounterSample;
import dev.xlat64.io.counters.CountersFile;
import dev.xlat64.io.counters.CountersTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xlat64 stats}: prints the counters of a running gateway, read from its memory-mapped counters file
 * by this second process, grouped by scope and named as on the Prometheus endpoint ({@link CountersTable});
 * {@code --watch} repeats with the rate of change per second.
 */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Print the counters of a running gateway (read live from its counters file).")
public final class StatsCommand implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--counters-file", paramLabel = "PATH",
        description = "The gateway's counters file (gateway.counters-file; default ${DEFAULT-VALUE}).")
    Path countersFile = CountersFile.DEFAULT_PATH;

    @Option(names = {"-w", "--watch"}, description = "Repeat every interval, with rates per second, until the gateway stops.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "1",
        description = "Seconds between two --watch prints (default ${DEFAULT-VALUE}).")
    double intervalSeconds;

    @Option(names = {"-a", "--all"}, description = "Also print counters that are zero.")
    boolean all;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        if (intervalSeconds <= 0)
        {
            err.println("xlat64 stats: --interval must be greater than 0, got " + intervalSeconds);
            return 2;
        }
        final CountersFile file;
        try
        {
            file = CountersFile.openForReading(countersFile);
        }
        catch (final IOException ex)
        {
            err.println("xlat64 stats: " + ex.getMessage());
            return 1;
        }
        try (file)
        {
            Map<String, Long> previous = null;
            long previousNs = 0;
            do
            {
                final long nowNs = System.nanoTime();
                final List<CounterSample> samples = CounterSample.read(file.reader());
                if (watch)
                {
                    out.print("\033[H\033[2J");
                }
                out.printf("xlat64 counters of pid %d, up %d s (%s)%n", file.pid(),
                    (System.currentTimeMillis() - file.startTimeMs()) / 1000, countersFile);
                for (final String line : CountersTable.lines(samples, all, previous, nowNs - previousNs))
                {
                    out.println(line);
                }
                final Map<String, Long> current = new HashMap<>();
                samples.forEach(sample -> current.put(sample.series(), sample.value()));
                out.flush();
                previous = current;
                previousNs = nowNs;
                if (watch)
                {
                    Thread.sleep((long)(intervalSeconds * 1000));
                    if (!Files.exists(countersFile) || ProcessHandle.of(file.pid()).map(p -> !p.isAlive()).orElse(true))
                    {
                        out.println("xlat64 stats: the gateway (pid " + file.pid() + ") has stopped");
                        return 0;
                    }
                }
            }
            while (watch);
        }
        return 0;
    }
}
