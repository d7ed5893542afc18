package dev.xlat64.io.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks up front that the process may open AF_PACKET sockets (CAP_NET_RAW, which root has), so a user gets
 * one clear line instead of an EPERM from deep inside the socket setup.
 */
public final class Privileges
{
    private static final int CAP_NET_RAW = 13;

    private Privileges()
    {
    }

    /**
     * @return null when the process has CAP_NET_RAW, else a sentence saying what to do.
     */
    public static String missingNetRaw()
    {
        return missingNetRaw(Path.of("/proc/self/status"));
    }

    static String missingNetRaw(final Path status)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(status);
        }
        catch (final IOException ex)
        {
            return null; // not Linux procfs: let the socket call report what is wrong
        }
        for (final String line : lines)
        {
            if (line.startsWith("CapEff:"))
            {
                final long effective = Long.parseUnsignedLong(line.substring("CapEff:".length()).trim(), 16);
                if ((effective & (1L << CAP_NET_RAW)) != 0)
                {
                    return null;
                }
                return "xlat64 needs root (or CAP_NET_RAW) to open AF_PACKET sockets: run it with sudo";
            }
        }
        return null;
    }
}
