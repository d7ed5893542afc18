package dev.xlat64.io.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code xlat64 run --config FILE} as a child process inside a network namespace ({@code ip netns exec NS ...},
 * which execs the JVM, so the child's pid is the gateway's). Its output lines are kept and passed on; stopping
 * sends SIGTERM, as a user's {@code kill} or Ctrl-C would.
 */
public final class GatewayProcess implements AutoCloseable
{
    private static final String RUNNING_LINE = "xlat64: running";

    private final Process process;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread pump;

    private GatewayProcess(final Process process, final Consumer<String> echo)
    {
        this.process = process;
        this.pump = new Thread(() ->
        {
            try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    lines.add(line);
                    echo.accept(line);
                }
            }
            catch (final IOException ignored)
            {
                // the process ended
            }
        }, "xlat64-gateway-output");
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * Starts the gateway in {@code namespace} (the current one when null).
     *
     * @param echo receives every output line (stdout and stderr merged).
     */
    public static GatewayProcess start(final String namespace, final Path config, final Consumer<String> echo)
        throws IOException
    {
        final List<String> command = new ArrayList<>();
        if (namespace != null)
        {
            command.addAll(List.of("ip", "netns", "exec", namespace));
        }
        command.addAll(JavaCommand.xlat64("run", "--config", config.toString()));
        final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        return new GatewayProcess(builder.start(), echo);
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
