package dev.xlat64.io.afpacket;

import java.io.IOException;

/**
 * Runs setup code with the calling thread inside a named network namespace ({@code ip netns add NAME},
 * i.e. /var/run/netns/NAME) and puts the thread back afterwards. Linux network namespaces are per
 * thread, and a socket keeps the namespace it was created in, so a socket opened here works from any
 * thread later.
 */
public final class NetworkNamespace
{
    /** Setup code that may fail with an IOException. */
    @FunctionalInterface
    public interface Action<T>
    {
        T run() throws IOException;
    }

    private static final String NETNS_DIR = "/var/run/netns/";

    private NetworkNamespace()
    {
    }

    /**
     * Runs {@code action} in namespace {@code name}, or in the current one when {@code name} is null.
     *
     * @throws IOException when the namespace can't be entered, or what {@code action} throws
     */
    public static <T> T run(final String name, final Action<T> action) throws IOException
    {
        if (null == name)
        {
            return action.run();
        }
        final LibC libc = LibC.INSTANCE;
        final int current = libc.open("/proc/thread-self/ns/net", LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (current < 0)
        {
            throw new IOException("open(/proc/thread-self/ns/net) failed: " + LibC.describe(LibC.errno()));
        }
        try
        {
            final int target = libc.open(NETNS_DIR + name, LibC.O_RDONLY | LibC.O_CLOEXEC);
            if (target < 0)
            {
                throw new IOException("network namespace '" + name + "': open(" + NETNS_DIR + name + ") failed: " +
                    LibC.describe(LibC.errno()));
            }
            try
            {
                if (libc.setns(target, LibC.CLONE_NEWNET) != 0)
                {
                    throw new IOException("network namespace '" + name + "': setns failed: " +
                        LibC.describe(LibC.errno()));
                }
            }
            finally
            {
                libc.close(target);
            }
            try
            {
                return action.run();
            }
            finally
            {
                if (libc.setns(current, LibC.CLONE_NEWNET) != 0)
                {
                    // A thread left in the lab namespace would open later sockets in the wrong place.
                    throw new IllegalStateException("could not return the thread from network namespace '" + name +
                        "': " + LibC.describe(LibC.errno()));
                }
            }
        }
        finally
        {
            libc.close(current);
        }
    }
}
