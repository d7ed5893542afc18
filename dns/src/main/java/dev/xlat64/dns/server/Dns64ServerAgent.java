package dev.xlat64.dns.server;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

/**
 * One DNS64 server thread: its own UDP and TCP sockets (SO_REUSEPORT spreads clients over threads), its own
 * resolver, cache and upstream socket, one selector. Duty cycle: read the clock once, handle every ready
 * socket (a batch of datagrams each), drive upstream I/O and deadlines, expire idle TCP connections.
 * <p>
 * Under load a UDP socket is drained rather than polled: once a readiness gives datagrams, its key leaves the
 * epoll set (interest 0, so the selector's next pass deletes it) and the agent reads it directly, batch after
 * batch, until it is empty (EAGAIN); only then it goes back into the set (the add reports data that came in
 * between, so no wake-up is lost) and the thread may sleep. This saves an {@code epoll_wait} per batch, and it
 * keeps the socket's wait queue empty while answers are sent: every datagram sent on loopback is freed at once,
 * and with a waiter queued (the epoll entry) each free takes the wait-queue lock to offer write space that
 * nobody asked for. The selector still runs every {@value #SELECT_EVERY} drain cycles, for TCP and upstream
 * answers.
 */
public final class Dns64ServerAgent implements Agent
{
    private final String name;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final Selector selector;
    private final Dns64Resolver resolver;
    private final TcpClients tcp;
    /** Drain cycles between two selector passes while some UDP socket is being drained. */
    static final int SELECT_EVERY = 4;

    private final List<MmsgUdpEndpoint> batched = new ArrayList<>();
    private final DatagramEndpoint[] endpoints;
    private final SelectionKey[] endpointKeys;
    private final boolean[] draining;
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final long maxSleepMs;
    private int drainingCount;
    private int drainCycles;
    private long nowNs;
    private int work;

    Dns64ServerAgent(
        final String name, final Dns64Config config, final Dns64Counters counters, final NanoClock clock,
        final List<DatagramChannel> udp, final List<ServerSocketChannel> tcpListeners, final long maxSleepMs) throws IOException
    {
        this.name = name;
        this.counters = counters;
        this.clock = clock;
        this.maxSleepMs = maxSleepMs;
        this.selector = Selector.open();
        this.resolver = new Dns64Resolver(config, counters, clock);
        this.endpoints = new DatagramEndpoint[udp.size()];
        this.endpointKeys = new SelectionKey[udp.size()];
        this.draining = new boolean[udp.size()];
        for (int i = 0; i < udp.size(); i++)
        {
            final DatagramChannel channel = udp.get(i);
            channel.configureBlocking(false);
            if (Mmsg.available())
            {
                final MmsgUdpEndpoint endpoint = new MmsgUdpEndpoint(channel, resolver, counters);
                batched.add(endpoint);
                endpoints[i] = endpoint;
            }
            else
            {
                endpoints[i] = new UdpEndpoint(channel, resolver, counters);
            }
            final int index = i;
            endpointKeys[i] = channel.register(selector, SelectionKey.OP_READ, (SelectionHandler)(key, now) -> onDatagrams(index, now));
        }
        this.tcp = new TcpClients(selector, resolver, counters, config.tcpMaxConnections(), config.tcpIdleTimeoutMs() * 1_000_000L);
        for (final ServerSocketChannel channel : tcpListeners)
        {
            tcp.listen(channel);
        }
        final DatagramChannel upstream = resolver.upstream().udpChannel();
        upstream.register(selector, SelectionKey.OP_READ, (SelectionHandler)(key, now) -> resolver.upstream().receive(now));
    }

    /** @return whether UDP socket {@code index} is being drained (out of the epoll set). */
    boolean draining(final int index)
    {
        return draining[index];
    }

    /** @return UDP socket {@code index}'s endpoint. */
    DatagramEndpoint endpoint(final int index)
    {
        return endpoints[index];
    }

    /** @return the selection key of UDP socket {@code index}. */
    SelectionKey endpointKey(final int index)
    {
        return endpointKeys[index];
    }

    /**
     * One duty cycle. With no UDP socket being drained it sleeps in the selector (up to the max sleep, for
     * upstream deadlines) and handles what wakes it in the same call: one epoll_wait per wake-up, none wasted on
     * spinning, so an idle or lightly loaded thread costs little CPU. While a socket is drained it reads it
     * directly and runs the selector without sleeping every {@value #SELECT_EVERY} cycles.
     */
    @Override
    public int doWork() throws IOException
    {
        work = 0;
        if (drainingCount == 0)
        {
            selector.select(onReady, resolver.upstream().outstanding() > 0 ? 1 : maxSleepMs);
            nowNs = clock.nanoTime();
        }
        else
        {
            if (drainCycles++ % SELECT_EVERY == 0)
            {
                // Also where the selector applies interest 0 (EPOLL_CTL_DEL) to a socket that started draining.
                selector.selectNow(onReady);
            }
            nowNs = clock.nanoTime();
            drain();
        }
        work += resolver.doWork(nowNs);
        tcp.sweepIdle(nowNs);
        return work;
    }

    /** Reads every draining socket once; one that had nothing goes back into the epoll set. */
    private void drain()
    {
        for (int i = 0; i < endpoints.length; i++)
        {
            if (!draining[i])
            {
                continue;
            }
            int received = 0;
            try
            {
                received = endpoints[i].receiveBatch(nowNs);
            }
            catch (final RuntimeException ex)
            {
                counters.increment(Dns64Counter.INTERNAL_ERRORS);
            }
            work += received;
            if (received == 0)
            {
                draining[i] = false;
                drainingCount--;
                endpointKeys[i].interestOps(SelectionKey.OP_READ);
            }
        }
    }

    /** The selector found UDP socket {@code index} readable: read a batch, and drain it from now on if it had data. */
    private int onDatagrams(final int index, final long now)
    {
        final int received = endpoints[index].receiveBatch(now);
        if (received > 0 && !draining[index])
        {
            draining[index] = true;
            drainingCount++;
            // The next drain cycle reads without the selector; the one after runs it, taking the socket out of the
            // epoll set only once it has kept having data.
            drainCycles = SELECT_EVERY - 1;
            endpointKeys[index].interestOps(0);
        }
        return received;
    }

    private void onReady(final SelectionKey key)
    {
        try
        {
            nowNs = clock.nanoTime();
            work += ((SelectionHandler)key.attachment()).onReady(key, nowNs);
        }
        catch (final RuntimeException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
        }
    }

    @Override
    public void onClose()
    {
        tcp.closeConnections();
        try
        {
            for (final SelectionKey key : selector.keys())
            {
                key.channel().close();
            }
            selector.close();
            resolver.close();
            batched.forEach(MmsgUdpEndpoint::close);
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
        }
    }

    @Override
    public String roleName()
    {
        return name;
    }
}
