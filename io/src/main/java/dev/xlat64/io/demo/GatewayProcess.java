package dev.xlat64.io.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code xlat64 run --config FILE} as a child process inside a network namespace ({@code ip netns exec NS ...},
 * which execs the JVM, so the child's pid is the gateway's). Its output goes to a log file, which is followed
 * like {@code tail -f}: the lines are kept and passed on, and the gateway can outlive this process (demo --keep).
 * Stopping sends SIGTERM, as a user's {@code kill} or Ctrl-C would.
 */
public final class GatewayProcess implements AutoCloseable
{
    private static final String RUNNING_LINE = "xlat64: running";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private volatile boolean detached;

    private GatewayProcess(final Process process, final Path log, final Consumer<String> echo)
    {
        this.process = process;
        this.pump = new Thread(() -> follow(log, echo), "xlat64-gateway-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void follow(final Path log, final Consumer<String> echo)
    {
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8))
        {
            final StringBuilder partial = new StringBuilder();
            while (!detached)
            {
                final int c = reader.read();
                if (c < 0)
                {
                    if (!process.isAlive())
                    {
                        break;
                    }
                    Thread.sleep(10);
                }
                else if (c == '\n')
                {
                    final String line = partial.toString();
                    partial.setLength(0);
                    lines.add(line);
                    echo.accept(line);
                }
                else
                {
                    partial.append((char)c);
                }
            }
        }
        catch (final IOException | InterruptedException ignored)
        {
            // the log is gone or we were told to stop following
        }
    }

    /**
     * Starts the gateway in {@code namespace} (the current one when null), its output appended to {@code log}.
     *
     * @param echo receives every output line (stdout and stderr merged).
     */
    public static GatewayProcess start(
        final String namespace, final Path config, final Path log, final Consumer<String> echo) throws IOException
    {
        final List<String> command = new ArrayList<>();
        if (namespace != null)
        {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(JavaCommand.xlat64("run", "--config", config.toString()));
        Files.deleteIfExists(log);
        Files.createFile(log);
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new GatewayProcess(builder.start(), log, echo);
    }

    /**
     * Stops following the log and leaves the gateway running (it no longer depends on this process).
     */
    public void detach()
    {
        detached = true;
    }

    /**
     * Waits until the gateway logs that it runs.
     *
     * @return true when it runs; false when it exited (see {@link #exitCode()}, {@link #lines()}) or the time ran out.
     */
    public boolean awaitRunning(final long timeoutMs) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline)
        {
            if (lines.stream().anyMatch(l -> l.startsWith(RUNNING_LINE)))
            {
                return true;
            }
            if (!process.isAlive())
            {
                pump.join(1000);
                return lines.stream().anyMatch(l -> l.startsWith(RUNNING_LINE));
            }
            Thread.sleep(10);
        }
        return false;
    }

    /**
     * Waits for the process to end by itself.
     *
     * @return its exit code, or -1 when it still runs after {@code timeoutMs}.
     */
    public int awaitExit(final long timeoutMs) throws InterruptedException
    {
        if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
        {
            return -1;
        }
        pump.join(1000);
        return process.exitValue();
    }

    /**
     * Sends SIGTERM and waits for a clean exit; after {@code timeoutMs} kills it.
     *
     * @return the exit code (0 after a clean shutdown).
     */
    public int stop(final long timeoutMs) throws InterruptedException
    {
        if (process.isAlive())
        {
            process.destroy(); // SIGTERM
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
        pump.join(1000);
        return process.exitValue();
    }

    public long pid()
    {
        return process.pid();
    }

    public boolean isAlive()
    {
        return process.isAlive();
    }

    public int exitCode()
    {
        return process.exitValue();
    }

    /**
     * @return every line printed so far.
     */
    public List<String> lines()
    {
        return List.copyOf(lines);
    }

    @Override
    public void close() throws InterruptedException
    {
        stop(5000);
    }
}
