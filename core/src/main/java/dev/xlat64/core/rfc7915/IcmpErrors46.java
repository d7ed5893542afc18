package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * ICMPv4 error messages to ICMPv6 (RFC 7915 §4.2, §4.3): type and code by the §4.2 table, MTU (with the RFC 1191
 * plateaus for MTU 0) and pointer adjusted, the packet in error translated like any IPv4 packet except for its TTL,
 * RFC 4884 extension kept whole with the length attribute recomputed, the result cut to 1280 bytes. Built in the
 * scratch buffer; the ICMPv4 checksum is verified first, and an error inside an error is dropped.
 */
final class IcmpErrors46
{
    private static final int OUT_ICMP = Ipv6Header.HEADER_LENGTH;
    private static final int OUT_INNER = OUT_ICMP + 8;

    private final TranslationContext context;
    private final Ipv4Header ip4 = new Ipv4Header();
    private final MappedAddresses outer = new MappedAddresses();
    private final MappedAddresses inner = new MappedAddresses();
    private final Rfc4884Layout layout = new Rfc4884Layout();

    IcmpErrors46(final TranslationContext context)
    {
        this.context = context;
    }

    Verdict translate(
        final MutableDirectBuffer buffer, final int offset, final int headerLength, final int totalLength,
        final PacketSink sink)
    {
        final int icmp = offset + headerLength;
        final int end = offset + totalLength;
        final int icmpLength = totalLength - headerLength;
        if (InternetChecksum.sum(buffer, icmp, icmpLength) != 0xFFFF)
        {
            return context.drop(DropReason.ICMP_CHECKSUM_INVALID);
        }
        final int type = buffer.getByte(icmp) & 0xFF;
        final int code = buffer.getByte(icmp + 1) & 0xFF;
        final int mapped = IcmpMapping.icmpv4ToIcmpv6(type, code);
        if (mapped == IcmpMapping.DROP)
        {
            return context.drop(DropReason.ICMPV4_TYPE_UNTRANSLATABLE);
        }
        final Ipv4Header ip4 = this.ip4.wrap(buffer, offset);
        final int outerTos = ip4.tos();
        final int ttl = ip4.ttl();
        final MappedAddresses a = outer;
        a.reset();
        a.icmpError = true;
        a.source4 = ip4.source();
        a.destination4 = ip4.destination();
        final DropReason unmapped = context.mapper.map4to6(a);
        if (unmapped != null)
        {
            return context.drop(unmapped);
        }
        if (ttl <= 1)
        {
            return context.drop(DropReason.TTL_EXCEEDED); // never an error about an error
        }

        // The packet in error, and an RFC 4884 extension after it (length attribute: byte 5, 4-byte units).
        final int innerStart = icmp + 8;
        int innerEnd = end;
        int extensionBytes = 0;
        final int lengthWords = buffer.getByte(icmp + 5) & 0xFF;
        if ((type == IcmpHeader.TYPE_DESTINATION_UNREACHABLE || type == IcmpHeader.TYPE_TIME_EXCEEDED ||
            type == IcmpHeader.TYPE_PARAMETER_PROBLEM) && lengthWords != 0 && innerStart + lengthWords * 4 < end)
        {
            innerEnd = innerStart + lengthWords * 4;
            extensionBytes = end - innerEnd;
        }
        final int innerAvailable = innerEnd - innerStart;
        if (innerAvailable < Ipv4Header.HEADER_LENGTH || (buffer.getByte(innerStart) & 0xF0) != 0x40)
        {
            return context.drop(DropReason.ICMP_INNER_PACKET_MALFORMED);
        }
        final int innerHeaderLength = (buffer.getByte(innerStart) & 0x0F) * 4;
        final int innerTotalLength = buffer.getShort(innerStart + Ipv4Header.TOTAL_LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
        if (innerHeaderLength < Ipv4Header.HEADER_LENGTH || innerHeaderLength > innerAvailable ||
            innerTotalLength < innerHeaderLength)
        {
            return context.drop(DropReason.ICMP_INNER_PACKET_MALFORMED);
        }
        final int innerFlags = buffer.getShort(innerStart + Ipv4Header.FLAGS_FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN) & 0xFFFF;
        final int innerFragmentOffset = innerFlags & Ipv4Header.FRAGMENT_OFFSET_MASK;
        final boolean innerMoreFragments = (innerFlags & Ipv4Header.FLAG_MF) != 0;
        final boolean innerIsFragment = innerMoreFragments || innerFragmentOffset != 0;
        final boolean innerHasTransport = innerFragmentOffset == 0;
        final int innerProtocol = buffer.getByte(innerStart + Ipv4Header.PROTOCOL_OFFSET) & 0xFF;
        final int innerL4 = innerStart + innerHeaderLength;
        final int innerDeclaredL4 = innerTotalLength - innerHeaderLength;
        final int innerDataAvailable = Math.min(innerEnd - innerL4, innerDeclaredL4);
        if (innerProtocol == IpProtocol.ICMP && innerHasTransport && innerDataAvailable > 0 &&
            IcmpMapping.isIcmpv4Error(buffer.getByte(innerL4) & 0xFF))
        {
            return context.drop(DropReason.ICMP_ERROR_INSIDE_ERROR);
        }
        final MappedAddresses b = inner;
        b.reset();
        b.source4 = buffer.getInt(innerStart + Ipv4Header.SOURCE_OFFSET, BIG_ENDIAN);
        b.destination4 = buffer.getInt(innerStart + Ipv4Header.DESTINATION_OFFSET, BIG_ENDIAN);
        if (innerHasTransport)
        {
            Xlat64.readPorts(buffer, innerProtocol, innerL4, innerDataAvailable, b);
        }
        b.captureIpv4();
        if (context.mapper.mapInner4to6(b) != null)
        {
            return context.drop(DropReason.ICMP_INNER_UNTRANSLATABLE);
        }

        // Build: outer IPv6 | ICMPv6 | inner IPv6 [| Fragment] | inner transport and data | padding | extension.
        final UnsafeBuffer out = context.scratch;
        final int innerHeaders = Ipv6Header.HEADER_LENGTH + (innerIsFragment ? FragmentHeader.HEADER_LENGTH : 0);
        final int innerData = OUT_INNER + innerHeaders;
        final int copied = Math.min(innerDataAvailable, IcmpErrorGenerator.ICMPV6_ERROR_MAX_BYTES);
        out.putBytes(innerData, buffer, innerL4, copied);
        if (innerHasTransport)
        {
            innerTransport(out, innerData, innerProtocol, copied, innerDeclaredL4, b);
        }
        final int innerNextHeader = innerProtocol == IpProtocol.ICMP ? IpProtocol.ICMPV6 : innerProtocol;
        final int innerTrafficClass =
            context.trafficClassFor(buffer.getByte(innerStart + Ipv4Header.TOS_OFFSET) & 0xFF);
        final int innerTtl = buffer.getByte(innerStart + Ipv4Header.TTL_OFFSET) & 0xFF;
        if (innerIsFragment)
        {
            HeaderWriter.ipv6(out, OUT_INNER, innerTrafficClass, FragmentHeader.HEADER_LENGTH + innerDeclaredL4,
                IpProtocol.FRAGMENT, innerTtl, b.source6High, b.source6Low, b.destination6High, b.destination6Low);
            HeaderWriter.fragment(out, OUT_INNER + Ipv6Header.HEADER_LENGTH, innerNextHeader, innerFragmentOffset,
                innerMoreFragments,
                buffer.getShort(innerStart + Ipv4Header.IDENTIFICATION_OFFSET, BIG_ENDIAN) & 0xFFFF);
        }
        else
        {
            HeaderWriter.ipv6(out, OUT_INNER, innerTrafficClass, innerDeclaredL4, innerNextHeader, innerTtl,
                b.source6High, b.source6Low, b.destination6High, b.destination6Low);
        }

        final int mappedType = mapped >>> 8;
        final boolean lengthAttribute =
            mappedType == Icmpv6Header.TYPE_DESTINATION_UNREACHABLE || mappedType == Icmpv6Header.TYPE_TIME_EXCEEDED;
        final Rfc4884Layout layout = this.layout;
        layout.fit(OUT_INNER, innerHeaders + copied, lengthAttribute ? extensionBytes : 0,
            IcmpErrorGenerator.ICMPV6_ERROR_MAX_BYTES, 8);
        final int icmpBody = layout.place(out, OUT_INNER, buffer, innerEnd, extensionBytes);

        // ICMPv6 header (RFC 7915 §4.2).
        int rest = 0;
        if (mappedType == Icmpv6Header.TYPE_PACKET_TOO_BIG)
        {
            int mtu4 = buffer.getShort(icmp + 6, BIG_ENDIAN) & 0xFFFF;
            if (mtu4 == 0)
            {
                mtu4 = context.config.mtuPlateaus().plateauBelow(innerTotalLength); // RFC 1191 §5
            }
            rest = Math.max(1280, Math.min(mtu4 + 20,
                Math.min(context.config.ipv6MtuBytes(), context.config.ipv4MtuBytes() + 20)));
        }
        else if (mappedType == Icmpv6Header.TYPE_PARAMETER_PROBLEM)
        {
            if (type == IcmpHeader.TYPE_DESTINATION_UNREACHABLE)
            {
                rest = 6; // protocol unreachable: the Next Header field
            }
            else
            {
                final int pointer = IcmpMapping.pointer4to6(buffer.getByte(icmp + 4) & 0xFF);
                if (pointer == IcmpMapping.DROP)
                {
                    return context.drop(DropReason.ICMP_POINTER_UNTRANSLATABLE);
                }
                rest = pointer;
            }
        }
        else if (layout.extensionKept)
        {
            rest = (layout.paddedBytes / 8) << 24; // RFC 4884 §4.1: byte 4, 64-bit words
        }
        out.putShort(OUT_ICMP, (short)mapped, BIG_ENDIAN);
        out.putShort(OUT_ICMP + 2, (short)0, BIG_ENDIAN);
        out.putInt(OUT_ICMP + 4, rest, BIG_ENDIAN);
        final int icmpOutLength = 8 + icmpBody;
        final int sum = InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(a.source6High, a.source6Low, a.destination6High, a.destination6Low,
                IpProtocol.ICMPV6, icmpOutLength),
            InternetChecksum.sum(out, OUT_ICMP, icmpOutLength));
        out.putShort(OUT_ICMP + 2, (short)InternetChecksum.finish(sum), BIG_ENDIAN);

        HeaderWriter.ipv6(out, 0, context.trafficClassFor(outerTos), icmpOutLength, IpProtocol.ICMPV6, ttl - 1,
            a.source6High, a.source6Low, a.destination6High, a.destination6Low);

        context.counters.count(TranslatorOutcome.TRANSLATED_4TO6);
        context.counters.count(TranslatorOutcome.ICMP_ERRORS_TRANSLATED);
        if (a.rfc6791Source)
        {
            context.counters.count(TranslatorOutcome.RFC6791_SOURCES);
        }
        sink.emit(Side.IPV6, out, 0, Ipv6Header.HEADER_LENGTH + icmpOutLength);
        return Verdict.TRANSLATED;
    }

    private void innerTransport(
        final UnsafeBuffer out, final int l4, final int protocol, final int available, final int declaredLength,
        final MappedAddresses b)
    {
        if (protocol == IpProtocol.TCP && available >= 18)
        {
            Checksums.updateTransport(out, l4 + 16, b.originalAddressSum, b.ipv6AddressSum(), false);
        }
        else if (protocol == IpProtocol.UDP && available >= 8 && out.getShort(l4 + 6, BIG_ENDIAN) != 0)
        {
            Checksums.updateTransport(out, l4 + 6, b.originalAddressSum, b.ipv6AddressSum(), true);
        }
        else if (protocol == IpProtocol.ICMP && available >= 4)
        {
            final int type = out.getByte(l4) & 0xFF;
            final int code = out.getByte(l4 + 1) & 0xFF;
            final int mapped = IcmpMapping.icmpv4ToIcmpv6(type, code);
            if (mapped != IcmpMapping.DROP)
            {
                Checksums.retypeIcmpv4ToIcmpv6(out, l4, (type << 8) | code, mapped, b, declaredLength);
            }
        }
    }
}
