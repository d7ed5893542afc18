package dev.xlat64.io.gateway;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.util.ArrayList;
import java.util.List;

import org.agrona.CloseHelper;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;

import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.colocated.ColocatedDnsCounters;
import dev.xlat64.dns.colocated.Dns64Agent;
import dev.xlat64.dns.colocated.DnsQueryDiverter;
import dev.xlat64.dns.server.TcpClients;
import dev.xlat64.io.afpacket.NetworkNamespace;

/**
 * The DNS64 server colocated in the gateway, assembled: its counters, the ring the RX agents feed
 * ({@link DnsQueryDiverter}), the resolver with its upstream kernel socket in the gateway's namespace, and the
 * {@link Dns64Agent} that {@link Gateway} runs beside the workers.
 * <p>
 * The kernel of the gateway's namespace gets its own copy of every query (AF_PACKET only copies). With no
 * socket on the port it would answer each with ICMP Port Unreachable, which makes clients give up before the
 * pipeline's answer arrives. So a UDP socket is bound on every listen endpoint and never read: the kernel
 * queues the copies there and drops them silently once its small buffer is full (no ICMP for that).
 * TCP/53 is the kernel's: a listening socket on every endpoint, served by the same agent and resolver
 * ({@link TcpClients}), so a client can retry a truncated answer over TCP (RFC 7766).
 */
public final class GatewayDns64 implements AutoCloseable
{
    /** The query ring: 1 MiB holds thousands of queries; a message may be up to 128 KiB, beyond any IP packet. */
    private static final int RING_BYTES = 1 << 20;
    private static final int QUERY_LIMIT = 64;
    private static final int QUIET_SOCKET_BUFFER_BYTES = 4096;

    private final GatewayDns64Config config;
    private final ColocatedDnsCounters counters;
    private final Dns64Counters resolverCounters;
    private final ManyToOneRingBuffer queries;
    private final DnsQueryDiverter diverter;
    private final List<DatagramChannel> quietSockets = new ArrayList<>();
    private final List<ServerSocketChannel> tcpListeners = new ArrayList<>();
    private final Selector tcpSelector;
    private final TcpClients tcp;
    private final Dns64Resolver resolver;
    private final ErrorHandler log;

    /**
     * Binds the quiet sockets and opens the resolver's upstream socket.
     *
     * @throws IOException naming a listen address this namespace does not have.
     */
    public GatewayDns64(final GatewayDns64Config config, final CountersManager manager, final ErrorHandler log) throws IOException
    {
        this.config = config;
        this.log = log;
        this.counters = new ColocatedDnsCounters(manager);
        this.resolverCounters = new Dns64Counters(manager, "dns64");
        this.queries = new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
        this.diverter = new DnsQueryDiverter(queries, config.listen(), config.ownAddresses(), counters);
        try
        {
            for (final InetSocketAddress endpoint : config.listen())
            {
                quietSockets.add(NetworkNamespace.run(config.namespace(), () -> bindQuiet(endpoint)));
            }
            // The upstream UDP socket keeps the namespace it is made in (TCP fallback sockets are made later, on
            // the agent's thread: in the process's namespace, which is the gateway's with xlat64 run).
            this.resolver = NetworkNamespace.run(config.namespace(),
                () -> new Dns64Resolver(config.dns(), resolverCounters, SystemNanoClock.INSTANCE));
            this.tcpSelector = Selector.open();
            this.tcp = new TcpClients(tcpSelector, resolver, resolverCounters, config.dns().tcpMaxConnections(),
                config.dns().tcpIdleTimeoutMs() * 1_000_000L);
            for (final InetSocketAddress endpoint : config.listen())
            {
                final ServerSocketChannel listener = NetworkNamespace.run(config.namespace(), () -> listenTcp(endpoint));
                tcpListeners.add(listener);
                tcp.listen(listener);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            close();
            throw ex;
        }
    }

    private static DatagramChannel bindQuiet(final InetSocketAddress endpoint) throws IOException
    {
        final DatagramChannel channel = DatagramChannel.open(
            endpoint.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try
        {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, QUIET_SOCKET_BUFFER_BYTES);
            channel.bind(endpoint);
            return channel;
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("dns64.listen " + SocketAddressText.of(endpoint) + ": cannot bind it in this network " +
                "namespace (" + ex.getMessage() + "); a listen address must be one of the gateway's own addresses", ex);
        }
    }

    private static ServerSocketChannel listenTcp(final InetSocketAddress endpoint) throws IOException
    {
        final ServerSocketChannel channel = ServerSocketChannel.open(
            endpoint.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        try
        {
            channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            channel.bind(endpoint);
            return channel;
        }
        catch (final IOException ex)
        {
            channel.close();
            throw new IOException("dns64.listen " + SocketAddressText.of(endpoint) + ": cannot listen on TCP (" +
                ex.getMessage() + ")", ex);
        }
    }

    /** @return the RX step that takes the queries (and leaves other packets to the gateway's addresses to the kernel). */
    public DnsQueryDiverter diverter()
    {
        return diverter;
    }

    /**
     * Makes the agent on the TX path the gateway gives it; called once, by {@link Gateway}.
     *
     * @param egress the writers for answers leaving as IPv6 ([0]) and as IPv4 ([1]).
     */
    public Agent agent(final BatchWriter[] egress)
    {
        return new Dns64Agent(resolver, queries, egress, config.mtuBytes(), counters, SystemNanoClock.INSTANCE, log,
            QUERY_LIMIT, tcp);
    }

    public ColocatedDnsCounters counters()
    {
        return counters;
    }

    public Dns64Counters resolverCounters()
    {
        return resolverCounters;
    }

    /** @return the start-up log line. */
    public String describe()
    {
        final List<String> endpoints = config.listen().stream().map(SocketAddressText::of).toList();
        final List<String> upstreams = config.dns().upstreams().stream().map(SocketAddressText::of).toList();
        return "dns64 on " + String.join(" ", endpoints) + " (UDP through the pipeline, TCP through the kernel), " +
            "prefixes " + config.dns().prefixes() + ", upstreams " + String.join(" ", upstreams);
    }

    /**
     * Closes the TCP connections and listeners, the quiet sockets and the resolver (the agent closes the resolver
     * too when it stops first). Called after the agent's thread stopped.
     */
    @Override
    public void close()
    {
        if (tcp != null)
        {
            tcp.closeConnections();
        }
        CloseHelper.quietCloseAll(tcpListeners);
        CloseHelper.quietClose(tcpSelector);
        CloseHelper.quietCloseAll(quietSockets);
        CloseHelper.quietClose(resolver);
    }

    /** Socket addresses as an operator writes them: {@code [2001:db8::1]:53}, {@code 198.51.100.1:53}. */
    static final class SocketAddressText
    {
        private SocketAddressText()
        {
        }

        static String of(final InetSocketAddress address)
        {
            final String host = address.getAddress().getHostAddress();
            final String text = address.getAddress() instanceof Inet6Address ?
                "[" + dev.xlat64.core.addr.Ipv6Address.parse(host.replaceFirst("%.*$", "")) + "]" : host;
            return text + ":" + address.getPort();
        }
    }
}
