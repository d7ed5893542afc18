package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.HeaderFault;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6ExtensionHeaders;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * ICMPv6 error messages to ICMPv4 (RFC 7915 §5.2, §5.3): type and code by the §5.2 table, MTU and pointer
 * adjusted, the packet in error translated like any IPv6 packet except for its hop limit (addresses, header,
 * transport checksum), RFC 4884 extension kept whole with the length attribute recomputed, and the result cut to
 * 576 bytes. Built in the scratch buffer; the ICMPv6 checksum is verified first since the new one is computed
 * from scratch, and an error inside an error is dropped.
 */
final class IcmpErrors64
{
    private static final int OUT_ICMP = Ipv4Header.HEADER_LENGTH;
    private static final int OUT_INNER = OUT_ICMP + 8;
    private static final int OUT_INNER_DATA = OUT_INNER + Ipv4Header.HEADER_LENGTH;

    private final TranslationContext context;
    private final Ipv6Header ip6 = new Ipv6Header();
    private final Ipv6Header inner6 = new Ipv6Header();
    private final Ipv6ExtensionHeaders innerExtensions = new Ipv6ExtensionHeaders();
    private final MappedAddresses outer = new MappedAddresses();
    private final MappedAddresses inner = new MappedAddresses();
    private final Rfc4884Layout layout = new Rfc4884Layout();

    IcmpErrors64(final TranslationContext context)
    {
        this.context = context;
    }

