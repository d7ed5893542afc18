package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the fixed 40-byte IPv6 header (RFC 8200 §3).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +                         Source Address                        +
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +                      Destination Address                      +
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Addresses are handled as two {@code long} halves in network order: {@code high} holds bytes 0-7 and {@code low}
 * bytes 8-15 (2001:db8::1 is high {@code 0x20010DB800000000L}, low {@code 1L}).
 */
public final class Ipv6Header
{
    public static final int HEADER_LENGTH = 40;
    /** Version, traffic class and flow label share this 32-bit word. */
    public static final int VERSION_CLASS_FLOW_OFFSET = 0;
    public static final int PAYLOAD_LENGTH_OFFSET = 4;
    public static final int NEXT_HEADER_OFFSET = 6;
    public static final int HOP_LIMIT_OFFSET = 7;
    public static final int SOURCE_OFFSET = 8;
    public static final int DESTINATION_OFFSET = 24;

    private static final int FLOW_LABEL_MASK = 0x000F_FFFF;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the first header byte.
     * @return this.
     */
    public Ipv6Header wrap(final MutableDirectBuffer buffer, final int offset)
    {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /**
     * @return the buffer this flyweight is wrapped over.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return the buffer index of the first header byte.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * Check the fixed header against the bytes actually available from {@link #offset()}. A payload shorter than the
     * available bytes is fine (link padding): the packet ends at {@code 40 + payloadLength()}. Jumbograms (payload
     * length 0 with a Jumbo Payload option, RFC 2675) are not supported: length 0 means an empty payload.
     *
     * @param availableBytes bytes from the header start to the end of the received data.
     * @return {@link HeaderFault#NONE} or the first fault found.
     */
    public HeaderFault validate(final int availableBytes)
    {
        if (availableBytes < HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        if (version() != 6)
        {
            return HeaderFault.BAD_VERSION;
        }
        if (HEADER_LENGTH + payloadLength() > availableBytes)
        {
            return HeaderFault.PAYLOAD_LENGTH_EXCEEDS_PACKET;
        }
        return HeaderFault.NONE;
    }

    private int firstWord()
    {
        return buffer.getInt(offset + VERSION_CLASS_FLOW_OFFSET, BIG_ENDIAN);
    }

    private void firstWord(final int word)
    {
        buffer.putInt(offset + VERSION_CLASS_FLOW_OFFSET, word, BIG_ENDIAN);
    }

    /**
     * @return the version field.
     */
    public int version()
    {
        return (buffer.getByte(offset + VERSION_CLASS_FLOW_OFFSET) & 0xF0) >>> 4;
    }

    /**
     * @param version the version field to write.
     * @return this.
     */
    public Ipv6Header version(final int version)
    {
        firstWord((firstWord() & 0x0FFF_FFFF) | ((version & 0x0F) << 28));
        return this;
    }

    /**
     * @return the 8-bit Traffic Class (DSCP and ECN), which straddles bytes 0 and 1.
     */
    public int trafficClass()
    {
        return (firstWord() >>> 20) & 0xFF;
    }

    /**
     * @param trafficClass the traffic class field to write.
     * @return this.
     */
    public Ipv6Header trafficClass(final int trafficClass)
    {
        firstWord((firstWord() & 0xF00F_FFFF) | ((trafficClass & 0xFF) << 20));
        return this;
    }

    /**
     * @return the 20-bit Flow Label.
     */
    public int flowLabel()
    {
        return firstWord() & FLOW_LABEL_MASK;
    }

    /**
     * @param flowLabel the flow label field to write.
     * @return this.
     */
    public Ipv6Header flowLabel(final int flowLabel)
    {
        firstWord((firstWord() & ~FLOW_LABEL_MASK) | (flowLabel & FLOW_LABEL_MASK));
        return this;
    }

    /**
     * @return bytes after the fixed 40-byte header, extension headers included.
     */
    public int payloadLength()
    {
        return buffer.getShort(offset + PAYLOAD_LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param payloadLength the payload length field to write.
     * @return this.
     */
    public Ipv6Header payloadLength(final int payloadLength)
    {
        buffer.putShort(offset + PAYLOAD_LENGTH_OFFSET, (short)payloadLength, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the next header field.
     */
    public int nextHeader()
    {
        return buffer.getByte(offset + NEXT_HEADER_OFFSET) & 0xFF;
    }

    /**
     * @param nextHeader the next header field to write.
     * @return this.
     */
    public Ipv6Header nextHeader(final int nextHeader)
    {
        buffer.putByte(offset + NEXT_HEADER_OFFSET, (byte)nextHeader);
        return this;
    }

    /**
     * @return the hop limit field.
     */
    public int hopLimit()
    {
        return buffer.getByte(offset + HOP_LIMIT_OFFSET) & 0xFF;
    }

    /**
     * @param hopLimit the hop limit field to write.
     * @return this.
     */
    public Ipv6Header hopLimit(final int hopLimit)
    {
        buffer.putByte(offset + HOP_LIMIT_OFFSET, (byte)hopLimit);
        return this;
    }

    /**
     * @return bytes 0-7 of the source address.
     */
    public long sourceHigh()
    {
        return buffer.getLong(offset + SOURCE_OFFSET, BIG_ENDIAN);
    }

    /**
     * @return bytes 8-15 of the source address.
     */
    public long sourceLow()
    {
        return buffer.getLong(offset + SOURCE_OFFSET + 8, BIG_ENDIAN);
    }

    /**
     * @param high bytes 0-7 of the source address.
     * @param low  bytes 8-15 of the source address.
     * @return this.
     */
    public Ipv6Header source(final long high, final long low)
    {
        buffer.putLong(offset + SOURCE_OFFSET, high, BIG_ENDIAN);
        buffer.putLong(offset + SOURCE_OFFSET + 8, low, BIG_ENDIAN);
        return this;
    }

    /**
     * @return bytes 0-7 of the destination address.
     */
    public long destinationHigh()
    {
        return buffer.getLong(offset + DESTINATION_OFFSET, BIG_ENDIAN);
    }

    /**
     * @return bytes 8-15 of the destination address.
     */
    public long destinationLow()
    {
        return buffer.getLong(offset + DESTINATION_OFFSET + 8, BIG_ENDIAN);
    }

    /**
     * @param high bytes 0-7 of the destination address.
     * @param low  bytes 8-15 of the destination address.
     * @return this.
     */
    public Ipv6Header destination(final long high, final long low)
    {
        buffer.putLong(offset + DESTINATION_OFFSET, high, BIG_ENDIAN);
        buffer.putLong(offset + DESTINATION_OFFSET + 8, low, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the first byte after the fixed header.
     */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }
}
