package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * ICMP errors the translator itself sends back to the sender of a packet it drops (RFC 7915 §4.4, §5.4): from the
 * translator's own address for that side, with the configured hop limit/TTL, holding as much of the offending
 * packet as fits in 576 bytes (ICMPv4, RFC 1812 §4.3.2.3) or 1280 bytes (ICMPv6, RFC 4443 §2.4 (c)).
 * <p>
 * No error is sent about an ICMP error, or to an unspecified, multicast or broadcast source (RFC 4443 §2.4 (e),
 * RFC 1812 §4.3.2.7); the packet is then only dropped and counted.
 */
final class IcmpErrorGenerator
{
    static final int ICMPV4_ERROR_MAX_BYTES = 576;
    static final int ICMPV6_ERROR_MAX_BYTES = 1280;

    private final TranslationContext context;

    IcmpErrorGenerator(final TranslationContext context)
    {
        this.context = context;
    }

    /**
     * Drops an IPv6 packet, counted as {@code reason}, and sends an ICMPv6 error about it back to the IPv6 side.
     *
     * @param rest bytes 4-7 of the ICMPv6 header (MTU, pointer, or zero).
     * @param offenderIsIcmpError true if the dropped packet is itself an ICMPv6 error.
     */
    Verdict icmpv6Error(
        final MutableDirectBuffer buffer, final int offset, final int packetLength, final int type, final int code,
        final int rest, final boolean offenderIsIcmpError, final DropReason reason, final PacketSink sink)
    {
        context.drop(reason);
        final TranslatorConfig config = context.config;
        final long destinationHigh = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET, BIG_ENDIAN);
        final long destinationLow = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET + 8, BIG_ENDIAN);
        if (offenderIsIcmpError || !config.hasTranslatorIpv6Address() ||
            (destinationHigh >>> 56) == 0xFF || (destinationHigh == 0 && destinationLow == 0))
        {
            return Verdict.DROPPED;
        }

        final UnsafeBuffer out = context.scratch;
        final int quoted = Math.min(packetLength, ICMPV6_ERROR_MAX_BYTES - Ipv6Header.HEADER_LENGTH - 8);
        final int icmpLength = 8 + quoted;
        HeaderWriter.ipv6(out, 0, 0, icmpLength, IpProtocol.ICMPV6, config.icmpErrorHopLimit(),
            config.translatorIpv6High(), config.translatorIpv6Low(), destinationHigh, destinationLow);
        final int icmp = Ipv6Header.HEADER_LENGTH;
        out.putByte(icmp, (byte)type);
        out.putByte(icmp + 1, (byte)code);
        out.putShort(icmp + 2, (short)0, BIG_ENDIAN);
        out.putInt(icmp + 4, rest, BIG_ENDIAN);
        out.putBytes(icmp + 8, buffer, offset, quoted);
        final int sum = InternetChecksum.add(
            InternetChecksum.ipv6PseudoHeaderSum(config.translatorIpv6High(), config.translatorIpv6Low(),
                destinationHigh, destinationLow, IpProtocol.ICMPV6, icmpLength),
            InternetChecksum.sum(out, icmp, icmpLength));
        out.putShort(icmp + 2, (short)InternetChecksum.finish(sum), BIG_ENDIAN);

        context.counters.count(TranslatorOutcome.ICMP_ERRORS_GENERATED);
        sink.emit(Side.IPV6, out, 0, Ipv6Header.HEADER_LENGTH + icmpLength);
        return Verdict.ICMP_ERROR_SENT;
    }

    /**
     * Drops an IPv4 packet, counted as {@code reason}, and sends an ICMPv4 error about it back to the IPv4 side.
     *
     * @param rest bytes 4-7 of the ICMPv4 header (next-hop MTU, pointer, or zero).
     * @param offenderIsIcmpError true if the dropped packet is itself an ICMPv4 error.
     */
    Verdict icmpv4Error(
        final MutableDirectBuffer buffer, final int offset, final int packetLength, final int type, final int code,
        final int rest, final boolean offenderIsIcmpError, final DropReason reason, final PacketSink sink)
    {
        context.drop(reason);
        final TranslatorConfig config = context.config;
        final int destination = buffer.getInt(offset + Ipv4Header.SOURCE_OFFSET, BIG_ENDIAN);
        if (offenderIsIcmpError || !config.hasTranslatorIpv4Address() || destination == 0 || destination == -1 ||
            (destination >>> 28) == 0xE)
        {
            return Verdict.DROPPED;
        }

        final UnsafeBuffer out = context.scratch;
        // RFC 1812 §4.3.2.3: at most 576 bytes, and never more than the IPv4 link carries.
        final int maxBytes = Math.min(ICMPV4_ERROR_MAX_BYTES, config.ipv4MtuBytes());
        final int quoted = Math.max(0, Math.min(packetLength, maxBytes - Ipv4Header.HEADER_LENGTH - 8));
        final int total = Ipv4Header.HEADER_LENGTH + 8 + quoted;
        HeaderWriter.ipv4(out, 0, 0, total, context.nextIdentification(), 0, config.icmpErrorHopLimit(),
            IpProtocol.ICMP, config.translatorIpv4Address(), destination);
        final int icmp = Ipv4Header.HEADER_LENGTH;
        out.putByte(icmp, (byte)type);
        out.putByte(icmp + 1, (byte)code);
        out.putShort(icmp + 2, (short)0, BIG_ENDIAN);
        out.putInt(icmp + 4, rest, BIG_ENDIAN);
        out.putBytes(icmp + 8, buffer, offset, quoted);
        out.putShort(icmp + 2, (short)InternetChecksum.finish(InternetChecksum.sum(out, icmp, 8 + quoted)), BIG_ENDIAN);

        context.counters.count(TranslatorOutcome.ICMP_ERRORS_GENERATED);
        sink.emit(Side.IPV4, out, 0, total);
        return Verdict.ICMP_ERROR_SENT;
    }
}
