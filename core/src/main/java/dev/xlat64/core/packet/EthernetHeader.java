package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an Ethernet II header (IEEE 802.3 / RFC 894). VLAN tags are not parsed: a tagged frame shows
 * EtherType 0x8100 and the caller drops it.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Destination Address                      |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                        Source Address                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           EtherType           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * MAC addresses are {@code long}s holding 48 bits, first octet most significant (see {@link MacAddress}).
 */
public final class EthernetHeader
{
    public static final int HEADER_LENGTH = 14;
    public static final int DESTINATION_OFFSET = 0;
    public static final int SOURCE_OFFSET = 6;
    public static final int ETHER_TYPE_OFFSET = 12;

    public static final int ETHERTYPE_IPV4 = 0x0800;
    public static final int ETHERTYPE_ARP = 0x0806;
    public static final int ETHERTYPE_VLAN = 0x8100;
    public static final int ETHERTYPE_IPV6 = 0x86DD;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the frame starting at {@code offset}.
     *
     * @param buffer holding the frame.
     * @param offset of the first destination address byte.
     * @return this.
     */
    public EthernetHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @param availableBytes bytes of the frame.
     * @return {@link HeaderFault#TRUNCATED} if fewer than 14 bytes, else {@link HeaderFault#NONE}.
     */
    public HeaderFault validate(final int availableBytes)
    {
        return availableBytes < HEADER_LENGTH ? HeaderFault.TRUNCATED : HeaderFault.NONE;
    }

    /**
     * @return the destination MAC address (48 bits).
     */
    public long destination()
    {
        return MacAddress.get(buffer, offset + DESTINATION_OFFSET);
    }

    /**
     * @param destination the destination MAC address (48 bits).
     * @return this.
     */
    public EthernetHeader destination(final long destination)
    {
        MacAddress.put(buffer, offset + DESTINATION_OFFSET, destination);
        return this;
    }

    /**
     * @return the source MAC address (48 bits).
     */
    public long source()
    {
        return MacAddress.get(buffer, offset + SOURCE_OFFSET);
    }

    /**
     * @param source the source MAC address (48 bits).
     * @return this.
     */
    public EthernetHeader source(final long source)
    {
        MacAddress.put(buffer, offset + SOURCE_OFFSET, source);
        return this;
    }

    /**
     * @return the ether type field.
     */
    public int etherType()
    {
        return buffer.getShort(offset + ETHER_TYPE_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param etherType the ether type field to write.
     * @return this.
     */
    public EthernetHeader etherType(final int etherType)
    {
        buffer.putShort(offset + ETHER_TYPE_OFFSET, (short)etherType, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the first payload byte.
     */
    public int payloadOffset()
    {
        return offset + HEADER_LENGTH;
    }
}