    Verdict translate(
        final MutableDirectBuffer buffer, final int offset, final int icmp, final int end, final PacketSink sink)
    {
        final Ipv6Header ip6 = this.ip6.wrap(buffer, offset);
        final int icmpLength = end - icmp;
        final MappedAddresses a = outer;
        a.reset();
        a.icmpError = true;
        a.source6High = ip6.sourceHigh();
        a.source6Low = ip6.sourceLow();
        a.destination6High = ip6.destinationHigh();
        a.destination6Low = ip6.destinationLow();
        final int pseudo = InternetChecksum.ipv6PseudoHeaderSum(
            a.source6High, a.source6Low, a.destination6High, a.destination6Low, IpProtocol.ICMPV6, icmpLength);
        if (InternetChecksum.add(pseudo, InternetChecksum.sum(buffer, icmp, icmpLength)) != 0xFFFF)
        {
            return context.drop(DropReason.ICMP_CHECKSUM_INVALID);
        }
        final int type = buffer.getByte(icmp) & 0xFF;
        final int code = buffer.getByte(icmp + 1) & 0xFF;
        final int mapped = IcmpMapping.icmpv6ToIcmpv4(type, code);
        if (mapped == IcmpMapping.DROP)
        {
            return context.drop(DropReason.ICMPV6_TYPE_UNTRANSLATABLE);
        }
        final DropReason unmapped = context.mapper.map6to4(a);
        if (unmapped != null)
        {
            return context.drop(unmapped);
        }
        final int hopLimit = ip6.hopLimit();
        if (hopLimit <= 1)
        {
            return context.drop(DropReason.HOP_LIMIT_EXCEEDED); // never an error about an error
        }

        // The packet in error, and an RFC 4884 extension after it (length attribute: byte 4, 8-byte units).
        final int innerStart = icmp + 8;
        int innerEnd = end;
        int extensionBytes = 0;
        final int lengthWords = buffer.getByte(icmp + 4) & 0xFF;
        if ((type == Icmpv6Header.TYPE_DESTINATION_UNREACHABLE || type == Icmpv6Header.TYPE_TIME_EXCEEDED) &&
            lengthWords != 0 && innerStart + lengthWords * 8 < end)
        {
            innerEnd = innerStart + lengthWords * 8;
            extensionBytes = end - innerEnd;
        }
        final int innerAvailable = innerEnd - innerStart;
        if (innerAvailable < Ipv6Header.HEADER_LENGTH ||
            (buffer.getByte(innerStart) & 0xF0) != 0x60 ||
            innerExtensions.walk(buffer, innerStart, innerAvailable) != HeaderFault.NONE)
        {
            return context.drop(DropReason.ICMP_INNER_PACKET_MALFORMED);
        }
        final Ipv6Header inner6 = this.inner6.wrap(buffer, innerStart);
        final int innerL4 = innerExtensions.upperLayerOffset();
        final int innerProtocol = innerExtensions.upperLayerProtocol();
        final int innerFragment = innerExtensions.fragmentHeaderOffset();
        final int fragmentField = innerFragment < 0 ? 0 :
            buffer.getShort(innerFragment + FragmentHeader.FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN) & 0xFFFF;
        final boolean innerHasTransport = (fragmentField & FragmentHeader.OFFSET_MASK) == 0;
        final int innerDeclaredL4 = Ipv6Header.HEADER_LENGTH + inner6Payload(buffer, innerStart) - (innerL4 - innerStart);
        // What is at hand of the packet in error, without RFC 4884 padding past its declared length.
        final int innerDataAvailable = Math.max(0, Math.min(innerEnd - innerL4, innerDeclaredL4));
        if (innerProtocol == IpProtocol.ICMPV6 && innerHasTransport && innerDataAvailable > 0 &&
            IcmpMapping.isIcmpv6Error(buffer.getByte(innerL4) & 0xFF))
        {
            return context.drop(DropReason.ICMP_ERROR_INSIDE_ERROR);
        }
        final MappedAddresses b = inner;
        b.reset();
        b.source6High = inner6.sourceHigh();
        b.source6Low = inner6.sourceLow();
        b.destination6High = inner6.destinationHigh();
        b.destination6Low = inner6.destinationLow();
        if (innerHasTransport)
        {
            Xlat64.readPorts(buffer, innerProtocol, innerL4, innerDataAvailable, b);
        }
        b.captureIpv6();
        if (context.mapper.mapInner6to4(b) != null)
        {
            return context.drop(DropReason.ICMP_INNER_UNTRANSLATABLE);
        }

        // Build: outer IPv4 | ICMPv4 | inner IPv4 | inner transport and data | padding | extension.
        final UnsafeBuffer out = context.scratch;
        final int copied = Math.min(innerDataAvailable, IcmpErrorGenerator.ICMPV4_ERROR_MAX_BYTES);
        out.putBytes(OUT_INNER_DATA, buffer, innerL4, copied);
        if (innerHasTransport)
        {
            innerTransport(out, innerProtocol, copied, innerDeclaredL4, b);
        }
        final int innerTotalLength = Ipv4Header.HEADER_LENGTH + innerDeclaredL4;
        final int innerFlags;
        final int innerId;
        if (innerFragment >= 0)
        {
            innerId = buffer.getInt(innerFragment + FragmentHeader.IDENTIFICATION_OFFSET, BIG_ENDIAN) & 0xFFFF;
            innerFlags = Xlat64.ipv4FlagsAndOffset(fragmentField);
        }
        else
        {
            // The IPv4 Identification of the original packet is not in the IPv6 header: 0.
            innerId = 0;
            innerFlags = innerTotalLength > Xlat64.DF_THRESHOLD ? Ipv4Header.FLAG_DF : 0;
        }
        HeaderWriter.ipv4(out, OUT_INNER, context.tosFor(inner6.trafficClass()), innerTotalLength, innerId, innerFlags,
            inner6.hopLimit(), innerProtocol == IpProtocol.ICMPV6 ? IpProtocol.ICMP : innerProtocol,
            b.source4, b.destination4);

        final int mappedType = mapped >>> 8;
        final Rfc4884Layout layout = this.layout;
        layout.fit(OUT_INNER, Ipv4Header.HEADER_LENGTH + copied,
            mappedType == IcmpHeader.TYPE_PARAMETER_PROBLEM ? 0 : extensionBytes,
            Math.min(IcmpErrorGenerator.ICMPV4_ERROR_MAX_BYTES, context.config.ipv4MtuBytes()), 4);
        final int icmpBody = layout.place(out, OUT_INNER, buffer, innerEnd, extensionBytes);

        // ICMPv4 header (RFC 7915 §5.2).
        int rest = 0;
        if (type == Icmpv6Header.TYPE_PACKET_TOO_BIG)
        {
            final long mtu6 = buffer.getInt(icmp + 4, BIG_ENDIAN) & 0xFFFF_FFFFL;
            final long fragmentHeader = innerFragment >= 0 ? FragmentHeader.HEADER_LENGTH : 0;
            final long mtu = Math.min(mtu6 - 20 - fragmentHeader,
                Math.min(context.config.ipv4MtuBytes(), context.config.ipv6MtuBytes() - 20L));
            rest = (int)Math.max(68, Math.min(0xFFFF, mtu));
        }
        else if (mappedType == IcmpHeader.TYPE_PARAMETER_PROBLEM)
        {
            final int pointer = IcmpMapping.pointer6to4(buffer.getInt(icmp + 4, BIG_ENDIAN) & 0xFFFF_FFFFL);
            if (pointer == IcmpMapping.DROP)
            {
                return context.drop(DropReason.ICMP_POINTER_UNTRANSLATABLE);
            }
            rest = pointer << 24;
        }
        else if (layout.extensionKept)
        {
            rest = (layout.paddedBytes / 4) << 16; // RFC 4884 §4.1: byte 5, 32-bit words
        }
        out.putShort(OUT_ICMP, (short)mapped, BIG_ENDIAN);
        out.putShort(OUT_ICMP + 2, (short)0, BIG_ENDIAN);
        out.putInt(OUT_ICMP + 4, rest, BIG_ENDIAN);
        out.putShort(OUT_ICMP + 2,
            (short)InternetChecksum.finish(InternetChecksum.sum(out, OUT_ICMP, 8 + icmpBody)), BIG_ENDIAN);

        final int total = OUT_INNER + icmpBody;
        HeaderWriter.ipv4(out, 0, context.tosFor(ip6.trafficClass()), total, context.nextIdentification(), 0,
            hopLimit - 1, IpProtocol.ICMP, a.source4, a.destination4);

        context.counters.count(TranslatorOutcome.TRANSLATED_6TO4);
        context.counters.count(TranslatorOutcome.ICMP_ERRORS_TRANSLATED);
        if (a.rfc6791Source)
        {
            context.counters.count(TranslatorOutcome.RFC6791_SOURCES);
        }
        sink.emit(Side.IPV4, out, 0, total);
        return Verdict.TRANSLATED;
    }

