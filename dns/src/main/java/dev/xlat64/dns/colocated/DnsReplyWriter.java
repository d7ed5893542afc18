package dev.xlat64.dns.colocated;

import java.nio.ByteBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.UdpHeader;
import dev.xlat64.core.pipeline.Family;
import org.agrona.MutableDirectBuffer;

/**
 * Builds the IP/UDP packet that carries a DNS answer back to the client: the query's addresses and ports
 * swapped, lengths set, UDP checksum computed over the pseudo-header (RFC 768; RFC 8200 §8.1, where a zero
 * result is sent as 0xFFFF), hop limit / TTL 64, traffic class / TOS 0. An IPv4 answer carries DF with
 * identification 0: it is an atomic datagram (RFC 6864 §4.1), never fragmented by the gateway, which drops an
 * answer that does not fit the MTU instead. One instance per thread (its flyweights are reused).
 */
public final class DnsReplyWriter
{
    /** Hop limit (IPv6) and TTL (IPv4) of answers: the default of Linux and of RFC 1700's era. */
    public static final int HOP_LIMIT = 64;
    public static final int IPV6_OVERHEAD = Ipv6Header.HEADER_LENGTH + UdpHeader.HEADER_LENGTH;
    public static final int IPV4_OVERHEAD = Ipv4Header.HEADER_LENGTH + UdpHeader.HEADER_LENGTH;

    private final Ipv6Header ipv6 = new Ipv6Header();
    private final Ipv4Header ipv4 = new Ipv4Header();
    private final UdpHeader udp = new UdpHeader();

    /**
     * Writes the answer packet at {@code offset}.
     *
     * @param dns the DNS message from its position to its limit (not consumed).
     * @return the IP packet's length.
     */
    public int write(final MutableDirectBuffer out, final int offset, final QueryOrigin origin, final ByteBuffer dns)
    {
        final int dnsLength = dns.remaining();
        final int udpLength = UdpHeader.HEADER_LENGTH + dnsLength;
        final int ipHeaderLength = origin.family == Family.IPV6 ? Ipv6Header.HEADER_LENGTH : Ipv4Header.HEADER_LENGTH;
        final int udpOffset = offset + ipHeaderLength;
        out.putBytes(udpOffset + UdpHeader.HEADER_LENGTH, dns, dns.position(), dnsLength);
        udp.wrap(out, udpOffset)
            .sourcePort(origin.serverPort)
            .destinationPort(origin.clientPort)
            .length(udpLength)
            .checksum(0);
        final int pseudo;
        if (origin.family == Family.IPV6)
        {
            ipv6.wrap(out, offset)
                .version(6)
                .trafficClass(0)
                .flowLabel(0)
                .payloadLength(udpLength)
                .nextHeader(IpProtocol.UDP)
                .hopLimit(HOP_LIMIT)
                .source(origin.serverHigh, origin.serverLow)
                .destination(origin.clientHigh, origin.clientLow);
            pseudo = InternetChecksum.ipv6PseudoHeaderSum(origin.serverHigh, origin.serverLow,
                origin.clientHigh, origin.clientLow, IpProtocol.UDP, udpLength);
        }
        else
        {
            ipv4.wrap(out, offset)
                .version(4)
                .ihl(5)
                .tos(0)
                .totalLength(Ipv4Header.HEADER_LENGTH + udpLength)
                .identification(0)
                .flagsAndFragmentOffset(0)
                .dontFragment(true)
                .ttl(HOP_LIMIT)
                .protocol(IpProtocol.UDP)
                .headerChecksum(0)
                .source(origin.server4)
                .destination(origin.client4);
            ipv4.headerChecksum(InternetChecksum.ipv4HeaderChecksum(out, offset, Ipv4Header.HEADER_LENGTH));
            pseudo = InternetChecksum.ipv4PseudoHeaderSum(origin.server4, origin.client4, IpProtocol.UDP, udpLength);
        }
        final int checksum = InternetChecksum.finish(InternetChecksum.add(pseudo, InternetChecksum.sum(out, udpOffset, udpLength)));
        // RFC 768 / RFC 8200 §8.1: a computed zero is transmitted as all ones (zero means "no checksum").
        udp.checksum(checksum == 0 ? 0xFFFF : checksum);
        return ipHeaderLength + udpLength;
    }
}
