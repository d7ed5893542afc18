package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an ICMPv6 Neighbor Solicitation (RFC 4861 §4.3), wrapped at the ICMPv6 Type byte.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Reserved                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +                       Target Address                          +
 * |                                                               |
 * +                                                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Options ...
 * +-+-+-+-+-+-+-+-+-+-+-+-
 * </pre>
 *
 * Type 135, code 0. Sent with hop limit 255 to the target's solicited-node multicast address
 * ({@link #solicitedNodeHigh()}, {@link #solicitedNodeLow(long)}), with a Source Link-Layer Address option unless the
 * source is unspecified.
 */
public final class NeighborSolicitation
{
    /** Fixed part before the options. */
    public static final int HEADER_LENGTH = 24;
    public static final int TYPE_OFFSET = 0;
    public static final int CODE_OFFSET = 1;
    public static final int CHECKSUM_OFFSET = 2;
    public static final int RESERVED_OFFSET = 4;
    public static final int TARGET_OFFSET = 8;
    public static final int OPTIONS_OFFSET = 24;

    /** ff02::/16 link-scope multicast with the solicited-node prefix ff02::1:ff00:0/104 (RFC 4291 §2.7.1). */
    private static final long SOLICITED_NODE_HIGH = 0xFF02_0000_0000_0000L;
    private static final long SOLICITED_NODE_LOW_PREFIX = 0x0000_0001_FF00_0000L;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the message starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the ICMPv6 Type byte.
     * @return this.
     */
    public NeighborSolicitation wrap(final MutableDirectBuffer buffer, final int offset)
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
     * The message checks of RFC 4861 §7.1.1 that need only the ICMPv6 message: length at least 24, code 0, a unicast
     * target, and no option of length zero. The IP-level checks (hop limit 255, checksum, no Source Link-Layer Address
     * option when the source is unspecified) are the caller's.
     *
     * @param icmpLength bytes of the ICMPv6 message (from the Type byte to the end of the IPv6 payload).
     * @return {@link HeaderFault#NONE} or the first fault found.
     */
    public HeaderFault validate(final int icmpLength)
    {
        if (icmpLength < HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        if (code() != 0)
        {
            return HeaderFault.NDP_BAD_CODE;
        }
        if ((buffer.getByte(offset + TARGET_OFFSET) & 0xFF) == 0xFF)
        {
            return HeaderFault.NDP_MULTICAST_TARGET;
        }
        return NdpOptions.validate(buffer, offset + OPTIONS_OFFSET, icmpLength - HEADER_LENGTH);
    }

    /**
     * @return bytes 0-7 of the solicited-node multicast address ff02::1:ffXX:XXXX.
     */
    public static long solicitedNodeHigh()
    {
        return SOLICITED_NODE_HIGH;
    }

    /**
     * RFC 4291 §2.7.1: the solicited-node address is ff02::1:ff00:0/104 with the target's low 24 bits.
     *
     * @param targetLow bytes 8-15 of the target address.
     * @return bytes 8-15 of the target's solicited-node multicast address.
     */
    public static long solicitedNodeLow(final long targetLow)
    {
        return SOLICITED_NODE_LOW_PREFIX | (targetLow & 0xFF_FFFFL);
    }

    /**
     * @return the type field.
     */
    public int type()
    {
        return buffer.getByte(offset + TYPE_OFFSET) & 0xFF;
    }

    /**
     * @param type the type field to write.
     * @return this.
     */
    public NeighborSolicitation type(final int type)
    {
        buffer.putByte(offset + TYPE_OFFSET, (byte)type);
        return this;
    }

    /**
     * @return the code field.
     */
    public int code()
    {
        return buffer.getByte(offset + CODE_OFFSET) & 0xFF;
    }

    /**
     * @param code the code field to write.
     * @return this.
     */
    public NeighborSolicitation code(final int code)
    {
        buffer.putByte(offset + CODE_OFFSET, (byte)code);
        return this;
    }

    /**
     * @return the checksum field.
     */
    public int checksum()
    {
        return buffer.getShort(offset + CHECKSUM_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param checksum the checksum field to write.
     * @return this.
     */
    public NeighborSolicitation checksum(final int checksum)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the reserved field.
     */
    public int reserved()
    {
        return buffer.getInt(offset + RESERVED_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param reserved the reserved field to write.
     * @return this.
     */
    public NeighborSolicitation reserved(final int reserved)
    {
        buffer.putInt(offset + RESERVED_OFFSET, reserved, BIG_ENDIAN);
        return this;
    }

    /**
     * @return bytes 0-7 of the target address.
     */
    public long targetHigh()
    {
        return buffer.getLong(offset + TARGET_OFFSET, BIG_ENDIAN);
    }

    /**
     * @return bytes 8-15 of the target address.
     */
    public long targetLow()
    {
        return buffer.getLong(offset + TARGET_OFFSET + 8, BIG_ENDIAN);
    }

    /**
     * @param high bytes 0-7 of the target address.
     * @param low  bytes 8-15 of the target address.
     * @return this.
     */
    public NeighborSolicitation target(final long high, final long low)
    {
        buffer.putLong(offset + TARGET_OFFSET, high, BIG_ENDIAN);
        buffer.putLong(offset + TARGET_OFFSET + 8, low, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the first option.
     */
    public int optionsOffset()
    {
        return offset + OPTIONS_OFFSET;
    }
}
