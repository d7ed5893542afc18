package dev.xlat64.io.gateway;

import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;

import org.agrona.BufferUtil;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.io.afpacket.LibC;

/**
 * Idle strategy of a thread that polls sockets: after a duty cycle with work it stays hot, spinning for
 * {@code spinNs} and then yielding until {@code yieldNs} have passed without work; after that it sleeps in
 * {@code poll(2)} on the file descriptors of its ports until one is readable or {@code timeoutMs} passes.
 * <p>
 * Why: a packet that arrives while the thread spins is picked up within a duty cycle (as with busy-spin), and a
 * packet that arrives while it sleeps wakes it at once (a TPACKET_V2 ring wakes poll for every frame), so the
 * added latency is a wake-up (microseconds) instead of a park of up to a millisecond ({@code backoff}), while an
 * idle gateway costs one wake-up per {@code timeoutMs}. The timeout bounds the delay of the work that no socket
 * signals: the timers of the neighbor resolver and rings filled by agents on other threads.
 * <p>
 * A thread with no pollable port (only workers, or ports without a file descriptor) parks for {@code parkNs}
 * instead of polling. Not thread-safe: one instance per thread; nothing allocates after construction.
 */
public final class PollIdleStrategy implements IdleStrategy
{
    /** struct pollfd: int fd; short events; short revents (native order). */
    private static final int POLLFD_LENGTH = 8;
    private static final int POLLFD_EVENTS_OFFSET = 4;
    private static final int POLLFD_REVENTS_OFFSET = 6;

    private final LibC libc;
    private final NanoClock clock;
    private final UnsafeBuffer pollFds;
    private final long pollFdsAddress;
    private final int fdCount;
    private final long spinNs;
    private final long yieldNs;
    private final int timeoutMs;
    private final long parkNs;
    private long idleSinceNs;
    private boolean idling;
    private long polls;

    /**
     * @param fds file descriptors to wait on for POLLIN; may be empty.
     * @param spinNs how long to spin after the last work.
     * @param yieldNs how long after the last work to yield before sleeping (at least {@code spinNs}).
     * @param timeoutMs longest sleep in poll(2).
     * @param parkNs sleep per idle cycle when there is no descriptor to poll.
     */
    public PollIdleStrategy(
        final int[] fds, final long spinNs, final long yieldNs, final int timeoutMs, final long parkNs)
    {
        this(fds, spinNs, yieldNs, timeoutMs, parkNs, SystemNanoClock.INSTANCE, fds.length == 0 ? null : LibC.INSTANCE);
    }

    PollIdleStrategy(
        final int[] fds, final long spinNs, final long yieldNs, final int timeoutMs, final long parkNs,
        final NanoClock clock, final LibC libc)
    {
        if (spinNs < 0 || yieldNs < spinNs || timeoutMs < 1 || parkNs < 1)
        {
            throw new IllegalArgumentException("spin " + spinNs + " ns, yield until " + yieldNs + " ns, timeout " +
                timeoutMs + " ms, park " + parkNs + " ns: expected 0 <= spin <= yield, timeout >= 1, park >= 1");
        }
        this.libc = libc;
        this.clock = clock;
        this.fdCount = fds.length;
        this.pollFds = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Math.max(1, fds.length) * POLLFD_LENGTH, 64));
        this.pollFdsAddress = pollFds.addressOffset();
        for (int i = 0; i < fds.length; i++)
        {
            pollFds.putInt(i * POLLFD_LENGTH, fds[i], ByteOrder.nativeOrder());
            pollFds.putShort(i * POLLFD_LENGTH + POLLFD_EVENTS_OFFSET, LibC.POLLIN, ByteOrder.nativeOrder());
        }
        this.spinNs = spinNs;
        this.yieldNs = yieldNs;
        this.timeoutMs = timeoutMs;
        this.parkNs = parkNs;
    }

    @Override
    public void idle(final int workCount)
    {
        if (workCount > 0)
        {
            idling = false;
        }
        else
        {
            idle();
        }
    }

    @Override
    public void idle()
    {
        final long nowNs = clock.nanoTime();
        if (!idling)
        {
            idling = true;
            idleSinceNs = nowNs;
        }
        final long idleNs = nowNs - idleSinceNs;
        if (idleNs < spinNs)
        {
            Thread.onSpinWait();
        }
        else if (idleNs < yieldNs)
        {
            Thread.yield();
        }
        else if (fdCount > 0)
        {
            polls++;
            for (int i = 0; i < fdCount; i++)
            {
                pollFds.putShort(i * POLLFD_LENGTH + POLLFD_REVENTS_OFFSET, (short)0, ByteOrder.nativeOrder());
            }
            // A failure (EINTR) just ends this idle period early: the duty cycle runs and we come back here.
            libc.poll(pollFdsAddress, fdCount, timeoutMs);
        }
        else
        {
            LockSupport.parkNanos(parkNs);
        }
    }

    @Override
    public void reset()
    {
        idling = false;
    }

    /**
     * @return the poll(2) calls made so far (for tests and diagnostics).
     */
    public long polls()
    {
        return polls;
    }

    @Override
    public String alias()
    {
        return "poll";
    }
}
