package dev.xlat64.io.gateway;

import java.lang.reflect.Proxy;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.xlat64.io.afpacket.LibC;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PollIdleStrategyTest
{
    private static final long SPIN_NS = 20_000;
    private static final long YIELD_NS = 50_000;

    private final long[] nowNs = {1_000_000};
    private final List<String> polls = new ArrayList<>();

    /** A LibC whose poll(2) records the pollfd array it was given (fd:events per entry, and the timeout). */
    private LibC recordingLibC()
    {
        return (LibC)Proxy.newProxyInstance(LibC.class.getClassLoader(), new Class<?>[] {LibC.class},
            (proxy, method, args) ->
            {
                if (!"poll".equals(method.getName()))
                {
                    throw new UnsupportedOperationException(method.getName());
                }
                final long address = (Long)args[0];
                final int count = (int)(long)(Long)args[1];
                final UnsafeBuffer fds = new UnsafeBuffer(address, count * 8);
                final StringBuilder call = new StringBuilder();
                for (int i = 0; i < count; i++)
                {
                    call.append(fds.getInt(i * 8, ByteOrder.nativeOrder())).append(':')
                        .append(fds.getShort(i * 8 + 4, ByteOrder.nativeOrder())).append(' ');
                }
                polls.add(call.append(args[2]).append("ms").toString());
                return 0;
            });
    }

    private PollIdleStrategy strategy(final int... fds)
    {
        return new PollIdleStrategy(fds, SPIN_NS, YIELD_NS, 7, 1_000, () -> nowNs[0], recordingLibC());
    }

    @Test
    void shouldSpinAndYieldBeforeSleepingInPollOnEveryDescriptor()
    {
        final PollIdleStrategy idle = strategy(5, 9);
        idle.idle(0);
        nowNs[0] += SPIN_NS - 1;
        idle.idle(0);
        nowNs[0] += YIELD_NS - SPIN_NS;
        idle.idle(0);
        assertEquals(List.of(), polls, "no poll within the yield window");
        nowNs[0] += 1;
        idle.idle(0);
        idle.idle(0);
        assertEquals(List.of("5:1 9:1 7ms", "5:1 9:1 7ms"), polls);
        assertEquals(2, idle.polls());
    }

    @Test
    void shouldStartTheIdleWindowAgainAfterWork()
    {
        final PollIdleStrategy idle = strategy(3);
        idle.idle(0);
        nowNs[0] += YIELD_NS;
        idle.idle(0);
        assertEquals(1, idle.polls());
        idle.idle(4);
        idle.idle(0);
        nowNs[0] += YIELD_NS - 1;
        idle.idle(0);
        assertEquals(1, idle.polls(), "work restarts the spin and yield window");
        idle.reset();
        nowNs[0] += YIELD_NS;
        idle.idle(0);
        assertEquals(1, idle.polls(), "reset restarts it too");
        nowNs[0] += YIELD_NS;
        idle.idle(0);
        assertEquals(2, idle.polls());
    }

    @Test
    void shouldParkInsteadOfPollingWithoutDescriptors()
    {
        final PollIdleStrategy idle = new PollIdleStrategy(new int[0], SPIN_NS, YIELD_NS, 7, 1_000,
            () -> nowNs[0], null);
        idle.idle(0);
        nowNs[0] += YIELD_NS;
        idle.idle(0);
        assertEquals(0, idle.polls());
    }

    @Test
    void shouldRefuseAYieldWindowShorterThanTheSpin()
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> new PollIdleStrategy(new int[] {1}, 10, 5, 1, 1));
        assertEquals("spin 10 ns, yield until 5 ns, timeout 1 ms, park 1 ns: expected 0 <= spin <= yield, " +
            "timeout >= 1, park >= 1", error.getMessage());
    }
}
