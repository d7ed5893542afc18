package dev.xlat64.core.testing;

import static java.nio.ByteOrder.BIG_ENDIAN;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.packet.IcmpHeader;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.TcpHeader;
import dev.xlat64.core.packet.UdpHeader;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Readable builders for test packets: an IP header, optional IPv6 extension headers, and one upper layer (UDP, TCP,
 * ICMP/ICMPv6 or raw bytes), with every length and checksum right unless a test overrides it on purpose.
 *
 * <pre>{@code
 * byte[] query = PacketBuilder.ipv6("2001:db8:1::2", "2001:db8:64::c633:640a").udp(40000, 53).payload(dns).build();
 * byte[] syn = PacketBuilder.ipv4("198.51.100.10", "203.0.113.5").ttl(63).tcp(80, 1234).tcpFlags(TcpHeader.SYN).build();
 * byte[] ptb = PacketBuilder.ipv6(gw, client).icmp(Icmpv6Header.TYPE_PACKET_TOO_BIG, 0, 1280).payload(original).build();
 * List<byte[]> parts = PacketBuilder.ipv4(a, b).identification(7).udp(1, 2).payload(3000).fragments(1480);
 * }</pre>
 *
 * The upper-layer part is the same for both IP versions and lives here; {@link Ipv4PacketBuilder} and
 * {@link Ipv6PacketBuilder} add the IP headers. Echo and error helpers pick ICMPv4 or ICMPv6 types by IP version.
 *
 * @param <T> the concrete builder, returned by every fluent setter.
 */
public abstract class PacketBuilder<T extends PacketBuilder<T>>
{
    enum Kind
    {
        NONE, RAW, UDP, TCP, ICMP
    }

    private Kind kind = Kind.NONE;
    private int rawProtocol;
    private int sourcePort;
    private int destinationPort;
    private long sequenceNumber;
    private long acknowledgmentNumber;
    private int tcpFlags;
    private int window = 65535;
    private int urgentPointer;
    private byte[] tcpOptions = new byte[0];
    private int icmpType;
    private int icmpCode;
    private int icmpRestOfHeader;
    private byte[] payload = new byte[0];
    private Integer checksumOverride;
    private Integer udpLengthOverride;

    /**
     * @param source      IPv4 source in dotted form.
     * @param destination IPv4 destination in dotted form.
     * @return a builder for an IPv4 packet (TTL 64, identification 0, no flags).
     */
    public static Ipv4PacketBuilder ipv4(final String source, final String destination)
    {
        return new Ipv4PacketBuilder(source, destination);
    }

    /**
     * @param source      IPv6 source in RFC 4291 text form.
     * @param destination IPv6 destination in RFC 4291 text form.
     * @return a builder for an IPv6 packet (hop limit 64, traffic class and flow label 0).
     */
    public static Ipv6PacketBuilder ipv6(final String source, final String destination)
    {
        return new Ipv6PacketBuilder(source, destination);
    }

    @SuppressWarnings("unchecked")
    protected final T self()
    {
        return (T)this;
    }

    /**
     * UDP with the given ports; length and checksum computed (a computed 0 is sent as 0xFFFF, RFC 768).
     */
    public T udp(final int sourcePort, final int destinationPort)
    {
        this.kind = Kind.UDP;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        return self();
    }

    /**
     * TCP with the given ports, window 65535, no flags (set them with {@link #tcpFlags(int)}), checksum computed.
     */
    public T tcp(final int sourcePort, final int destinationPort)
    {
        this.kind = Kind.TCP;
        this.sourcePort = sourcePort;
        this.destinationPort = destinationPort;
        return self();
    }

    public T sequenceNumber(final long sequenceNumber)
    {
        this.sequenceNumber = sequenceNumber;
        return self();
    }

    public T acknowledgmentNumber(final long acknowledgmentNumber)
    {
        this.acknowledgmentNumber = acknowledgmentNumber;
        return self();
    }

    /**
     * @param flags {@link TcpHeader#SYN} | {@link TcpHeader#ACK} ...
     * @return this builder.
     */
    public T tcpFlags(final int flags)
    {
        this.tcpFlags = flags;
        return self();
    }

    public T window(final int window)
    {
        this.window = window;
        return self();
    }

    public T urgentPointer(final int urgentPointer)
    {
        this.urgentPointer = urgentPointer;
        return self();
    }

    /**
     * @param options TCP option bytes; padded with End of Option List to a multiple of 4 (data offset follows).
     * @return this builder.
     */
    public T tcpOptions(final byte[] options)
    {
        this.tcpOptions = options.clone();
        return self();
    }

