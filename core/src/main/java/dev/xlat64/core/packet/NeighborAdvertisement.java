package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an ICMPv6 Neighbor Advertisement (RFC 4861 §4.4), wrapped at the ICMPv6 Type byte.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |R|S|O|                     Reserved                            |
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
 * Type 136, code 0. R = sender is a router, S = sent in response to a solicitation, O = override an existing cache
 * entry. A solicited answer carries a Target Link-Layer Address option.
 */
public final class NeighborAdvertisement
{
    /** Fixed part before the options. */
    public static final int HEADER_LENGTH = 24;
    public static final int TYPE_OFFSET = 0;
    public static final int CODE_OFFSET = 1;
    public static final int CHECKSUM_OFFSET = 2;
    /** R, S, O and 29 reserved bits share this 32-bit word. */
    public static final int FLAGS_OFFSET = 4;
    public static final int TARGET_OFFSET = 8;
    public static final int OPTIONS_OFFSET = 24;

    public static final int FLAG_ROUTER = 0x8000_0000;
    public static final int FLAG_SOLICITED = 0x4000_0000;
    public static final int FLAG_OVERRIDE = 0x2000_0000;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the message starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the ICMPv6 Type byte.
     * @return this.
     */
    public NeighborAdvertisement wrap(final MutableDirectBuffer buffer, final int offset)
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
     * The message checks of RFC 4861 §7.1.2 that need only the ICMPv6 message: length at least 24, code 0, a unicast
     * target, and no option of length zero. The IP-level checks (hop limit 255, checksum, S clear when sent to a
     * multicast destination) are the caller's.
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
    public NeighborAdvertisement type(final int type)
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
    public NeighborAdvertisement code(final int code)
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
    public NeighborAdvertisement checksum(final int checksum)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the whole 32-bit word holding R, S, O and the reserved bits.
     */
    public int flags()
    {
        return buffer.getInt(offset + FLAGS_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param flags the flags field to write.
     * @return this.
     */
    public NeighborAdvertisement flags(final int flags)
    {
        buffer.putInt(offset + FLAGS_OFFSET, flags, BIG_ENDIAN);
        return this;
    }

    private NeighborAdvertisement flag(final int flag, final boolean set)
    {
        final int word = flags();
        return flags(set ? word | flag : word & ~flag);
    }

    /**
     * @return true if the router flag is set.
     */
    public boolean router()
    {
        return (flags() & FLAG_ROUTER) != 0;
    }

    /**
     * @param router whether to set the router flag; the other bits are kept.
     * @return this.
     */
    public NeighborAdvertisement router(final boolean router)
    {
        return flag(FLAG_ROUTER, router);
    }

    /**
     * @return true if the solicited flag is set.
     */
    public boolean solicited()
    {
        return (flags() & FLAG_SOLICITED) != 0;
    }

    /**
     * @param solicited whether to set the solicited flag; the other bits are kept.
     * @return this.
     */
    public NeighborAdvertisement solicited(final boolean solicited)
    {
        return flag(FLAG_SOLICITED, solicited);
    }

    /**
     * @return true if the override flag is set.
     */
    public boolean override()
    {
        return (flags() & FLAG_OVERRIDE) != 0;
    }

    /**
     * @param override whether to set the override flag; the other bits are kept.
     * @return this.
     */
    public NeighborAdvertisement override(final boolean override)
    {
        return flag(FLAG_OVERRIDE, override);
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
    public NeighborAdvertisement target(final long high, final long low)
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
