package dev.xlat64.dns.colocated;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.UdpHeader;
import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.RingReads;
import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.ResponseHandler;
import dev.xlat64.dns.server.TcpClients;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The DNS64 server colocated in the gateway: reads the queries the {@link DnsQueryDiverter} took off the RX
 * path, checks their checksums, hands the DNS message to the {@link Dns64Resolver}, and writes each answer as
 * an IP/UDP packet ({@link DnsReplyWriter}) into the TX path through the same kind of {@link BatchWriter} a
 * worker uses, by the family's egress port: the TX agent puts the Ethernet header on it with its next-hop
 * resolver, as for translated packets. Upstream questions go out through the resolver's kernel socket.
 * <p>
 * Duty cycle: read the clock once; read up to {@code queryLimit} queries (answers from the cache leave at once);
 * drive the resolver's upstream I/O and timeouts (answers to cache misses leave from here); publish the open
 * batches; every millisecond, serve TCP clients on kernel sockets when given ({@link TcpClients}: TCP/53 to the
 * gateway is its kernel's, the answers go back through the kernel too). Owns the resolver and closes it with the
 * agent. Nothing here allocates on a UDP cache hit.
 */
public final class Dns64Agent implements Agent, MessageHandler, ResponseHandler
{
    private static final int MAX_DNS_MESSAGE = 65_535;
    private static final long TCP_POLL_INTERVAL_NS = 1_000_000L;

    private final Dns64Resolver resolver;
    private final RingBuffer queries;
    private final BatchWriter[] egress;
    private final int[] mtuBytes;
    private final ColocatedDnsCounters counters;
    private final NanoClock clock;
    private final ErrorHandler log;
    private final int queryLimit;
    private final Ipv6Header ipv6 = new Ipv6Header();
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final UdpHeader udp = new UdpHeader();
    private final QueryOrigin origin = new QueryOrigin();
    private final ClientAddress client = new ClientAddress();
    private final ByteBuffer query = ByteBuffer.allocateDirect(MAX_DNS_MESSAGE).order(ByteOrder.BIG_ENDIAN);
    private final UnsafeBuffer scratch = new UnsafeBuffer(ByteBuffer.allocateDirect(MAX_DNS_MESSAGE + 64));
    private final DnsReplyWriter writer = new DnsReplyWriter();
    private final TcpClients tcp;
    private long nextTcpPollNs;
    private boolean errorLogged;

    /**
     * @param resolver the engine, owned by this agent from now on (closed with it).
     * @param queries the ring the diverter fills.
     * @param egress the TX path for answers leaving as IPv6 ([0]) and as IPv4 ([1]), as a worker's.
     * @param mtuBytes the largest IP packet each egress side carries, by family ordinal.
     * @param queryLimit queries read per duty cycle.
     */
    public Dns64Agent(
        final Dns64Resolver resolver, final RingBuffer queries, final BatchWriter[] egress, final int[] mtuBytes,
        final ColocatedDnsCounters counters, final NanoClock clock, final ErrorHandler log, final int queryLimit)
    {
        this(resolver, queries, egress, mtuBytes, counters, clock, log, queryLimit, null);
    }

    /**
     * @param tcp TCP clients on kernel sockets (TCP/53 to the gateway goes through its kernel), polled every
     *     millisecond; null for UDP only.
     */
    public Dns64Agent(
        final Dns64Resolver resolver, final RingBuffer queries, final BatchWriter[] egress, final int[] mtuBytes,
        final ColocatedDnsCounters counters, final NanoClock clock, final ErrorHandler log, final int queryLimit,
        final TcpClients tcp)
    {
        if (egress.length != Family.values().length || mtuBytes.length != Family.values().length)
        {
            throw new IllegalArgumentException("one egress writer and one MTU per family expected");
        }
        this.resolver = resolver;
        this.queries = queries;
        this.egress = egress.clone();
        this.mtuBytes = mtuBytes.clone();
        this.counters = counters;
        this.clock = clock;
        this.log = log;
        this.queryLimit = queryLimit;
        this.tcp = tcp;
    }

    @Override
    public String roleName()
    {
        return "dns64";
    }

    @Override
    public int doWork()
    {
        final long nowNs = clock.nanoTime();
        int work = 0;
        try
        {
            work += RingReads.read(queries, this, queryLimit); // on past the ring's end: no query waits a cycle
            work += resolver.doWork(nowNs);
            if (tcp != null && nowNs - nextTcpPollNs >= 0)
            {
                // A syscall (epoll_wait, no timeout) per millisecond at most: TCP/53 is the rare fallback.
                nextTcpPollNs = nowNs + TCP_POLL_INTERVAL_NS;
                work += tcp.pollNow(nowNs);
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            onError(ex);
        }
        for (final BatchWriter batch : egress)
        {
            batch.commit();
        }
        return work;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (msgTypeId != DnsQueryDiverter.MSG_QUERY)
        {
            return;
        }
        try
        {
            onQuery(buffer, index, length);
        }
        catch (final RuntimeException ex)
        {
            onError(ex);
        }
    }

    private void onQuery(final MutableDirectBuffer buffer, final int index, final int length)
    {
        // The diverter checked protocol, destination, fragments and that the lengths agree.
        final int udpOffset;
        final int udpLength;
        final int pseudo;
        if (((buffer.getByte(index) >>> 4) & 0x0F) == 6)
        {
            ipv6.wrap(buffer, index);
            udpOffset = index + Ipv6Header.HEADER_LENGTH;
            udpLength = length - Ipv6Header.HEADER_LENGTH;
            udp.wrap(buffer, udpOffset);
            pseudo = InternetChecksum.ipv6PseudoHeaderSum(ipv6.sourceHigh(), ipv6.sourceLow(),
                ipv6.destinationHigh(), ipv6.destinationLow(), IpProtocol.UDP, udpLength);
            // RFC 8200 §8.1: a zero UDP checksum over IPv6 is invalid.
            if (udp.checksum() == 0 || !checksumValid(buffer, udpOffset, udpLength, pseudo))
            {
                counters.increment(ColocatedDnsCounter.BAD_CHECKSUM);
                return;
            }
            origin.ipv6(ipv6.sourceHigh(), ipv6.sourceLow(), udp.sourcePort(),
                ipv6.destinationHigh(), ipv6.destinationLow(), udp.destinationPort());
            client.ipv6(ipv6.sourceHigh(), ipv6.sourceLow());
        }
        else
        {
            ipv4.wrap(buffer, index);
            final int headerLength = ipv4.headerLength();
            udpOffset = index + headerLength;
            udpLength = length - headerLength;
            udp.wrap(buffer, udpOffset);
            pseudo = InternetChecksum.ipv4PseudoHeaderSum(ipv4.source(), ipv4.destination(), IpProtocol.UDP, udpLength);
            // RFC 791 §3.1: the header sums to all ones; RFC 768: a zero UDP checksum means none was computed.
            if (InternetChecksum.sum(buffer, index, headerLength) != 0xFFFF ||
                (udp.checksum() != 0 && !checksumValid(buffer, udpOffset, udpLength, pseudo)))
            {
                counters.increment(ColocatedDnsCounter.BAD_CHECKSUM);
                return;
            }
            origin.ipv4(ipv4.source(), udp.sourcePort(), ipv4.destination(), udp.destinationPort());
            client.ipv4(ipv4.source());
        }
        counters.increment(ColocatedDnsCounter.QUERIES_IN);
        final int dnsLength = udpLength - UdpHeader.HEADER_LENGTH;
        query.clear();
        buffer.getBytes(udpOffset + UdpHeader.HEADER_LENGTH, query, 0, dnsLength);
        query.limit(dnsLength);
        resolver.resolve(query, client, false, origin, this);
    }

    private static boolean checksumValid(final MutableDirectBuffer buffer, final int offset, final int length, final int pseudo)
    {
        return InternetChecksum.add(pseudo, InternetChecksum.sum(buffer, offset, length)) == 0xFFFF;
    }

    @Override
    public void onResponse(final Object context, final ByteBuffer response)
    {
        final QueryOrigin to = (QueryOrigin)context;
        final Family family = to.family;
        final int overhead = family == Family.IPV6 ? DnsReplyWriter.IPV6_OVERHEAD : DnsReplyWriter.IPV4_OVERHEAD;
        // The resolver keeps UDP answers within the EDNS size (RFC 6891 §7, TC otherwise); the gateway checks at
        // start that this fits the MTU. Never send a packet the link cannot carry whole.
        if (response.remaining() + overhead > mtuBytes[family.ordinal()])
        {
            counters.increment(ColocatedDnsCounter.TOO_BIG);
            return;
        }
        final int length = writer.write(scratch, 0, to, response);
        switch (egress[family.ordinal()].append(scratch, 0, length, family))
        {
            case APPENDED -> counters.increment(ColocatedDnsCounter.ANSWERS_OUT);
            case RING_FULL -> counters.increment(ColocatedDnsCounter.TX_RING_FULL);
            case TOO_LONG -> counters.increment(ColocatedDnsCounter.TOO_BIG);
        }
    }

    @Override
    public Object retainContext(final Object context)
    {
        return ((QueryOrigin)context).copy();
    }

    /** @return the resolver (its counters, cache). */
    public Dns64Resolver resolver()
    {
        return resolver;
    }

    private void onError(final Exception ex)
    {
        counters.increment(ColocatedDnsCounter.AGENT_ERRORS);
        if (!errorLogged)
        {
            errorLogged = true;
            log.onError(new IllegalStateException("dns64 agent: unexpected " + ex.getClass().getSimpleName() +
                " (counted; later ones are only counted)", ex));
        }
    }

    @Override
    public void onClose()
    {
        try
        {
            resolver.close();
        }
        catch (final IOException ex)
        {
            log.onError(ex);
        }
    }
}