    /**
     * An ICMP message of this IP version (ICMPv4 in IPv4, ICMPv6 in IPv6), checksum computed.
     *
     * @param type         the type.
     * @param code         the code.
     * @param restOfHeader bytes 4-7 (identifier and sequence, MTU, pointer, RFC 4884 length...).
     * @return this builder.
     */
    public T icmp(final int type, final int code, final int restOfHeader)
    {
        this.kind = Kind.ICMP;
        this.icmpType = type;
        this.icmpCode = code;
        this.icmpRestOfHeader = restOfHeader;
        return self();
    }

    /**
     * Echo Request (type 8 in IPv4, 128 in IPv6).
     */
    public T icmpEchoRequest(final int identifier, final int sequenceNumber)
    {
        return icmp(echoRequestType(), 0, (identifier << 16) | (sequenceNumber & 0xFFFF));
    }

    /**
     * Echo Reply (type 0 in IPv4, 129 in IPv6).
     */
    public T icmpEchoReply(final int identifier, final int sequenceNumber)
    {
        return icmp(echoReplyType(), 0, (identifier << 16) | (sequenceNumber & 0xFFFF));
    }

    /**
     * An ICMP error quoting an invoking packet (typically another builder's {@code build()}).
     *
     * @param type           error type of this IP version.
     * @param code           the code.
     * @param restOfHeader   bytes 4-7 (unused, MTU, pointer, RFC 4884 length).
     * @param invokingPacket the quoted packet, becomes the payload.
     * @return this builder.
     */
    public T icmpError(final int type, final int code, final int restOfHeader, final byte[] invokingPacket)
    {
        return icmp(type, code, restOfHeader).payload(invokingPacket);
    }

    /**
     * Raw upper-layer bytes under the given protocol number, written as they are (no checksum): for fragments that are
     * not the first, unknown protocols and malformed headers.
     *
     * @param protocol the IPv4 protocol / IPv6 next header value.
     * @param bytes    everything after the IP headers.
     * @return this builder.
     */
    public T upperLayer(final int protocol, final byte[] bytes)
    {
        this.kind = Kind.RAW;
        this.rawProtocol = protocol;
        this.payload = bytes.clone();
        return self();
    }

    /**
     * @param payload the application data after the UDP/TCP/ICMP header.
     * @return this builder.
     */
    public T payload(final byte[] payload)
    {
        this.payload = payload.clone();
        return self();
    }

