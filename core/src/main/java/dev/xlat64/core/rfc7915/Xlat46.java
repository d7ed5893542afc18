package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.TcpHeader;
import dev.xlat64.core.packet.UdpHeader;

/**
 * IPv4 to IPv6 (RFC 7915 §4), in place: the IPv6 header (and a Fragment header for IPv4 fragments) is written
 * just before the upper-layer header, over the IPv4 header and into the headroom. Steps: parse, options,
 * classify (ICMPv4 errors go to {@link IcmpErrors46}), map addresses, TTL, UDP zero checksum, MTU, transport
 * checksum, header, emit or fragment.
 */
final class Xlat46
{
    private final TranslationContext context;
    private final IcmpErrorGenerator errors;
    private final IcmpErrors46 icmpErrors;
    private final Fragmenter fragmenter;
    private final Ipv4Header ip4 = new Ipv4Header();
    private final MappedAddresses addresses = new MappedAddresses();

    Xlat46(final TranslationContext context, final IcmpErrorGenerator errors, final Fragmenter fragmenter)
    {
        this.context = context;
        this.errors = errors;
        this.fragmenter = fragmenter;
        this.icmpErrors = new IcmpErrors46(context);
    }

    /**
     * @param hairpinPass true when the packet is the IPv4 form of a 6to4 packet being hairpinned (RFC 7757 §4.2.2):
     *     TTL was already decremented, the header checksum was just computed, the source maps by pool6.
     */
    Verdict translate(
        final MutableDirectBuffer buffer, final int offset, final int length, final PacketSink sink,
        final boolean hairpinPass)
    {
        // Parse (RFC 791).
        if (length < Ipv4Header.HEADER_LENGTH)
        {
            return context.drop(DropReason.IPV4_MALFORMED);
        }
        final Ipv4Header ip4 = this.ip4.wrap(buffer, offset);
        final HeaderFault fault = ip4.validate(length);
        if (fault != HeaderFault.NONE)
        {
            return context.drop(fault == HeaderFault.BAD_VERSION ? DropReason.WRONG_IP_VERSION : DropReason.IPV4_MALFORMED);
        }
        final int headerLength = ip4.headerLength();
        if (!hairpinPass && !headerChecksumVerifies(buffer, offset, headerLength))
        {
            return context.drop(DropReason.IPV4_HEADER_CHECKSUM_INVALID);
        }
        final int totalLength = ip4.totalLength();
        final int l4Offset = offset + headerLength;
        final int l4Length = totalLength - headerLength;
        final int flagsAndOffset = ip4.flagsAndFragmentOffset();
        final boolean dontFragment = (flagsAndOffset & Ipv4Header.FLAG_DF) != 0;
        final boolean moreFragments = (flagsAndOffset & Ipv4Header.FLAG_MF) != 0;
        final int fragmentOffset = flagsAndOffset & Ipv4Header.FRAGMENT_OFFSET_MASK;
        final boolean isFragment = moreFragments || fragmentOffset != 0;
        final boolean hasTransportHeader = fragmentOffset == 0;
        final int protocol = ip4.protocol();

        // Classify: ICMPv4 errors carry a packet to translate too.
        boolean icmpError = false;
        if (protocol == IpProtocol.ICMP)
        {
            if (isFragment)
            {
                return context.drop(DropReason.ICMP_FRAGMENTED);
            }
            if (l4Length < 8)
            {
                return context.drop(DropReason.L4_HEADER_TRUNCATED);
            }
            icmpError = IcmpMapping.isIcmpv4Error(buffer.getByte(l4Offset) & 0xFF);
        }

        // Options (RFC 7915 §4.1): ignored, but an unexpired source route is refused with 3/5.
        if (headerLength > Ipv4Header.HEADER_LENGTH && ip4.hasUnexpiredSourceRoute())
        {
            return errors.icmpv4Error(buffer, offset, totalLength, IcmpHeader.TYPE_DESTINATION_UNREACHABLE, 5, 0,
                icmpError, DropReason.SOURCE_ROUTE_OPTION, sink);
        }
        if (icmpError)
        {
            return icmpErrors.translate(buffer, offset, headerLength, totalLength, sink);
        }

        // Addresses.
        final MappedAddresses a = addresses;
        a.reset();
        a.hairpinPass = hairpinPass;
        a.source4 = ip4.source();
        a.destination4 = ip4.destination();
        if (hasTransportHeader)
        {
            Xlat64.readPorts(buffer, protocol, l4Offset, l4Length, a);
        }
        a.captureIpv4();
        final DropReason unmapped = context.mapper.map4to6(a);
        if (unmapped != null)
        {
            return context.drop(unmapped);
        }

        // TTL (RFC 7915 §4.1: decremented as a router does).
        final int ttl = ip4.ttl();
        if (!hairpinPass && ttl <= 1)
        {
            return errors.icmpv4Error(buffer, offset, totalLength, IcmpHeader.TYPE_TIME_EXCEEDED, 0, 0, false,
                DropReason.TTL_EXCEEDED, sink);
        }

        // UDP without checksum (RFC 7915 §4.5).
        boolean amendUdp = false;
        if (protocol == IpProtocol.UDP && hasTransportHeader && l4Length >= UdpHeader.HEADER_LENGTH &&
            buffer.getShort(l4Offset + UdpHeader.CHECKSUM_OFFSET, BIG_ENDIAN) == 0)
        {
            if (isFragment)
            {
                return errors.icmpv4Error(buffer, offset, totalLength, IcmpHeader.TYPE_DESTINATION_UNREACHABLE, 13, 0,
                    false, DropReason.UDP_CHECKSUM_ZERO_FRAGMENT, sink);
            }
            if (!context.config.amendUdpChecksumZero())
            {
                return context.drop(DropReason.UDP_CHECKSUM_ZERO);
            }
            amendUdp = true;
        }

        // MTU (RFC 7915 §4.1): DF set and too big: Fragmentation Needed; DF clear: fragment to lowest-ipv6-mtu.
        final int headersOut = Ipv6Header.HEADER_LENGTH + (isFragment ? FragmentHeader.HEADER_LENGTH : 0);
        final int packetOut = headersOut + l4Length;
        final int ipv6Mtu = context.config.ipv6MtuBytes();
        if (dontFragment && packetOut > ipv6Mtu)
        {
            return errors.icmpv4Error(buffer, offset, totalLength, IcmpHeader.TYPE_DESTINATION_UNREACHABLE,
                IcmpHeader.CODE_FRAGMENTATION_NEEDED, ipv6Mtu - 20, false, DropReason.FRAGMENTATION_NEEDED, sink);
        }

        // Transport (RFC 7915 §4.5).
        if (hasTransportHeader)
        {
            final Verdict transport = transport(buffer, protocol, l4Offset, l4Length, a, amendUdp);
            if (transport != Verdict.CONTINUE)
            {
                return transport;
            }
        }

        // Header (RFC 7915 §4.1): read what is left of the IPv4 header before writing over it.
        final int trafficClass = context.trafficClassFor(ip4.tos());
        final int identification = ip4.identification();
        final int hopLimit = hairpinPass ? ttl : ttl - 1;
        final int nextHeader = protocol == IpProtocol.ICMP ? IpProtocol.ICMPV6 : protocol;
        final int out = l4Offset - headersOut;
        if (isFragment)
        {
            HeaderWriter.ipv6(buffer, out, trafficClass, packetOut - Ipv6Header.HEADER_LENGTH, IpProtocol.FRAGMENT,
                hopLimit, a.source6High, a.source6Low, a.destination6High, a.destination6Low);
            HeaderWriter.fragment(buffer, out + Ipv6Header.HEADER_LENGTH, nextHeader, fragmentOffset, moreFragments,
                identification);
        }
        else
        {
            HeaderWriter.ipv6(buffer, out, trafficClass, packetOut - Ipv6Header.HEADER_LENGTH, nextHeader,
                hopLimit, a.source6High, a.source6Low, a.destination6High, a.destination6Low);
        }

        if (!hairpinPass)
        {
            context.counters.count(TranslatorOutcome.TRANSLATED_4TO6);
        }
        final int fragmentMtu = Math.min(context.config.lowestIpv6MtuBytes(), ipv6Mtu);
        if (!dontFragment && packetOut > fragmentMtu)
        {
            return fragmenter.fragmentIpv6(buffer, out, packetOut, isFragment, nextHeader, fragmentOffset,
                moreFragments, identification, fragmentMtu, sink);
        }
        sink.emit(Side.IPV6, buffer, out, packetOut);
        return Verdict.TRANSLATED;
    }

