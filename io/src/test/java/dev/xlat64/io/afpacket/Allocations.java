package dev.xlat64.io.afpacket;

import java.lang.management.ManagementFactory;

/** Measures the heap bytes the current thread allocates while a warmed loop runs. */
public final class Allocations
{
    private Allocations()
    {
    }

    /**
     * Runs {@code loop} up to {@code attempts} times and returns the fewest bytes the thread allocated in one run
     * (0 ends early). A per-iteration allocation shows in every run; a one-off by the JIT (a deoptimization that
     * materializes a scalar-replaced object, seen now and then on this machine) does not hide a zero.
     */
    public static long leastAllocatedBytes(final int attempts, final Runnable loop)
    {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().threadId();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < attempts && least > 0; i++)
        {
            final long before = threads.getThreadAllocatedBytes(threadId);
            loop.run();
            least = Math.min(least, threads.getThreadAllocatedBytes(threadId) - before);
        }
        return least;
    }
}
