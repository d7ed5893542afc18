package dev.xlat64.io.gateway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jnr.ffi.LibraryLoader;

/**
 * Pins the calling thread to one CPU with {@code sched_setaffinity(2)}, for agent threads.
 */
public final class CpuAffinity
{
    /** The one libc call this needs; a cpu_set_t is an array of unsigned longs, bit n = CPU n. */
    public interface Sched
    {
        int sched_setaffinity(int pid, long cpusetsize, long[] mask);
    }

    private static final class Holder
    {
        static final Sched SCHED = LibraryLoader.create(Sched.class).load("c");
    }

    private CpuAffinity()
    {
    }

    /**
     * @return how many CPUs the machine has online (one past the highest in {@code /sys/devices/system/cpu/online}),
     *     whatever this process's own affinity: a process started under {@code taskset} may pin threads elsewhere.
     */
    public static int onlineCpuCount()
    {
        try
        {
            final String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
            final String last = online.substring(online.lastIndexOf(',') + 1);
            return Integer.parseInt(last.substring(last.lastIndexOf('-') + 1)) + 1;
        }
        catch (final IOException | RuntimeException ex)
        {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * @throws IllegalStateException when the kernel refuses (e.g. the CPU is not in this process's cpuset).
     */
    public static void pinCurrentThread(final int cpu)
    {
        final long[] mask = new long[Math.max(16, cpu / 64 + 1)];
        mask[cpu / 64] = 1L << (cpu % 64);
        // pid 0 is the calling thread.
        if (Holder.SCHED.sched_setaffinity(0, mask.length * 8L, mask) != 0)
        {
            throw new IllegalStateException("sched_setaffinity to CPU " + cpu + " failed");
        }
    }
}
