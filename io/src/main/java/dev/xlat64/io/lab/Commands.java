package dev.xlat64.io.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs external commands (ip, ethtool, sysctl) for the lab, with a timeout. */
final class Commands
{
    private Commands()
    {
    }

    static ExecResult run(final long timeoutMs, final List<String> command) throws IOException
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // Read in a helper thread so a chatty command can't block on a full pipe while we wait for it.
        final byte[][] output = new byte[1][];
        final Thread reader = Thread.ofPlatform().daemon().start(() ->
        {
            try (InputStream in = process.getInputStream())
            {
                output[0] = in.readAllBytes();
            }
            catch (final IOException ex)
            {
                output[0] = ("(output unreadable: " + ex.getMessage() + ")").getBytes(StandardCharsets.UTF_8);
            }
        });
        try
        {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS))
            {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                throw new IOException("timed out after " + timeoutMs + " ms: " + String.join(" ", command));
            }
            reader.join(5_000);
        }
        catch (final InterruptedException ex)
        {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running: " + String.join(" ", command), ex);
        }
        final byte[] bytes = output[0];
        return new ExecResult(process.exitValue(), null == bytes ? "" : new String(bytes, StandardCharsets.UTF_8));
    }

    static ExecResult run(final long timeoutMs, final String... command) throws IOException
    {
        return run(timeoutMs, Arrays.asList(command));
    }

    /** Runs the command and throws an IOException with the command and its output unless it exits 0. */
    static void check(final long timeoutMs, final String... command) throws IOException
    {
        final ExecResult result = run(timeoutMs, command);
        if (!result.ok())
        {
            throw new IOException("command failed (exit " + result.exitCode() + "): " + String.join(" ", command) +
                ": " + result.output().strip());
        }
    }
}
