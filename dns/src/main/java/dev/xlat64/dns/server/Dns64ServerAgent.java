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
 */
public final class Dns64ServerAgent implements Agent
{
    private final String name;
    private final Dns64Config config;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final Selector selector;
    private final Dns64Resolver resolver;
    private final TcpClients tcp;
    private final List<MmsgUdpEndpoint> batched = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final long maxSleepMs;
    private long nowNs;
    private int work;

    Dns64ServerAgent(
        final String name, final Dns64Config config, final Dns64Counters counters, final NanoClock clock,
        final List<DatagramChannel> udp, final List<ServerSocketChannel> tcpListeners, final long maxSleepMs) throws IOException
    {
        this.name = name;
        this.config = config;
        this.counters = counters;
        this.clock = clock;
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
        this.tcp = new TcpClients(selector, resolver, counters, config.tcpMaxConnections(), config.tcpIdleTimeoutMs() * 1_000_000L);
        for (final ServerSocketChannel channel : tcpListeners)
        {
            tcp.listen(channel);
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
        tcp.sweepIdle(nowNs);
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