    private static boolean headerChecksumVerifies(
        final MutableDirectBuffer buffer, final int offset, final int headerLength)
    {
        // RFC 1071: the stored value must equal the recomputed one; 0xFFFF is the other zero of ones' complement.
        final int stored = buffer.getShort(offset + Ipv4Header.HEADER_CHECKSUM_OFFSET, BIG_ENDIAN) & 0xFFFF;
        final int computed = InternetChecksum.ipv4HeaderChecksum(buffer, offset, headerLength);
        return stored == computed || (computed == 0 && stored == 0xFFFF);
    }

    private Verdict transport(
        final MutableDirectBuffer buffer, final int protocol, final int l4Offset, final int l4Length,
        final MappedAddresses a, final boolean amendUdp)
    {
        switch (protocol)
        {
            case IpProtocol.UDP:
            {
                if (l4Length < UdpHeader.HEADER_LENGTH)
                {
                    return context.drop(DropReason.L4_HEADER_TRUNCATED);
                }
                final int checksumOffset = l4Offset + UdpHeader.CHECKSUM_OFFSET;
                if (amendUdp)
                {
                    // RFC 7915 §4.5 option 2: a full checksum over the whole datagram.
                    Xlat64.writePorts(buffer, l4Offset, a, -1);
                    final int sum = InternetChecksum.add(
                        InternetChecksum.ipv6PseudoHeaderSum(a.source6High, a.source6Low, a.destination6High,
                            a.destination6Low, IpProtocol.UDP, l4Length),
                        InternetChecksum.sum(buffer, l4Offset, l4Length));
                    final int checksum = InternetChecksum.finish(sum);
                    buffer.putShort(checksumOffset, (short)(checksum == 0 ? 0xFFFF : checksum), BIG_ENDIAN);
                    context.counters.count(TranslatorOutcome.UDP_CHECKSUMS_AMENDED);
                }
                else
                {
                    Checksums.updateTransport(buffer, checksumOffset, a.originalAddressSum, a.ipv6AddressSum(), true);
                    Xlat64.writePorts(buffer, l4Offset, a, checksumOffset);
                }
                return Verdict.CONTINUE;
            }
            case IpProtocol.TCP:
            {
                if (l4Length < TcpHeader.CHECKSUM_OFFSET + 2)
                {
                    return context.drop(DropReason.L4_HEADER_TRUNCATED);
                }
                final int checksumOffset = l4Offset + TcpHeader.CHECKSUM_OFFSET;
                Checksums.updateTransport(buffer, checksumOffset, a.originalAddressSum, a.ipv6AddressSum(), false);
                Xlat64.writePorts(buffer, l4Offset, a, checksumOffset);
                return Verdict.CONTINUE;
            }
            case IpProtocol.ICMP:
            {
                // Informational only here (errors went to IcmpErrors46): echo, RFC 7915 §4.2.
                final int type = buffer.getByte(l4Offset) & 0xFF;
                final int code = buffer.getByte(l4Offset + 1) & 0xFF;
                final int mapped = IcmpMapping.icmpv4ToIcmpv6(type, code);
                if (mapped == IcmpMapping.DROP)
                {
                    return context.drop(DropReason.ICMPV4_TYPE_UNTRANSLATABLE);
                }
                Checksums.retypeIcmpv4ToIcmpv6(buffer, l4Offset, (type << 8) | code, mapped, a, l4Length);
                if (a.destinationPort >= 0)
                {
                    // 4to6 the identifier is the "destination" side of the mapping (RFC 6146 §3.5.3).
                    Checksums.replacePort(buffer, l4Offset + 4, a.destinationPort, l4Offset + 2);
                }
                return Verdict.CONTINUE;
            }
            default:
                return Verdict.CONTINUE;
        }
    }
}
