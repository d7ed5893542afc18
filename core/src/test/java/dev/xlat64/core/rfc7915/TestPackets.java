package dev.xlat64.core.rfc7915;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * Builds test packets byte by byte with every length and checksum computed here, by a plain RFC 1071 loop that
 * shares no code with the translator, so the expected packets of the golden tests are an independent oracle.
 */
public final class TestPackets
{
    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int ICMPV6 = 58;

    private TestPackets()
    {
    }

    public static byte[] address(final String text)
    {
        try
        {
            return InetAddress.getByName(text).getAddress();
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(text, ex);
        }
    }

    /** RFC 1071 sum of big-endian words, folded, not complemented. */
    public static int sum(final byte[] data, final int offset, final int length)
    {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2)
        {
            sum += ((data[offset + i] & 0xFF) << 8) | (data[offset + i + 1] & 0xFF);
        }
        if ((length & 1) != 0)
        {
            sum += (data[offset + length - 1] & 0xFF) << 8;
        }
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)sum;
    }

    public static int fold(final long value)
    {
        long sum = value;
        while ((sum >>> 16) != 0)
        {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (int)sum;
    }

    public static byte[] bytes(final int length, final int seed)
    {
        final byte[] data = new byte[length];
        for (int i = 0; i < length; i++)
        {
            data[i] = (byte)(i * 7 + seed);
        }
        return data;
    }

    public static byte[] concat(final byte[]... parts)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (final byte[] part : parts)
        {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A transport segment (header and data) with its checksum field at {@code checksumAt} (-1: none). */
    public record Segment(int protocol, byte[] bytes, int checksumAt)
    {
    }

    public static Segment udp(final int sourcePort, final int destinationPort, final byte[] data)
    {
        final ByteBuffer b = ByteBuffer.allocate(8 + data.length);
        b.putShort((short)sourcePort).putShort((short)destinationPort).putShort((short)(8 + data.length))
            .putShort((short)0).put(data);
        return new Segment(UDP, b.array(), 6);
    }

    public static Segment udpWithoutChecksum(final int sourcePort, final int destinationPort, final byte[] data)
    {
        return new Segment(UDP, udp(sourcePort, destinationPort, data).bytes(), -1);
    }

    public static Segment tcp(final int sourcePort, final int destinationPort, final int flags, final byte[] data)
    {
        final ByteBuffer b = ByteBuffer.allocate(20 + data.length);
        b.putShort((short)sourcePort).putShort((short)destinationPort).putInt(0x01020304).putInt(0x0A0B0C0D)
            .putShort((short)((5 << 12) | flags)).putShort((short)64240).putShort((short)0).putShort((short)0).put(data);
        return new Segment(TCP, b.array(), 16);
    }

    public static Segment icmp(final int protocol, final int type, final int code, final int rest, final byte[] body)
    {
        final ByteBuffer b = ByteBuffer.allocate(8 + body.length);
        b.put((byte)type).put((byte)code).putShort((short)0).putInt(rest).put(body);
        return new Segment(protocol, b.array(), 2);
    }

    public static Segment raw(final int protocol, final byte[] bytes)
    {
        return new Segment(protocol, bytes, -1);
    }

    /** Fills in the transport checksum for the given pseudo-header sum (null: none, as for ICMPv4). */
    static byte[] withChecksum(final Segment segment, final Integer pseudoSum)
    {
        final byte[] bytes = segment.bytes().clone();
        if (segment.checksumAt() >= 0)
        {
            final int sum = fold((long)sum(bytes, 0, bytes.length) + (pseudoSum == null ? 0 : pseudoSum));
            int checksum = ~sum & 0xFFFF;
            if (segment.protocol() == UDP && checksum == 0)
            {
                checksum = 0xFFFF;
            }
            bytes[segment.checksumAt()] = (byte)(checksum >>> 8);
            bytes[segment.checksumAt() + 1] = (byte)checksum;
        }
        return bytes;
    }

    public static int pseudo6(final byte[] source, final byte[] destination, final int protocol, final int length)
    {
        return fold((long)sum(source, 0, 16) + sum(destination, 0, 16) + protocol + length);
    }

    public static int pseudo4(final byte[] source, final byte[] destination, final int protocol, final int length)
    {
        return fold((long)sum(source, 0, 4) + sum(destination, 0, 4) + protocol + length);
    }

    public static Ipv6 ipv6(final String source, final String destination)
    {
        return new Ipv6(address(source), address(destination));
    }

    public static Ipv4 ipv4(final String source, final String destination)
    {
        return new Ipv4(address(source), address(destination));
    }

    /** An IPv6 packet under construction. */
    public static final class Ipv6
    {
        private final byte[] source;
        private final byte[] destination;
        private int trafficClass;
        private int flowLabel;
        private int hopLimit = 64;
        private final ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        private int firstHeader = -1;
        private int lastExtensionNextHeaderAt = -1;
        private Integer payloadLengthOverride;

        Ipv6(final byte[] source, final byte[] destination)
        {
            this.source = source;
            this.destination = destination;
        }

        public Ipv6 trafficClass(final int value)
        {
            trafficClass = value;
            return this;
        }

        public Ipv6 flowLabel(final int value)
        {
            flowLabel = value;
            return this;
        }

        public Ipv6 hopLimit(final int value)
        {
            hopLimit = value;
            return this;
        }

        public Ipv6 payloadLength(final int value)
        {
            payloadLengthOverride = value;
            return this;
        }

        /** An extension header of type {@code type} (0, 43, 60) of {@code length} bytes (multiple of 8). */
        public Ipv6 extension(final int type, final int length, final int byte2, final int byte3)
        {
            final byte[] header = new byte[length];
            header[1] = (byte)(length / 8 - 1);
            header[2] = (byte)byte2;
            header[3] = (byte)byte3;
            if (type == 60 || type == 0)
            {
                // PadN option filling the rest (RFC 8200 §4.2).
                header[2] = 1;
                header[3] = (byte)(length - 4);
            }
            chain(type, header);
            return this;
        }

        /** A Fragment header (offset in 8-byte units). */
        public Ipv6 fragment(final int offset, final boolean more, final int identification)
        {
            final ByteBuffer b = ByteBuffer.allocate(8);
            b.put((byte)0).put((byte)0).putShort((short)((offset << 3) | (more ? 1 : 0))).putInt(identification);
            chain(44, b.array());
            return this;
        }

        private void chain(final int type, final byte[] header)
        {
            final byte[] existing = extensions.toByteArray();
            if (firstHeader < 0)
            {
                firstHeader = type;
            }
            else
            {
                existing[lastExtensionNextHeaderAt] = (byte)type;
                extensions.reset();
                extensions.writeBytes(existing);
            }
            lastExtensionNextHeaderAt = existing.length;
            extensions.writeBytes(header);
        }

        /** The whole packet carrying {@code segment}, its checksum computed. */
        public byte[] carrying(final Segment segment)
        {
            final Integer pseudo = pseudo6(source, destination, segment.protocol(), segment.bytes().length);
            return carryingBytes(segment.protocol(), withChecksum(segment, pseudo));
        }

        /** The whole packet carrying {@code bytes} as they are. */
        public byte[] carryingBytes(final int protocol, final byte[] bytes)
        {
            final byte[] chain = extensions.toByteArray();
            final int nextHeader;
            if (firstHeader < 0)
            {
                nextHeader = protocol;
            }
            else
            {
                chain[lastExtensionNextHeaderAt] = (byte)protocol;
                nextHeader = firstHeader;
            }
            final int payloadLength = chain.length + bytes.length;
            final ByteBuffer b = ByteBuffer.allocate(40 + payloadLength);
            b.putInt((6 << 28) | (trafficClass << 20) | flowLabel)
                .putShort((short)(payloadLengthOverride != null ? payloadLengthOverride : payloadLength))
                .put((byte)nextHeader).put((byte)hopLimit).put(source).put(destination).put(chain).put(bytes);
            return b.array();
        }
    }

    /** An IPv4 packet under construction. */
    public static final class Ipv4
    {
        private final byte[] source;
        private final byte[] destination;
        private int tos;
        private int identification = 0x1234;
        private boolean dontFragment;
        private boolean moreFragments;
        private int fragmentOffset;
        private int ttl = 64;
        private byte[] options = new byte[0];
        private Integer totalLengthOverride;

        Ipv4(final byte[] source, final byte[] destination)
        {
            this.source = source;
            this.destination = destination;
        }

        public Ipv4 tos(final int value)
        {
            tos = value;
            return this;
        }

        public Ipv4 identification(final int value)
        {
            identification = value;
            return this;
        }

        public Ipv4 dontFragment(final boolean value)
        {
            dontFragment = value;
            return this;
        }

        public Ipv4 moreFragments(final boolean value)
        {
            moreFragments = value;
            return this;
        }

        public Ipv4 fragmentOffset(final int value)
        {
            fragmentOffset = value;
            return this;
        }

        public Ipv4 ttl(final int value)
        {
            ttl = value;
            return this;
        }

        public Ipv4 options(final byte[] value)
        {
            options = value;
            return this;
        }

        public Ipv4 totalLength(final int value)
        {
            totalLengthOverride = value;
            return this;
        }

        /** The whole packet carrying {@code segment}, with the transport checksum (ICMPv4: no pseudo-header). */
        public byte[] carrying(final Segment segment)
        {
            final Integer pseudo = segment.protocol() == ICMP ? null :
                pseudo4(source, destination, segment.protocol(), segment.bytes().length);
            return carryingBytes(segment.protocol(), withChecksum(segment, pseudo));
        }

        public byte[] carryingBytes(final int protocol, final byte[] bytes)
        {
            final int headerLength = 20 + options.length;
            final int totalLength = headerLength + bytes.length;
            final ByteBuffer b = ByteBuffer.allocate(totalLength);
            b.put((byte)(0x40 | headerLength / 4)).put((byte)tos)
                .putShort((short)(totalLengthOverride != null ? totalLengthOverride : totalLength))
                .putShort((short)identification)
                .putShort((short)((dontFragment ? 0x4000 : 0) | (moreFragments ? 0x2000 : 0) | fragmentOffset))
                .put((byte)ttl).put((byte)protocol).putShort((short)0).put(source).put(destination).put(options)
                .put(bytes);
            final byte[] packet = b.array();
            final int checksum = ~sum(packet, 0, headerLength) & 0xFFFF;
            packet[10] = (byte)(checksum >>> 8);
            packet[11] = (byte)checksum;
            return packet;
        }
    }
}
