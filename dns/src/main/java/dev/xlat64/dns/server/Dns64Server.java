package dev.xlat64.dns.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import org.agrona.CloseHelper;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.NoOpIdleStrategy;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.status.CountersManager;

/**
 * The standalone DNS64 server: {@code threads} agents, each with its own UDP and TCP sockets on every listen
 * address (SO_REUSEPORT, so the kernel spreads clients over threads), its own cache and upstream socket.
 */
public final class Dns64Server implements AutoCloseable
{
    private static final long MAX_SLEEP_MS = 5;

    private final Dns64Config config;
    private final List<InetSocketAddress> bound = new ArrayList<>();
    private final List<Dns64Counters> counters = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();

    private Dns64Server(final Dns64Config config, final CountersManager manager) throws IOException
    {
        this.config = config;
        final List<List<DatagramChannel>> udp = new ArrayList<>();
        final List<List<ServerSocketChannel>> tcp = new ArrayList<>();
        for (int t = 0; t < config.threads(); t++)
        {
            udp.add(new ArrayList<>());
            tcp.add(new ArrayList<>());
        }
        try
        {
            for (final InetSocketAddress listen : config.listen())
            {
                bound.add(bindAll(listen, udp, tcp));
            }
            for (int t = 0; t < config.threads(); t++)
            {
                final Dns64Counters threadCounters = new Dns64Counters(manager, "dns-" + t);
                counters.add(threadCounters);
                final Dns64ServerAgent agent = new Dns64ServerAgent(
                    "dns64-" + t, config, threadCounters, SystemNanoClock.INSTANCE, udp.get(t), tcp.get(t), MAX_SLEEP_MS);
                // The agent sleeps in its selector itself (see Dns64ServerAgent.doWork); the runner never idles.
                // Each runner counts the errors of its own thread (AGENT_ERRORS, single writer).
                runners.add(new AgentRunner(NoOpIdleStrategy.INSTANCE, Throwable::printStackTrace,
                    threadCounters.counter(Dns64Counter.AGENT_ERRORS), agent));
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            udp.forEach(CloseHelper::quietCloseAll);
            tcp.forEach(CloseHelper::quietCloseAll);
            throw ex;
        }
    }

    /**
     * Binds every socket and starts the threads.
     *
     * @return the running server.
     * @throws IOException naming the address that could not be bound.
     */
    public static Dns64Server start(final Dns64Config config) throws IOException
    {
        return start(config, CounterSet.inMemoryManager(Dns64Counter.values().length * config.threads()));
    }

    /** As {@link #start(Dns64Config)}, with the counters in the given manager. */
    public static Dns64Server start(final Dns64Config config, final CountersManager manager) throws IOException
    {
        if (config.listen().isEmpty())
        {
            throw new IllegalArgumentException("dns64: no listen address configured (listen)");
        }
        final Dns64Server server = new Dns64Server(config, manager);
        for (final AgentRunner runner : server.runners)
        {
            AgentRunner.startOnThread(runner);
        }
        return server;
    }

    /**
     * Binds UDP and TCP on the same port for every thread; port 0 picks one free for both.
     */
    private static InetSocketAddress bindAll(
        final InetSocketAddress listen, final List<List<DatagramChannel>> udp, final List<List<ServerSocketChannel>> tcp)
        throws IOException
    {
        IOException last = null;
        for (int tries = 0; tries < (listen.getPort() == 0 ? 20 : 1); tries++)
        {
            final List<DatagramChannel> udpSockets = new ArrayList<>();
            final List<ServerSocketChannel> tcpSockets = new ArrayList<>();
            try
            {
                int port = listen.getPort();
                for (int t = 0; t < udp.size(); t++)
                {
                    final DatagramChannel channel = DatagramChannel.open(
                        listen.getAddress() instanceof java.net.Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
                    udpSockets.add(channel);
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
                    channel.bind(new InetSocketAddress(listen.getAddress(), port));
                    port = ((InetSocketAddress)channel.getLocalAddress()).getPort();
                }
                for (int t = 0; t < tcp.size(); t++)
                {
                    final ServerSocketChannel channel = ServerSocketChannel.open();
                    tcpSockets.add(channel);
                    channel.setOption(StandardSocketOptions.SO_REUSEPORT, true);
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(new InetSocketAddress(listen.getAddress(), port), 128);
                }
                for (int t = 0; t < udp.size(); t++)
                {
                    udp.get(t).add(udpSockets.get(t));
                    tcp.get(t).add(tcpSockets.get(t));
                }
                return new InetSocketAddress(listen.getAddress(), port);
            }
            catch (final IOException ex)
            {
                CloseHelper.quietCloseAll(udpSockets);
                CloseHelper.quietCloseAll(tcpSockets);
                last = new IOException("dns64: cannot listen on " + listen + ": " + ex.getMessage(), ex);
            }
        }
        throw last;
    }

    /** @return the addresses actually bound (the port filled in when 0 was asked for), in listen order. */
    public List<InetSocketAddress> boundAddresses()
    {
        return List.copyOf(bound);
    }

    /** @return the sum of one counter over all threads. */
    public long total(final Dns64Counter counter)
    {
        long sum = 0;
        for (final Dns64Counters c : counters)
        {
            sum += c.get(counter);
        }
        return sum;
    }

    /** @return the non-zero totals, for logs. */
    public String summary()
    {
        final StringBuilder out = new StringBuilder();
        for (final Dns64Counter c : Dns64Counter.values())
        {
            final long v = total(c);
            if (v != 0)
            {
                out.append(out.length() == 0 ? "" : " ").append(c.counterName()).append('=').append(v);
            }
        }
        return out.toString();
    }

    public Dns64Config config()
    {
        return config;
    }

    @Override
    public void close()
    {
        CloseHelper.quietCloseAll(runners);
    }
}
