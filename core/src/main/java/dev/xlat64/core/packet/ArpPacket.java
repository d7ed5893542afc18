package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over an ARP packet for Ethernet and IPv4 (RFC 826), the only form the gateway speaks.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Hardware Type (1)         |     Protocol Type (0x0800)    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | HW Len (6)    | Proto Len (4) |           Operation           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Sender Hardware Address                      |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |   Sender Protocol Address     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   (Sender Protocol Address)   |  Target Hardware Address      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Target Protocol Address                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Hardware addresses are 48-bit {@code long}s ({@link MacAddress}), protocol addresses IPv4 {@code int}s.
 */
public final class ArpPacket
{
    public static final int HEADER_LENGTH = 28;
    public static final int HARDWARE_TYPE_OFFSET = 0;
    public static final int PROTOCOL_TYPE_OFFSET = 2;
    public static final int HARDWARE_LENGTH_OFFSET = 4;
    public static final int PROTOCOL_LENGTH_OFFSET = 5;
    public static final int OPERATION_OFFSET = 6;
    public static final int SENDER_HARDWARE_ADDRESS_OFFSET = 8;
    public static final int SENDER_PROTOCOL_ADDRESS_OFFSET = 14;
    public static final int TARGET_HARDWARE_ADDRESS_OFFSET = 18;
    public static final int TARGET_PROTOCOL_ADDRESS_OFFSET = 24;

    /** Hardware type for Ethernet (10Mb), as used by every Ethernet link. */
    public static final int HARDWARE_TYPE_ETHERNET = 1;
    public static final int OPERATION_REQUEST = 1;
    public static final int OPERATION_REPLY = 2;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the ARP packet starting at {@code offset} (right after the Ethernet header).
     *
     * @param buffer holding the frame.
     * @param offset of the Hardware Type field.
     * @return this.
     */
    public ArpPacket wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @param availableBytes bytes from the ARP packet start to the end of the frame.
     * @return {@link HeaderFault#TRUNCATED}, {@link HeaderFault#ARP_UNSUPPORTED_FORMAT} (not Ethernet/IPv4), or
     * {@link HeaderFault#NONE}.
     */
    public HeaderFault validate(final int availableBytes)
    {
        if (availableBytes < HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        if (hardwareType() != HARDWARE_TYPE_ETHERNET || protocolType() != EthernetHeader.ETHERTYPE_IPV4 ||
            hardwareLength() != MacAddress.LENGTH || protocolLength() != 4)
        {
            return HeaderFault.ARP_UNSUPPORTED_FORMAT;
        }
        return HeaderFault.NONE;
    }

    /**
     * Write the fixed fields of an Ethernet/IPv4 ARP packet: hardware type 1, protocol type 0x0800, lengths 6 and 4.
     *
     * @return this.
     */
    public ArpPacket ethernetIpv4()
    {
        return hardwareType(HARDWARE_TYPE_ETHERNET).protocolType(EthernetHeader.ETHERTYPE_IPV4)
            .hardwareLength(MacAddress.LENGTH).protocolLength(4);
    }

    /**
     * @return the hardware type field.
     */
    public int hardwareType()
    {
        return buffer.getShort(offset + HARDWARE_TYPE_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param hardwareType the hardware type field to write.
     * @return this.
     */
    public ArpPacket hardwareType(final int hardwareType)
    {
        buffer.putShort(offset + HARDWARE_TYPE_OFFSET, (short)hardwareType, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the protocol type field.
     */
    public int protocolType()
    {
        return buffer.getShort(offset + PROTOCOL_TYPE_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param protocolType the protocol type field to write.
     * @return this.
     */
    public ArpPacket protocolType(final int protocolType)
    {
        buffer.putShort(offset + PROTOCOL_TYPE_OFFSET, (short)protocolType, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the hardware length field.
     */
    public int hardwareLength()
    {
        return buffer.getByte(offset + HARDWARE_LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param hardwareLength the hardware length field to write.
     * @return this.
     */
    public ArpPacket hardwareLength(final int hardwareLength)
    {
        buffer.putByte(offset + HARDWARE_LENGTH_OFFSET, (byte)hardwareLength);
        return this;
    }

    /**
     * @return the protocol length field.
     */
    public int protocolLength()
    {
        return buffer.getByte(offset + PROTOCOL_LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param protocolLength the protocol length field to write.
     * @return this.
     */
    public ArpPacket protocolLength(final int protocolLength)
    {
        buffer.putByte(offset + PROTOCOL_LENGTH_OFFSET, (byte)protocolLength);
        return this;
    }

    /**
     * @return the operation field.
     */
    public int operation()
    {
        return buffer.getShort(offset + OPERATION_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param operation the operation field to write.
     * @return this.
     */
    public ArpPacket operation(final int operation)
    {
        buffer.putShort(offset + OPERATION_OFFSET, (short)operation, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the sender hardware address field.
     */
    public long senderHardwareAddress()
    {
        return MacAddress.get(buffer, offset + SENDER_HARDWARE_ADDRESS_OFFSET);
    }

    /**
     * @param address the sender hardware address field to write.
     * @return this.
     */
    public ArpPacket senderHardwareAddress(final long address)
    {
        MacAddress.put(buffer, offset + SENDER_HARDWARE_ADDRESS_OFFSET, address);
        return this;
    }

    /**
     * @return the sender protocol address field.
     */
    public int senderProtocolAddress()
    {
        return buffer.getInt(offset + SENDER_PROTOCOL_ADDRESS_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param address the sender protocol address field to write.
     * @return this.
     */
    public ArpPacket senderProtocolAddress(final int address)
    {
        buffer.putInt(offset + SENDER_PROTOCOL_ADDRESS_OFFSET, address, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the target hardware address field.
     */
    public long targetHardwareAddress()
    {
        return MacAddress.get(buffer, offset + TARGET_HARDWARE_ADDRESS_OFFSET);
    }

    /**
     * @param address the target hardware address field to write.
     * @return this.
     */
    public ArpPacket targetHardwareAddress(final long address)
    {
        MacAddress.put(buffer, offset + TARGET_HARDWARE_ADDRESS_OFFSET, address);
        return this;
    }

    /**
     * @return the target protocol address field.
     */
    public int targetProtocolAddress()
    {
        return buffer.getInt(offset + TARGET_PROTOCOL_ADDRESS_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param address the target protocol address field to write.
     * @return this.
     */
    public ArpPacket targetProtocolAddress(final int address)
    {
        buffer.putInt(offset + TARGET_PROTOCOL_ADDRESS_OFFSET, address, BIG_ENDIAN);
        return this;
    }
}