    private static int inner6Payload(final MutableDirectBuffer buffer, final int innerStart)
    {
        return buffer.getShort(innerStart + Ipv6Header.PAYLOAD_LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    private void innerTransport(
        final UnsafeBuffer out, final int protocol, final int available, final int declaredLength,
        final MappedAddresses b)
    {
        final int l4 = OUT_INNER_DATA;
        if (protocol == IpProtocol.TCP && available >= 18)
        {
            Checksums.updateTransport(out, l4 + 16, b.originalAddressSum, b.ipv4AddressSum(), false);
        }
        else if (protocol == IpProtocol.UDP && available >= 8 && out.getShort(l4 + 6, BIG_ENDIAN) != 0)
        {
            Checksums.updateTransport(out, l4 + 6, b.originalAddressSum, b.ipv4AddressSum(), true);
        }
        else if (protocol == IpProtocol.ICMPV6 && available >= 4)
        {
            final int type = out.getByte(l4) & 0xFF;
            final int code = out.getByte(l4 + 1) & 0xFF;
            final int mapped = IcmpMapping.icmpv6ToIcmpv4(type, code);
            if (mapped != IcmpMapping.DROP)
            {
                Checksums.retypeIcmpv6ToIcmpv4(out, l4, (type << 8) | code, mapped, b, declaredLength & 0xFFFF);
            }
        }
    }
}
