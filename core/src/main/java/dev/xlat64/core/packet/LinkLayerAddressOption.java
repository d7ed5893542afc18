package dev.xlat64.core.packet;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over a Source or Target Link-Layer Address option for Ethernet (RFC 4861 §4.6.1, RFC 2464 §6).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |    Link-Layer Address ...
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Type 1 = Source, 2 = Target; Length 1 (8 octets) for a 6-octet Ethernet address.
 * </pre>
 */
public final class LinkLayerAddressOption
{
    /** An Ethernet link-layer address option is one 8-octet unit. */
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE_OFFSET = 0;
    public static final int LENGTH_OFFSET = 1;
    public static final int ADDRESS_OFFSET = 2;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the option starting at {@code offset}.
     *
     * @param buffer holding the message.
     * @param offset of the Type byte.
     * @return this.
     */
    public LinkLayerAddressOption wrap(final MutableDirectBuffer buffer, final int offset)
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
    public LinkLayerAddressOption type(final int type)
    {
        buffer.putByte(offset + TYPE_OFFSET, (byte)type);
        return this;
    }

    /**
     * @return option length in 8-octet units.
     */
    public int length()
    {
        return buffer.getByte(offset + LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param length the length field to write.
     * @return this.
     */
    public LinkLayerAddressOption length(final int length)
    {
        buffer.putByte(offset + LENGTH_OFFSET, (byte)length);
        return this;
    }

    /**
     * @return the 48-bit Ethernet address.
     */
    public long address()
    {
        return MacAddress.get(buffer, offset + ADDRESS_OFFSET);
    }

    /**
     * @param address the address field to write.
     * @return this.
     */
    public LinkLayerAddressOption address(final long address)
    {
        MacAddress.put(buffer, offset + ADDRESS_OFFSET, address);
        return this;
    }

    /**
     * Write a whole Ethernet option: type, length 1 and the address.
     *
     * @param type    {@link NdpOptions#SOURCE_LINK_LAYER_ADDRESS} or {@link NdpOptions#TARGET_LINK_LAYER_ADDRESS}.
     * @param address the 48-bit Ethernet address.
     * @return this.
     */
    public LinkLayerAddressOption ethernet(final int type, final long address)
    {
        return type(type).length(1).address(address);
    }
}
