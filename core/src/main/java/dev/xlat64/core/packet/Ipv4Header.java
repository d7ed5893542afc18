package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an IPv4 header, options included (RFC 791 §3.1).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |Type of Service|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Flags: bit 0 reserved (must be zero), bit 1 DF (Don't Fragment), bit 2 MF (More Fragments).
 * </pre>
 *
 * Addresses are {@code int}s holding the four octets in network order (198.51.100.1 is {@code 0xC6336401}).
 * Fragment offset is in 8-byte units, IHL in 32-bit words, as on the wire.
 */
public final class Ipv4Header
{
    /** Length of the header without options. */
    public static final int HEADER_LENGTH = 20;
    /** Largest header, IHL 15. */
    public static final int MAX_HEADER_LENGTH = 60;
    /** Version and IHL share this byte. */
    public static final int VERSION_IHL_OFFSET = 0;
    public static final int TOS_OFFSET = 1;
    public static final int TOTAL_LENGTH_OFFSET = 2;
    public static final int IDENTIFICATION_OFFSET = 4;
    /** Flags (3 bits) and fragment offset (13 bits) share this 16-bit word. */
    public static final int FLAGS_FRAGMENT_OFFSET_OFFSET = 6;
    public static final int TTL_OFFSET = 8;
    public static final int PROTOCOL_OFFSET = 9;
    public static final int HEADER_CHECKSUM_OFFSET = 10;
    public static final int SOURCE_OFFSET = 12;
    public static final int DESTINATION_OFFSET = 16;
    public static final int OPTIONS_OFFSET = 20;

    /** Reserved flag bit in the flags/fragment-offset word. */
    public static final int FLAG_RESERVED = 0x8000;
    /** Don't Fragment bit in the flags/fragment-offset word. */
    public static final int FLAG_DF = 0x4000;
    /** More Fragments bit in the flags/fragment-offset word. */
    public static final int FLAG_MF = 0x2000;
    /** Fragment offset bits in the flags/fragment-offset word. */
    public static final int FRAGMENT_OFFSET_MASK = 0x1FFF;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the first header byte.
     * @return this.
     */
    public Ipv4Header wrap(final MutableDirectBuffer buffer, final int offset)
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
     * Check the header against the bytes actually available from {@link #offset()} (RFC 791 §3.1, RFC 1812 §5.2.2).
     * Reads only within {@code availableBytes}. A Total Length shorter than the available bytes is fine (link padding):
     * use {@link #totalLength()} as the packet's end.
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
        if (version() != 4)
        {
            return HeaderFault.BAD_VERSION;
        }
        final int headerLength = headerLength();
        if (headerLength < HEADER_LENGTH)
        {
            return HeaderFault.BAD_IHL;
        }
        if (headerLength > availableBytes)
        {
            return HeaderFault.IHL_EXCEEDS_PACKET;
        }
        final int totalLength = totalLength();
        if (totalLength < headerLength)
        {
            return HeaderFault.TOTAL_LENGTH_TOO_SHORT;
        }
        if (totalLength > availableBytes)
        {
            return HeaderFault.TOTAL_LENGTH_EXCEEDS_PACKET;
        }
        return Ipv4Options.validate(buffer, offset + OPTIONS_OFFSET, headerLength - HEADER_LENGTH);
    }

    /**
     * @return the version field.
     */
    public int version()
    {
        return (buffer.getByte(offset + VERSION_IHL_OFFSET) & 0xF0) >>> 4;
    }

    /**
     * @param version the version field to write.
     * @return this.
     */
    public Ipv4Header version(final int version)
    {
        final int b = buffer.getByte(offset + VERSION_IHL_OFFSET) & 0x0F;
        buffer.putByte(offset + VERSION_IHL_OFFSET, (byte)(((version & 0x0F) << 4) | b));
        return this;
    }

    /**
     * @return Internet Header Length in 32-bit words.
     */
    public int ihl()
    {
        return buffer.getByte(offset + VERSION_IHL_OFFSET) & 0x0F;
    }

    /**
     * @param ihl Internet Header Length in 32-bit words.
     * @return this.
     */
    public Ipv4Header ihl(final int ihl)
    {
        final int b = buffer.getByte(offset + VERSION_IHL_OFFSET) & 0xF0;
        buffer.putByte(offset + VERSION_IHL_OFFSET, (byte)(b | (ihl & 0x0F)));
        return this;
    }

    /**
     * @return header length in bytes, options included ({@code ihl() * 4}).
     */
    public int headerLength()
    {
        return ihl() << 2;
    }

    /**
     * @return the Type of Service byte (DSCP and ECN, RFC 2474 / RFC 3168).
     */
    public int tos()
    {
        return buffer.getByte(offset + TOS_OFFSET) & 0xFF;
    }

    /**
     * @param tos the Type of Service field to write.
     * @return this.
     */
    public Ipv4Header tos(final int tos)
    {
        buffer.putByte(offset + TOS_OFFSET, (byte)tos);
        return this;
    }

    /**
     * @return the total length field.
     */
    public int totalLength()
    {
        return buffer.getShort(offset + TOTAL_LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param totalLength the total length field to write.
     * @return this.
     */
    public Ipv4Header totalLength(final int totalLength)
    {
        buffer.putShort(offset + TOTAL_LENGTH_OFFSET, (short)totalLength, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the identification field.
     */
    public int identification()
    {
        return buffer.getShort(offset + IDENTIFICATION_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param identification the identification field to write.
     * @return this.
     */
    public Ipv4Header identification(final int identification)
    {
        buffer.putShort(offset + IDENTIFICATION_OFFSET, (short)identification, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the raw 16-bit word holding the three flag bits and the 13-bit fragment offset.
     */
    public int flagsAndFragmentOffset()
    {
        return buffer.getShort(offset + FLAGS_FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param value the flags and fragment offset field to write.
     * @return this.
     */
    public Ipv4Header flagsAndFragmentOffset(final int value)
    {
        buffer.putShort(offset + FLAGS_FRAGMENT_OFFSET_OFFSET, (short)value, BIG_ENDIAN);
        return this;
    }

    /**
     * @return true if the Don't Fragment (DF) flag is set.
     */
    public boolean dontFragment()
    {
        return (flagsAndFragmentOffset() & FLAG_DF) != 0;
    }

    /**
     * @param dontFragment whether to set the Don't Fragment (DF) flag; the other bits are kept.
     * @return this.
     */
    public Ipv4Header dontFragment(final boolean dontFragment)
    {
        final int word = flagsAndFragmentOffset();
        return flagsAndFragmentOffset(dontFragment ? word | FLAG_DF : word & ~FLAG_DF);
    }

    /**
     * @return true if the More Fragments (MF) flag is set.
     */
    public boolean moreFragments()
    {
        return (flagsAndFragmentOffset() & FLAG_MF) != 0;
    }

    /**
     * @param moreFragments whether to set the More Fragments (MF) flag; the other bits are kept.
     * @return this.
     */
    public Ipv4Header moreFragments(final boolean moreFragments)
    {
        final int word = flagsAndFragmentOffset();
        return flagsAndFragmentOffset(moreFragments ? word | FLAG_MF : word & ~FLAG_MF);
    }

    /**
     * @return fragment offset in 8-byte units.
     */
    public int fragmentOffset()
    {
        return flagsAndFragmentOffset() & FRAGMENT_OFFSET_MASK;
    }

    /**
     * @param fragmentOffset in 8-byte units; the flag bits are kept.
     * @return this.
     */
    public Ipv4Header fragmentOffset(final int fragmentOffset)
    {
        final int word = flagsAndFragmentOffset();
        return flagsAndFragmentOffset((word & ~FRAGMENT_OFFSET_MASK) | (fragmentOffset & FRAGMENT_OFFSET_MASK));
    }

    /**
     * @return true if this packet is a fragment: MF set or a non-zero fragment offset.
     */
    public boolean isFragment()
    {
        return (flagsAndFragmentOffset() & (FLAG_MF | FRAGMENT_OFFSET_MASK)) != 0;
    }

    /**
     * @return the Time to Live field.
     */
    public int ttl()
    {
        return buffer.getByte(offset + TTL_OFFSET) & 0xFF;
    }

    /**
     * @param ttl the Time to Live field to write.
     * @return this.
     */
    public Ipv4Header ttl(final int ttl)
    {
        buffer.putByte(offset + TTL_OFFSET, (byte)ttl);
        return this;
    }

    /**
     * @return the protocol field.
     */
    public int protocol()
    {
        return buffer.getByte(offset + PROTOCOL_OFFSET) & 0xFF;
    }

    /**
     * @param protocol the protocol field to write.
     * @return this.
     */
    public Ipv4Header protocol(final int protocol)
    {
        buffer.putByte(offset + PROTOCOL_OFFSET, (byte)protocol);
        return this;
    }

    /**
     * @return the header checksum field.
     */
    public int headerChecksum()
    {
        return buffer.getShort(offset + HEADER_CHECKSUM_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param headerChecksum the header checksum field to write.
     * @return this.
     */
    public Ipv4Header headerChecksum(final int headerChecksum)
    {
        buffer.putShort(offset + HEADER_CHECKSUM_OFFSET, (short)headerChecksum, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the source address, first octet most significant.
     */
    public int source()
    {
        return buffer.getInt(offset + SOURCE_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param source the source address, first octet most significant.
     * @return this.
     */
    public Ipv4Header source(final int source)
    {
        buffer.putInt(offset + SOURCE_OFFSET, source, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the destination address, first octet most significant.
     */
    public int destination()
    {
        return buffer.getInt(offset + DESTINATION_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param destination the destination address, first octet most significant.
     * @return this.
     */
    public Ipv4Header destination(final int destination)
    {
        buffer.putInt(offset + DESTINATION_OFFSET, destination, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the first option byte (valid when {@link #optionsLength()} is non-zero).
     */
    public int optionsOffset()
    {
        return offset + OPTIONS_OFFSET;
    }

    /**
     * @return bytes of options and padding, {@code headerLength() - 20}; meaningful only once {@code validate} passed.
     */
    public int optionsLength()
    {
        return headerLength() - HEADER_LENGTH;
    }

    /**
     * @return buffer index of the first payload byte, {@code offset() + headerLength()}.
     */
    public int payloadOffset()
    {
        return offset + headerLength();
    }

    /**
     * RFC 7915 §4.1: a packet with an unexpired source route option must not be translated. Call after
     * {@link #validate(int)} returned {@link HeaderFault#NONE}.
     *
     * @return true if the options hold a Loose or Strict Source Route whose pointer has not run past its length.
     */
    public boolean hasUnexpiredSourceRoute()
    {
        return Ipv4Options.hasUnexpiredSourceRoute(buffer, optionsOffset(), optionsLength());
    }
}
