package dev.xlat64.dns.server;

import java.io.IOException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;

/**
 * The TCP side of a DNS server thread (RFC 7766): listening sockets, the accepted connections (at most
 * {@code maxConnections}; more are closed at once) and their idle timeout (§6.2.3), all registered with one
 * selector that the owner polls. Used by the standalone server's agents and by the DNS64 colocated in the
 * gateway, where TCP/53 goes through the kernel of the gateway's namespace. One thread.
 */
public final class TcpClients
{
    private static final long SWEEP_INTERVAL_NS = 100_000_000L;

    private final Selector selector;
    private final Dns64Resolver resolver;
    private final Dns64Counters counters;
    private final int maxConnections;
    private final long idleTimeoutNs;
    private final List<TcpConnection> connections = new ArrayList<>();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private long nextSweepNs;
    private long nowNs;
    private int work;

    /**
     * @param selector where the listening sockets and connections are registered (shared with the owner's
     *     other channels, or this object's own).
     */
    public TcpClients(
        final Selector selector, final Dns64Resolver resolver, final Dns64Counters counters, final int maxConnections,
        final long idleTimeoutNs)
    {
        this.selector = selector;
        this.resolver = resolver;
        this.counters = counters;
        this.maxConnections = maxConnections;
        this.idleTimeoutNs = idleTimeoutNs;
    }

    /** Accepts connections on {@code channel} (made non-blocking here). */
    public void listen(final ServerSocketChannel channel) throws IOException
    {
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_ACCEPT, (SelectionHandler)this::accept);
    }

    /**
     * For an owner with a selector of its own: handles whatever is ready now, without blocking, and expires idle
     * connections.
     *
     * @return the work done.
     */
    public int pollNow(final long nowNs) throws IOException
    {
        work = 0;
        this.nowNs = nowNs;
        selector.selectNow(onReady);
        sweepIdle(nowNs);
        return work;
    }

    private void onReady(final SelectionKey key)
    {
        try
        {
            work += ((SelectionHandler)key.attachment()).onReady(key, nowNs);
        }
        catch (final RuntimeException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
        }
    }

    int accept(final SelectionKey key, final long now)
    {
        int accepted = 0;
        try
        {
            SocketChannel channel;
            while ((channel = ((ServerSocketChannel)key.channel()).accept()) != null)
            {
                accepted++;
                if (connections.size() >= maxConnections)
                {
                    counters.increment(Dns64Counter.TCP_REJECTED);
                    channel.close();
                    continue;
                }
                counters.increment(Dns64Counter.TCP_CONNECTIONS);
                channel.configureBlocking(false);
                final TcpConnection connection = new TcpConnection(channel, resolver, counters, now, connections::remove);
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

    /** Closes connections idle for longer than the timeout; runs at most every 100 ms. */
    public void sweepIdle(final long nowNs)
    {
        if (nowNs - nextSweepNs < 0)
        {
            return;
        }
        nextSweepNs = nowNs + SWEEP_INTERVAL_NS;
        for (int i = connections.size() - 1; i >= 0; i--)
        {
            final TcpConnection connection = connections.get(i);
            if (nowNs - connection.lastActivityNs() > idleTimeoutNs)
            {
                connection.close();
            }
        }
    }

    /** @return the open connections. */
    public int connections()
    {
        return connections.size();
    }

    /** Closes every connection (not the listening sockets or the selector: they belong to the owner). */
    public void closeConnections()
    {
        for (int i = connections.size() - 1; i >= 0; i--)
        {
            connections.get(i).close();
        }
    }
}
