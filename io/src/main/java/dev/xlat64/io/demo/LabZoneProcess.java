package dev.xlat64.io.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link LabZoneServer} as a child process in a network namespace ({@code ip netns exec NS java ...}), as
 * the demo runs it: it answers until stopped, and outlives the demo with --keep.
 */
public final class LabZoneProcess implements AutoCloseable
{
    private final Process process;

    private LabZoneProcess(final Process process)
    {
        this.process = process;
    }

    /**
     * Starts the server and waits until it says it answers.
     *
     * @throws IOException when it exits or stays silent for 30 s, with what it printed.
     */
    public static LabZoneProcess start(final String namespace, final String address, final int port) throws IOException
    {
        final List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        command.addAll(JavaCommand.java(LabZoneServer.class.getName(), address, Integer.toString(port)));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        final StringBuilder seen = new StringBuilder();
        final CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() ->
        {
            try
            {
                String line;
                while ((line = reader.readLine()) != null)
                {
                    seen.append(line).append('\n');
                    if (line.startsWith(LabZoneServer.READY_LINE))
                    {
                        return true;
                    }
                }
            }
            catch (final IOException ignored)
            {
                // the process went away
            }
            return false;
        });
        try
        {
            if (ready.get(30, TimeUnit.SECONDS))
            {
                // Keep draining its output so it never blocks on a full pipe.
                final Thread drain = new Thread(() -> reader.lines().forEach(l -> { }), "xlat64-zone-output");
                drain.setDaemon(true);
                drain.start();
                return new LabZoneProcess(process);
            }
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            // reported below
        }
        process.destroyForcibly();
        throw new IOException("the lab's zone server did not start: " + seen.toString().strip());
    }

    public long pid()
    {
        return process.pid();
    }

    /** Stops it (SIGTERM; a JVM exits at once on it) and waits up to 5 s. */
    @Override
    public void close()
    {
        process.destroy();
        try
        {
            if (!process.waitFor(5, TimeUnit.SECONDS))
            {
                process.destroyForcibly();
            }
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
