package dev.xlat64.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * Packets counted on the wire: the kernel's per-device statistics of a veth end, read inside its namespace, and
 * the busy time of one CPU from {@code /proc/stat}. Read before and after a trial, never during it.
 */
final class LinkCounters
{
    private LinkCounters()
    {
    }

    static long txPackets(final NetnsLab lab, final NetnsLab.Role role, final String device) throws IOException
    {
        return read(lab, role, device, "tx_packets");
    }

    static long rxPackets(final NetnsLab lab, final NetnsLab.Role role, final String device) throws IOException
    {
        return read(lab, role, device, "rx_packets");
    }

    private static long read(final NetnsLab lab, final NetnsLab.Role role, final String device, final String name)
        throws IOException
    {
        final ExecResult result = lab.exec(role, "cat", "/sys/class/net/" + device + "/statistics/" + name);
        if (!result.ok())
        {
            throw new IOException("cannot read " + name + " of " + device + ": " + result.output().strip());
        }
        return Long.parseLong(result.output().strip());
    }

    /**
     * @return the time {@code cpu} spent on anything but idle and iowait, in clock ticks (USER_HZ).
     */
    static long cpuBusyTicks(final int cpu) throws IOException
    {
        final String prefix = "cpu" + cpu + " ";
        for (final String line : Files.readAllLines(Path.of("/proc/stat")))
        {
            if (line.startsWith(prefix))
            {
                final String[] f = line.trim().split("\\s+");
                long busy = 0;
                for (int i = 1; i < f.length && i <= 8; i++)
                {
                    if (i != 4 && i != 5)
                    {
                        busy += Long.parseLong(f[i]);
                    }
                }
                return busy;
            }
        }
        throw new IOException("/proc/stat has no line for cpu" + cpu);
    }

    /**
     * @return the CPU time of process {@code pid}, all threads, user plus system, in clock ticks (USER_HZ):
     *     fields 14 and 15 of {@code /proc/PID/stat}, counted after the command name's closing parenthesis.
     */
    static long processCpuTicks(final long pid) throws IOException
    {
        final String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        final String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // f[0] is field 3 (state): utime is field 14, stime field 15.
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
