package dev.xlat64.dns.colocated;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.UdpHeader;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.RxDiverter;
import dev.xlat64.dns.wire.DnsWire;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The RX step that takes DNS queries for the colocated DNS64 off the data path: a plain (unfragmented, no IPv6
 * extension header) UDP packet whose destination address and port are one of the DNS listen endpoints, with
 * lengths that agree with each other, is copied whole (IP header included) into the agent's ring as one
 * message of type {@link #MSG_QUERY}. A full ring is a counted drop. Any other packet addressed to one of the
 * gateway's own addresses is also taken, counted as {@link ColocatedDnsCounter#LOCAL} and left to the kernel of
 * the gateway's namespace (it gets its own copy: AF_PACKET only copies), e.g. the upstream resolvers' answers
 * to the agent's kernel socket; translating them would only count a drop.
 * <p>
 * Called by every RX agent, concurrently: its only state is the immutable endpoint tables, a
 * many-to-one ring and atomic counters. Reads bytes in place, big-endian, and allocates nothing.
 */
public final class DnsQueryDiverter implements RxDiverter
{
    /** Ring message type of a query: the message is the IP packet. */
    public static final int MSG_QUERY = 1;

    private final RingBuffer queries;
    private final int maxMessageLength;
    private final ColocatedDnsCounters counters;
    private final long[] listen6;
    private final int[] ports6;
    private final int[] listen4;
    private final int[] ports4;
    private final long[] own6;
    private final int[] own4;

    /**
     * @param queries the agent's ring (a many-to-one ring when several RX agents share this diverter).
     * @param listen the DNS endpoints served through the pipeline (addresses of this gateway).
     * @param ownAddresses every address of the gateway whose packets are left to the kernel; the listen
     *     addresses count as own addresses anyway.
     */
    public DnsQueryDiverter(
        final RingBuffer queries, final List<InetSocketAddress> listen, final List<InetAddress> ownAddresses,
        final ColocatedDnsCounters counters)
    {
        this.queries = queries;
        this.maxMessageLength = queries.maxMsgLength();
        this.counters = counters;
        final List<InetSocketAddress> v6 = new ArrayList<>();
        final List<InetSocketAddress> v4 = new ArrayList<>();
        final Set<InetAddress> own = new LinkedHashSet<>();
        for (final InetSocketAddress endpoint : listen)
        {
            (endpoint.getAddress() instanceof Inet6Address ? v6 : v4).add(endpoint);
            own.add(endpoint.getAddress());
        }
        own.addAll(ownAddresses);
        listen6 = pack6(v6.stream().map(InetSocketAddress::getAddress).toList());
        ports6 = v6.stream().mapToInt(InetSocketAddress::getPort).toArray();
        listen4 = pack4(v4.stream().map(InetSocketAddress::getAddress).toList());
        ports4 = v4.stream().mapToInt(InetSocketAddress::getPort).toArray();
        own6 = pack6(own.stream().filter(a -> a instanceof Inet6Address).toList());
        own4 = pack4(own.stream().filter(a -> a instanceof Inet4Address).toList());
    }

    /** @return the IPv6 addresses as {high, low} pairs, in order (network byte order, as the packets carry them). */
    private static long[] pack6(final List<InetAddress> addresses)
    {
        final long[] out = new long[addresses.size() * 2];
        for (int i = 0; i < addresses.size(); i++)
        {
            final ByteBuffer bytes = ByteBuffer.wrap(addresses.get(i).getAddress()).order(ByteOrder.BIG_ENDIAN);
            out[2 * i] = bytes.getLong(0);
            out[2 * i + 1] = bytes.getLong(8);
        }
        return out;
    }

    /** @return the IPv4 addresses as ints, in order. */
    private static int[] pack4(final List<InetAddress> addresses)
    {
        final int[] out = new int[addresses.size()];
        for (int i = 0; i < addresses.size(); i++)
        {
            out[i] = ByteBuffer.wrap(addresses.get(i).getAddress()).order(ByteOrder.BIG_ENDIAN).getInt(0);
        }
        return out;
    }

    @Override
    public boolean divert(final Family family, final DirectBuffer buffer, final int offset, final int length)
    {
        return family == Family.IPV6 ? divert6(buffer, offset, length) : divert4(buffer, offset, length);
    }

    private boolean divert6(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < Ipv6Header.HEADER_LENGTH)
        {
            return false;
        }
        final long high = buffer.getLong(offset + 24, ByteOrder.BIG_ENDIAN);
        final long low = buffer.getLong(offset + 32, ByteOrder.BIG_ENDIAN);
        if ((buffer.getByte(offset + 6) & 0xFF) == IpProtocol.UDP &&
            length >= Ipv6Header.HEADER_LENGTH + UdpHeader.HEADER_LENGTH + DnsWire.HEADER_LENGTH)
        {
            final int payloadLength = buffer.getShort(offset + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int udp = offset + Ipv6Header.HEADER_LENGTH;
            final int port = buffer.getShort(udp + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int udpLength = buffer.getShort(udp + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (payloadLength == length - Ipv6Header.HEADER_LENGTH && udpLength == payloadLength)
            {
                for (int i = 0; i < ports6.length; i++)
                {
                    if (listen6[2 * i] == high && listen6[2 * i + 1] == low && ports6[i] == port)
                    {
                        return enqueue(buffer, offset, length);
                    }
                }
            }
        }
        for (int i = 0; i < own6.length; i += 2)
        {
            if (own6[i] == high && own6[i + 1] == low)
            {
                counters.incrementShared(ColocatedDnsCounter.LOCAL);
                return true;
            }
        }
        return false;
    }

    private boolean divert4(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length < Ipv4Header.HEADER_LENGTH)
        {
            return false;
        }
        final int destination = buffer.getInt(offset + 16, ByteOrder.BIG_ENDIAN);
        final int headerLength = (buffer.getByte(offset) & 0x0F) * 4;
        if ((buffer.getByte(offset + 9) & 0xFF) == IpProtocol.UDP && headerLength >= Ipv4Header.HEADER_LENGTH &&
            length >= headerLength + UdpHeader.HEADER_LENGTH + DnsWire.HEADER_LENGTH &&
            // Neither MF nor a fragment offset: a whole datagram (RFC 791 §3.1).
            (buffer.getShort(offset + 6, ByteOrder.BIG_ENDIAN) & 0x3FFF) == 0)
        {
            final int totalLength = buffer.getShort(offset + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int udp = offset + headerLength;
            final int port = buffer.getShort(udp + 2, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            final int udpLength = buffer.getShort(udp + 4, ByteOrder.BIG_ENDIAN) & 0xFFFF;
            if (totalLength == length && udpLength == length - headerLength)
            {
                for (int i = 0; i < ports4.length; i++)
                {
                    if (listen4[i] == destination && ports4[i] == port)
                    {
                        return enqueue(buffer, offset, length);
                    }
                }
            }
        }
        for (final int own : own4)
        {
            if (own == destination)
            {
                counters.incrementShared(ColocatedDnsCounter.LOCAL);
                return true;
            }
        }
        return false;
    }

    private boolean enqueue(final DirectBuffer buffer, final int offset, final int length)
    {
        if (length > maxMessageLength)
        {
            counters.incrementShared(ColocatedDnsCounter.QUERY_TOO_LONG);
        }
        else if (queries.write(MSG_QUERY, buffer, offset, length))
        {
            counters.incrementShared(ColocatedDnsCounter.DIVERTED);
        }
        else
        {
            counters.incrementShared(ColocatedDnsCounter.RING_FULL);
        }
        return true;
    }
}
