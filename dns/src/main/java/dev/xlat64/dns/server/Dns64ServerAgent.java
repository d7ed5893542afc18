package dev.xlat64.dns.server;

import java.io.IOException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
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
 */
public final class Dns64ServerAgent implements Agent
{
    private static final long TCP_SWEEP_NS = 100_000_000L;

    private final String name;
    private final Dns64Config config;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final Selector selector;
    private final Dns64Resolver resolver;
    private final List<TcpConnection> connections = new ArrayList<>();
    private final List<MmsgUdpEndpoint> batched = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final long tcpIdleNs;
    private final long maxSleepMs;
    private long nowNs;
    private int work;
    private long nextSweepNs;

    Dns64ServerAgent(
        final String name, final Dns64Config config, final Dns64Counters counters, final NanoClock clock,
        final List<DatagramChannel> udp, final List<ServerSocketChannel> tcp, final long maxSleepMs) throws IOException
    {
        this.name = name;
        this.config = config;
        this.counters = counters;
        this.clock = clock;
        this.tcpIdleNs = config.tcpIdleTimeoutMs() * 1_000_000L;
        this.maxSleepMs = maxSleepMs;
        this.selector = Selector.open();
        this.resolver = new Dns64Resolver(config, counters, clock);
        for (final DatagramChannel channel : udp)
        {
            channel.configureBlocking(false);
            if (Mmsg.available())
            {
                final MmsgUdpEndpoint endpoint = new MmsgUdpEndpoint(channel, resolver, counters);
                batched.add(endpoint);
                channel.register(selector, SelectionKey.OP_READ, endpoint);
            }
            else
            {
                channel.register(selector, SelectionKey.OP_READ, new UdpEndpoint(channel, resolver, counters));
            }
        }
        for (final ServerSocketChannel channel : tcp)
        {
            channel.configureBlocking(false);
            channel.register(selector, SelectionKey.OP_ACCEPT, (SelectionHandler)this::accept);
        }
        final DatagramChannel upstream = resolver.upstream().udpChannel();
        upstream.register(selector, SelectionKey.OP_READ, (SelectionHandler)(key, now) -> resolver.upstream().receive(now));
    }

    Selector selector()
    {
        return selector;
    }

    Dns64Resolver resolver()
    {
        return resolver;
    }

    /**
     * One duty cycle. After a cycle without work it sleeps in the selector (up to the max sleep, for upstream
     * deadlines) and handles what wakes it in the same call: one epoll_wait per wake-up, none wasted on
     * spinning, so an idle or lightly loaded thread costs little CPU; under load it never sleeps.
     */
    @Override
    public int doWork() throws IOException
    {
        work = 0;
        // Level-triggered: a socket left readable (a batch limit hit) makes this return at once.
        selector.select(onReady, resolver.upstream().outstanding() > 0 ? 1 : maxSleepMs);
        nowNs = clock.nanoTime();
        work += resolver.doWork(nowNs);
        if (nowNs - nextSweepNs >= 0)
        {
            nextSweepNs = nowNs + TCP_SWEEP_NS;
            sweepIdleConnections();
        }
        return work;
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

    private int accept(final SelectionKey key, final long now)
    {
        int accepted = 0;
        try
        {
            SocketChannel channel;
            while ((channel = ((ServerSocketChannel)key.channel()).accept()) != null)
            {
                accepted++;
                if (connections.size() >= config.tcpMaxConnections())
                {
                    counters.increment(Dns64Counter.TCP_REJECTED);
                    channel.close();
                    continue;
                }
                counters.increment(Dns64Counter.TCP_CONNECTIONS);
                channel.configureBlocking(false);
                final TcpConnection[] holder = new TcpConnection[1];
                final TcpConnection connection = new TcpConnection(channel, resolver, counters, now,
                    () -> connections.remove(holder[0]));
                holder[0] = connection;
                connection.key(channel.register(selector, SelectionKey.OP_READ, connection));
                connections.add(connection);
            }
        }
        catch (final IOException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
        }
        return accepted;
    }

    private void sweepIdleConnections()
    {
        for (int i = connections.size() - 1; i >= 0; i--)
        {
            final TcpConnection connection = connections.get(i);
            if (nowNs - connection.lastActivityNs() > tcpIdleNs)
            {
                connection.close();
            }
        }
    }

    @Override
    public void onClose()
    {
        for (int i = connections.size() - 1; i >= 0; i--)
        {
            connections.get(i).close();
        }
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
