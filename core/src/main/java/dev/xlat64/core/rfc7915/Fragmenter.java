package dev.xlat64.core.rfc7915;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.core.packet.FragmentHeader;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * Fragments a packet the translator has already translated, when it does not fit the next hop and the sender
 * allowed fragmentation: IPv4 without DF becoming IPv6 bigger than lowest-ipv6-mtu (RFC 7915 §4.1), and IPv6
 * becoming IPv4 with DF clear bigger than the IPv4 MTU (RFC 791 §2.3, as an IPv4 router would). Each fragment is
 * built in the scratch buffer and emitted before the next.
 */
final class Fragmenter
{
    private final TranslationContext context;

    Fragmenter(final TranslationContext context)
    {
        this.context = context;
    }

    /**
     * @param out where the translated IPv6 packet starts (its own Fragment header follows if {@code isFragment}).
     * @param fragmentOffset the original fragment offset in 8-byte units (0 for a whole packet).
     * @param identification the IPv4 Identification, zero-extended into the Fragment header (RFC 7915 §4.1).
     */
    Verdict fragmentIpv6(
        final MutableDirectBuffer buffer, final int out, final int packetLength, final boolean isFragment,
        final int nextHeader, final int fragmentOffset, final boolean moreFragments, final int identification,
        final int mtu, final PacketSink sink)
    {
        final UnsafeBuffer scratch = context.scratch;
        final int headersIn = Ipv6Header.HEADER_LENGTH + (isFragment ? FragmentHeader.HEADER_LENGTH : 0);
        final int dataStart = out + headersIn;
        final int dataLength = packetLength - headersIn;
        final int chunk = (mtu - Ipv6Header.HEADER_LENGTH - FragmentHeader.HEADER_LENGTH) & ~7;
        int emitted = 0;
        for (int at = 0; at < dataLength; at += chunk)
        {
            final int length = Math.min(chunk, dataLength - at);
            final boolean last = at + length == dataLength;
            scratch.putBytes(0, buffer, out, Ipv6Header.HEADER_LENGTH);
            scratch.putShort(Ipv6Header.PAYLOAD_LENGTH_OFFSET, (short)(FragmentHeader.HEADER_LENGTH + length), BIG_ENDIAN);
            scratch.putByte(Ipv6Header.NEXT_HEADER_OFFSET, (byte)IpProtocol.FRAGMENT);
            HeaderWriter.fragment(scratch, Ipv6Header.HEADER_LENGTH, nextHeader, fragmentOffset + (at >>> 3),
                !last || moreFragments, identification & 0xFFFF);
            scratch.putBytes(Ipv6Header.HEADER_LENGTH + FragmentHeader.HEADER_LENGTH, buffer, dataStart + at, length);
            sink.emit(Side.IPV6, scratch, 0, Ipv6Header.HEADER_LENGTH + FragmentHeader.HEADER_LENGTH + length);
            emitted++;
        }
        context.counters.count(TranslatorOutcome.FRAGMENTED);
        context.counters.count(TranslatorOutcome.FRAGMENTS_EMITTED, emitted);
        return Verdict.TRANSLATED;
    }

    /**
     * @param out where the translated IPv4 packet (20-byte header, DF clear, not a fragment) starts.
     */
    Verdict fragmentIpv4(
        final MutableDirectBuffer buffer, final int out, final int totalLength, final int mtu, final PacketSink sink)
    {
        final UnsafeBuffer scratch = context.scratch;
        final int dataStart = out + Ipv4Header.HEADER_LENGTH;
        final int dataLength = totalLength - Ipv4Header.HEADER_LENGTH;
        final int chunk = (mtu - Ipv4Header.HEADER_LENGTH) & ~7;
        int emitted = 0;
        for (int at = 0; at < dataLength; at += chunk)
        {
            final int length = Math.min(chunk, dataLength - at);
            final boolean last = at + length == dataLength;
            scratch.putBytes(0, buffer, out, Ipv4Header.HEADER_LENGTH);
            scratch.putShort(Ipv4Header.TOTAL_LENGTH_OFFSET, (short)(Ipv4Header.HEADER_LENGTH + length), BIG_ENDIAN);
            scratch.putShort(Ipv4Header.FLAGS_FRAGMENT_OFFSET_OFFSET, (short)((last ? 0 : Ipv4Header.FLAG_MF) | (at >>> 3)),
                BIG_ENDIAN);
            scratch.putShort(Ipv4Header.HEADER_CHECKSUM_OFFSET, (short)0, BIG_ENDIAN);
            scratch.putShort(Ipv4Header.HEADER_CHECKSUM_OFFSET,
                (short)InternetChecksum.ipv4HeaderChecksum(scratch, 0, Ipv4Header.HEADER_LENGTH), BIG_ENDIAN);
            scratch.putBytes(Ipv4Header.HEADER_LENGTH, buffer, dataStart + at, length);
            sink.emit(Side.IPV4, scratch, 0, Ipv4Header.HEADER_LENGTH + length);
            emitted++;
        }
        context.counters.count(TranslatorOutcome.FRAGMENTED);
        context.counters.count(TranslatorOutcome.FRAGMENTS_EMITTED, emitted);
        return Verdict.TRANSLATED;
    }
}
