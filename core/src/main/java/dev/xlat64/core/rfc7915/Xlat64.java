package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6ExtensionHeaders;
import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.packet.TcpHeader;
import dev.xlat64.core.packet.UdpHeader;

/**
 * IPv6 to IPv4 (RFC 7915 §5), in place: the IPv4 header is written just before the upper-layer header, over the end
 * of the IPv6 header. Steps, each ending the packet's trip on anything but "continue": parse, classify (ICMPv6
 * errors go to {@link IcmpErrors64}), map addresses, hop limit, MTU, transport checksum, header, emit.
 */
final class Xlat64
{
    /** RFC 7915 §5: IPv4 packets up to this size leave with DF clear (1280 minus the 20 bytes of difference). */
    static final int DF_THRESHOLD = 1260;

    private final TranslationContext context;
    private final IcmpErrorGenerator errors;
    private final IcmpErrors64 icmpErrors;
    private final Fragmenter fragmenter;
    private Xlat46 hairpin;
    private final Ipv6Header ip6 = new Ipv6Header();
    private final Ipv6ExtensionHeaders extensions = new Ipv6ExtensionHeaders();
    private final MappedAddresses addresses = new MappedAddresses();

    Xlat64(final TranslationContext context, final IcmpErrorGenerator errors, final Fragmenter fragmenter)
    {
        this.context = context;
        this.errors = errors;
        this.fragmenter = fragmenter;
        this.icmpErrors = new IcmpErrors64(context);
    }

    void hairpinTo(final Xlat46 xlat46)
    {
        this.hairpin = xlat46;
    }

