package dev.xlat64.bench.lab;

import jnr.ffi.LibraryLoader;

/**
 * Sets the nice value of the calling thread alone ({@code setpriority(PRIO_PROCESS, gettid(), nice)}: on Linux a
 * nice value belongs to a thread, and {@code who} may name one).
 */
final class ThreadNice
{
    /** The two libc calls this needs. */
    public interface Calls
    {
        int gettid();

        int setpriority(int which, int who, int prio);
    }

    private static final int PRIO_PROCESS = 0;

    private static final class Holder
    {
        static final Calls LIBC = LibraryLoader.create(Calls.class).load("c");
    }

    private ThreadNice()
    {
    }

    static void set(final int nice)
    {
        if (Holder.LIBC.setpriority(PRIO_PROCESS, Holder.LIBC.gettid(), nice) != 0)
        {
            throw new IllegalStateException("setpriority(" + nice + ") of the calling thread failed");
        }
    }
}
