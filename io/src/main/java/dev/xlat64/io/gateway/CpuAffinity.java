package dev.xlat64.io.gateway;

import jnr.ffi.LibraryLoader;

/**
 * Pins the calling thread to one CPU with {@code sched_setaffinity(2)}, for dedicated agent threads.
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