    Verdict translate(final MutableDirectBuffer buffer, final int offset, final int length, final PacketSink sink)
    {
        // Parse (RFC 8200 §3, §4).
        if (length < Ipv6Header.HEADER_LENGTH)
        {
            return context.drop(DropReason.IPV6_MALFORMED);
        }
        ip6.wrap(buffer, offset);
        final HeaderFault fault = ip6.validate(length);
        if (fault != HeaderFault.NONE)
        {
            return context.drop(fault == HeaderFault.BAD_VERSION ? DropReason.WRONG_IP_VERSION : DropReason.IPV6_MALFORMED);
        }
        final int packetLength = Ipv6Header.HEADER_LENGTH + ip6.payloadLength();
        final int end = offset + packetLength;

        int l4Offset = offset + Ipv6Header.HEADER_LENGTH;
        int protocol = ip6.nextHeader();
        int fragmentOffset = -1;
        if (IpProtocol.isWalkedExtensionHeader(protocol))
        {
            if (extensions.walk(buffer, offset, packetLength) != HeaderFault.NONE)
            {
                return context.drop(DropReason.IPV6_EXTENSION_CHAIN_MALFORMED);
            }
            if (extensions.routingSegmentsLeft() != 0)
            {
                // RFC 7915 §5.1: Parameter Problem, code 0, pointing at the Segments Left field.
                final int pointer = extensions.routingHeaderOffset() - offset + 3;
                return errors.icmpv6Error(buffer, offset, packetLength, Icmpv6Header.TYPE_PARAMETER_PROBLEM, 0, pointer,
                    isIcmpv6Error(buffer, extensions.upperLayerProtocol(), extensions.upperLayerOffset(), end),
                    DropReason.SEGMENTS_LEFT_NONZERO, sink);
            }
            l4Offset = extensions.upperLayerOffset();
            protocol = extensions.upperLayerProtocol();
            fragmentOffset = extensions.fragmentHeaderOffset();
            if (fragmentOffset >= 0 && fragmentOffset + FragmentHeader.HEADER_LENGTH != l4Offset)
            {
                // RFC 7915 §5.1: an extension header after the Fragment header: drop (RFC 7915 §5.4 error 1/1).
                return errors.icmpv6Error(buffer, offset, packetLength, Icmpv6Header.TYPE_DESTINATION_UNREACHABLE, 1, 0,
                    false, DropReason.IPV6_EXTENSION_AFTER_FRAGMENT, sink);
            }
        }

        int fragmentField = 0;
        int fragmentId = 0;
        boolean isFragment = false;
        if (fragmentOffset >= 0)
        {
            fragmentField = buffer.getShort(fragmentOffset + FragmentHeader.FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN) & 0xFFFF;
            fragmentId = buffer.getInt(fragmentOffset + FragmentHeader.IDENTIFICATION_OFFSET, BIG_ENDIAN);
            isFragment = (fragmentField & 0xFFF9) != 0; // offset or M set; an atomic fragment is not a fragment
        }
        final boolean hasTransportHeader = (fragmentField & FragmentHeader.OFFSET_MASK) == 0;
        final int l4Length = end - l4Offset;

        // Classify: ICMPv6 errors carry a packet to translate too.
        if (protocol == IpProtocol.ICMPV6)
        {
            if (isFragment)
            {
                return context.drop(DropReason.ICMP_FRAGMENTED);
            }
            if (l4Length < 8)
            {
                return context.drop(DropReason.L4_HEADER_TRUNCATED);
            }
            final int type = buffer.getByte(l4Offset) & 0xFF;
            if (IcmpMapping.isIcmpv6Error(type))
            {
                return icmpErrors.translate(buffer, offset, l4Offset, end, sink);
            }
        }

        // Addresses (RFC 7915 §5.1 via the mapper: SIIT or stateful).
        final MappedAddresses a = addresses;
        a.reset();
        a.source6High = ip6.sourceHigh();
        a.source6Low = ip6.sourceLow();
        a.destination6High = ip6.destinationHigh();
        a.destination6Low = ip6.destinationLow();
        if (hasTransportHeader)
        {
            readPorts(buffer, protocol, l4Offset, l4Length, a);
        }
        a.captureIpv6();
        final DropReason unmapped = context.mapper.map6to4(a);
        if (unmapped != null)
        {
            return context.drop(unmapped);
        }

        // Hop limit (RFC 7915 §5.1: decremented as a router does; Time Exceeded when it would reach zero).
        final int hopLimit = ip6.hopLimit();
        if (hopLimit <= 1)
        {
            return errors.icmpv6Error(buffer, offset, packetLength, Icmpv6Header.TYPE_TIME_EXCEEDED, 0, 0, false,
                DropReason.HOP_LIMIT_EXCEEDED, sink);
        }

        // MTU (RFC 7915 §5.1, §1.4): IPv4 packet = transport + 20.
        final int totalLength = l4Length + Ipv4Header.HEADER_LENGTH;
        final boolean dontFragment = !isFragment && totalLength > DF_THRESHOLD;
        final int ipv4Mtu = context.config.ipv4MtuBytes();
        if (totalLength > ipv4Mtu && !a.hairpin && (dontFragment || isFragment))
        {
            final int mtu = Math.max(1280, ipv4Mtu + Ipv4Header.HEADER_LENGTH);
            return errors.icmpv6Error(buffer, offset, packetLength, Icmpv6Header.TYPE_PACKET_TOO_BIG, 0, mtu, false,
                DropReason.PACKET_TOO_BIG, sink);
        }

        // Transport (RFC 7915 §5.5): pseudo-header addresses changed; later fragments carry no header.
        if (hasTransportHeader)
        {
            final Verdict transport = transport(buffer, protocol, l4Offset, l4Length, a);
            if (transport != Verdict.CONTINUE)
            {
                return transport;
            }
        }

        // Header (RFC 7915 §5.1, §5.1.1).
        final int identification;
        final int flags;
        if (fragmentOffset >= 0)
        {
            identification = fragmentId & 0xFFFF;
            flags = ipv4FlagsAndOffset(fragmentField);
        }
        else
        {
            identification = context.nextIdentification();
            flags = dontFragment ? Ipv4Header.FLAG_DF : 0;
        }
        final int out = l4Offset - Ipv4Header.HEADER_LENGTH;
        final int ipv4Protocol = protocol == IpProtocol.ICMPV6 ? IpProtocol.ICMP : protocol;
        HeaderWriter.ipv4(buffer, out, context.tosFor(ip6.trafficClass()), totalLength, identification, flags,
            hopLimit - 1, ipv4Protocol, a.source4, a.destination4);

        if (a.hairpin)
        {
            // RFC 7757 §4.2.2: straight back to IPv6, source by pool6, destination by the EAMT.
            context.counters.count(TranslatorOutcome.HAIRPINNED);
            return hairpin.translate(buffer, out, totalLength, sink, true);
        }
        context.counters.count(TranslatorOutcome.TRANSLATED_6TO4);
        if (totalLength > ipv4Mtu)
        {
            return fragmenter.fragmentIpv4(buffer, out, totalLength, ipv4Mtu, sink);
        }
        sink.emit(Side.IPV4, buffer, out, totalLength);
        return Verdict.TRANSLATED;
    }