    /**
     * @param length bytes of payload, filled with 0x00, 0x01, ... 0xFF, 0x00, ... so that misplaced bytes show.
     * @return this builder.
     */
    public T payload(final int length)
    {
        final byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)i;
        }
        this.payload = data;
        return self();
    }

    /**
     * Write this exact value into the upper-layer checksum field instead of computing it (e.g. 0 for an IPv4 UDP
     * datagram without checksum, or a wrong value).
     */
    public T checksum(final int checksum)
    {
        this.checksumOverride = checksum;
        return self();
    }

    /**
     * Write this value into the UDP Length field instead of the real length (the checksum uses it too, as a sender
     * that lies would).
     */
    public T udpLength(final int length)
    {
        this.udpLengthOverride = length;
        return self();
    }

    /**
     * @return the whole packet, IP header first.
     */
    public abstract byte[] build();

    /**
     * Build the packet and split it into fragments whose fragmentable part holds at most {@code maxFragmentPayload}
     * bytes (rounded down to a multiple of 8), as a sender would (RFC 791 §3.2, RFC 8200 §4.5). Checksums cover the
     * whole datagram.
     *
     * @param maxFragmentPayload most data bytes per fragment, at least 8.
     * @return the fragments in order.
     */
    public abstract List<byte[]> fragments(int maxFragmentPayload);

    /**
     * Build the packet into a buffer, e.g. one with headroom for a translator.
     *
     * @param buffer to write into.
     * @param offset where the IP header goes.
     * @return the packet length.
     */
    public int writeTo(final MutableDirectBuffer buffer, final int offset)
    {
        final byte[] packet = build();
        buffer.putBytes(offset, packet);
        return packet.length;
    }

    /**
     * One fragment from a piece of the upper layer.
     */
    @FunctionalInterface
    protected interface FragmentAssembler
    {
        /**
         * @param piece       the fragment's share of the upper-layer bytes.
         * @param offsetUnits where the piece starts, in 8-byte units.
         * @param more        whether more fragments follow.
         * @return the whole fragment, IP header first.
         */
        byte[] assemble(byte[] piece, int offsetUnits, boolean more);
    }

    /**
     * The split both IP versions share (RFC 791 §3.2, RFC 8200 §4.5): pieces of {@code maxFragmentPayload} rounded
     * down to a multiple of 8, the last one shorter, at least one fragment even for an empty upper layer.
     *
     * @param maxFragmentPayload most data bytes per fragment, at least 8.
     * @param assembler          makes each fragment around its piece.
     * @return the fragments in order.
     */
    protected final List<byte[]> split(final int maxFragmentPayload, final FragmentAssembler assembler)
    {
        if (maxFragmentPayload < 8)
        {
            throw new IllegalArgumentException("fragments need at least 8 data bytes each, got " + maxFragmentPayload);
        }
        final byte[] data = upperLayerBytes();
        final int step = maxFragmentPayload & ~7;
        final List<byte[]> fragments = new ArrayList<>();
        for (int start = 0; ; start += step)
        {
            final int end = Math.min(data.length, start + step);
            final boolean last = end == data.length;
            fragments.add(assembler.assemble(Arrays.copyOfRange(data, start, end), start / 8, !last));
            if (last)
            {
                return fragments;
            }
        }
    }

    protected abstract int echoRequestType();

    protected abstract int echoReplyType();

    protected abstract int icmpProtocol();

    /**
     * @param protocol         upper-layer protocol.
     * @param upperLayerLength bytes of the upper layer.
     * @return the folded sum the upper-layer checksum starts from (pseudo-header, or 0 for ICMPv4).
     */
    protected abstract int checksumSeed(int protocol, int upperLayerLength);

    /**
     * @return the protocol number of the chosen upper layer, or No Next Header (59) if none was chosen.
     */
    protected final int upperLayerProtocol()
    {
        return switch (kind)
        {
            case NONE -> IpProtocol.NO_NEXT_HEADER;
            case RAW -> rawProtocol;
            case UDP -> IpProtocol.UDP;
            case TCP -> IpProtocol.TCP;
            case ICMP -> icmpProtocol();
        };
    }

    /**
     * @return the upper-layer bytes with lengths and checksum filled in.
     */
    protected final byte[] upperLayerBytes()
    {
        return switch (kind)
        {
            case NONE -> payload.clone();
            case RAW -> payload.clone();
            case UDP -> udpBytes();
            case TCP -> tcpBytes();
            case ICMP -> icmpBytes();
        };
    }

    private byte[] udpBytes()
    {
        final byte[] bytes = new byte[UdpHeader.HEADER_LENGTH + payload.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final int length = udpLengthOverride != null ? udpLengthOverride : bytes.length;
        new UdpHeader().wrap(buffer, 0).sourcePort(sourcePort).destinationPort(destinationPort).length(length).checksum(0);
        buffer.putBytes(UdpHeader.HEADER_LENGTH, payload);
        int checksum = computedChecksum(buffer, IpProtocol.UDP, length);
        checksum = checksum == 0 ? 0xFFFF : checksum; // RFC 768: a computed zero is sent as all ones
        buffer.putShort(UdpHeader.CHECKSUM_OFFSET, (short)(checksumOverride != null ? checksumOverride : checksum),
            BIG_ENDIAN);
        return bytes;
    }

    private byte[] tcpBytes()
    {
        final int optionsLength = (tcpOptions.length + 3) & ~3;
        final int headerLength = TcpHeader.HEADER_LENGTH + optionsLength;
        final byte[] bytes = new byte[headerLength + payload.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final TcpHeader tcp = new TcpHeader().wrap(buffer, 0)
            .sourcePort(sourcePort).destinationPort(destinationPort)
            .sequenceNumber(sequenceNumber).acknowledgmentNumber(acknowledgmentNumber)
            .dataOffset(headerLength / 4).flags(tcpFlags).window(window).checksum(0).urgentPointer(urgentPointer);
        buffer.putBytes(TcpHeader.OPTIONS_OFFSET, tcpOptions);
        buffer.putBytes(headerLength, payload);
        tcp.checksum(
            checksumOverride != null ? checksumOverride : computedChecksum(buffer, IpProtocol.TCP, bytes.length));
        return bytes;
    }

    private byte[] icmpBytes()
    {
        final byte[] bytes = new byte[IcmpHeader.HEADER_LENGTH + payload.length];
        final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        final IcmpHeader icmp = new IcmpHeader().wrap(buffer, 0) // same first 8 bytes as ICMPv6
            .type(icmpType).code(icmpCode).checksum(0).restOfHeader(icmpRestOfHeader);
        buffer.putBytes(IcmpHeader.HEADER_LENGTH, payload);
        icmp.checksum(
            checksumOverride != null ? checksumOverride : computedChecksum(buffer, icmpProtocol(), bytes.length));
        return bytes;
    }

    /**
     * The upper-layer checksum over the whole buffer (checksum field zero), seeded with this IP version's
     * pseudo-header for {@code protocol} and {@code pseudoHeaderLength}.
     */
    private int computedChecksum(final UnsafeBuffer buffer, final int protocol, final int pseudoHeaderLength)
    {
        return InternetChecksum.finish(InternetChecksum.add(
            checksumSeed(protocol, pseudoHeaderLength), InternetChecksum.sum(buffer, 0, buffer.capacity())));
    }
}