    private Verdict transport(
        final MutableDirectBuffer buffer, final int protocol, final int l4Offset, final int l4Length,
        final MappedAddresses a)
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
                // A zero checksum (RFC 6935 tunnels) stays zero: IPv4 reads it as "no checksum".
                if (buffer.getShort(checksumOffset, BIG_ENDIAN) != 0)
                {
                    Checksums.updateTransport(buffer, checksumOffset, a.originalAddressSum, a.ipv4AddressSum(), true);
                    writePorts(buffer, l4Offset, a, checksumOffset);
                }
                else
                {
                    writePorts(buffer, l4Offset, a, -1);
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
                Checksums.updateTransport(buffer, checksumOffset, a.originalAddressSum, a.ipv4AddressSum(), false);
                writePorts(buffer, l4Offset, a, checksumOffset);
                return Verdict.CONTINUE;
            }
            case IpProtocol.ICMPV6:
            {
                // Informational only here (errors went to IcmpErrors64): echo, RFC 7915 §5.2.
                final int type = buffer.getByte(l4Offset) & 0xFF;
                final int code = buffer.getByte(l4Offset + 1) & 0xFF;
                final int mapped = IcmpMapping.icmpv6ToIcmpv4(type, code);
                if (mapped == IcmpMapping.DROP)
                {
                    return context.drop(DropReason.ICMPV6_TYPE_UNTRANSLATABLE);
                }
                Checksums.retypeIcmpv6ToIcmpv4(buffer, l4Offset, (type << 8) | code, mapped, a, l4Length);
                if (a.sourcePort >= 0)
                {
                    Checksums.replacePort(buffer, l4Offset + 4, a.sourcePort, l4Offset + 2);
                }
                return Verdict.CONTINUE;
            }
            default:
                // RFC 7915 §5.5: other protocols pass unchanged.
                return Verdict.CONTINUE;
        }
    }

    static void readPorts(
        final MutableDirectBuffer buffer, final int protocol, final int l4Offset, final int l4Length,
        final MappedAddresses a)
    {
        if ((protocol == IpProtocol.UDP || protocol == IpProtocol.TCP) && l4Length >= 4)
        {
            a.sourcePort = buffer.getShort(l4Offset, BIG_ENDIAN) & 0xFFFF;
            a.destinationPort = buffer.getShort(l4Offset + 2, BIG_ENDIAN) & 0xFFFF;
        }
        else if ((protocol == IpProtocol.ICMPV6 || protocol == IpProtocol.ICMP) && l4Length >= 8)
        {
            a.sourcePort = buffer.getShort(l4Offset + 4, BIG_ENDIAN) & 0xFFFF;
            a.destinationPort = a.sourcePort;
        }
    }

    /**
     * RFC 7915 §5.1.1: an IPv6 Fragment header's offset/M word as IPv4 bytes 6-7 (MF from M, the same offset).
     */
    static int ipv4FlagsAndOffset(final int fragmentField)
    {
        return ((fragmentField & 1) != 0 ? Ipv4Header.FLAG_MF : 0) | (fragmentField >>> 3);
    }

    static void writePorts(
        final MutableDirectBuffer buffer, final int l4Offset, final MappedAddresses a, final int checksumOffset)
    {
        if (a.sourcePort >= 0)
        {
            Checksums.replacePort(buffer, l4Offset, a.sourcePort, checksumOffset);
            Checksums.replacePort(buffer, l4Offset + 2, a.destinationPort, checksumOffset);
        }
    }

    private static boolean isIcmpv6Error(
        final MutableDirectBuffer buffer, final int protocol, final int l4Offset, final int end)
    {
        return protocol == IpProtocol.ICMPV6 && l4Offset < end &&
            IcmpMapping.isIcmpv6Error(buffer.getByte(l4Offset) & 0xFF);
    }
}
