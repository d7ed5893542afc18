package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the first 8 bytes of an ICMPv6 message (RFC 4443 §2.1, RFC 4884). The second word means different
 * things per type; every reading is offered and the caller picks the one its type defines.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |        Sequence Number        |  echo request/reply (§4.1, §4.2)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                              MTU                              |  packet too big (§3.2)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            Pointer                            |  parameter problem (§3.4)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Length     |                    Unused                     |  unreachable, time exceeded (RFC 4884)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    As much of invoking packet                 |  (errors)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The RFC 4884 Length counts the original datagram in 64-bit words. Types below 128 are errors (RFC 4443 §2.1).
 */
public final class Icmpv6Header
{
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE_OFFSET = 0;
    public static final int CODE_OFFSET = 1;
    public static final int CHECKSUM_OFFSET = 2;
    public static final int IDENTIFIER_OFFSET = 4;
    public static final int SEQUENCE_NUMBER_OFFSET = 6;
    public static final int LENGTH_OFFSET = 4;
    public static final int MTU_OFFSET = 4;
    public static final int POINTER_OFFSET = 4;
    public static final int REST_OF_HEADER_OFFSET = 4;

    public static final int TYPE_DESTINATION_UNREACHABLE = 1;
    public static final int TYPE_PACKET_TOO_BIG = 2;
    public static final int TYPE_TIME_EXCEEDED = 3;
    public static final int TYPE_PARAMETER_PROBLEM = 4;
    public static final int TYPE_ECHO_REQUEST = 128;
    public static final int TYPE_ECHO_REPLY = 129;
    public static final int TYPE_MULTICAST_LISTENER_QUERY = 130;
    public static final int TYPE_MULTICAST_LISTENER_REPORT = 131;
    public static final int TYPE_MULTICAST_LISTENER_DONE = 132;
    public static final int TYPE_ROUTER_SOLICITATION = 133;
    public static final int TYPE_ROUTER_ADVERTISEMENT = 134;
    public static final int TYPE_NEIGHBOR_SOLICITATION = 135;
    public static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
    public static final int TYPE_REDIRECT = 137;

    /** Destination Unreachable codes (RFC 4443 §3.1). */
    public static final int CODE_NO_ROUTE = 0;
    public static final int CODE_ADMINISTRATIVELY_PROHIBITED = 1;
    public static final int CODE_BEYOND_SCOPE = 2;
    public static final int CODE_ADDRESS_UNREACHABLE = 3;
    public static final int CODE_PORT_UNREACHABLE = 4;
    public static final int CODE_SOURCE_ADDRESS_FAILED_POLICY = 5;
    public static final int CODE_REJECT_ROUTE = 6;
    /** Time Exceeded codes (RFC 4443 §3.3). */
    public static final int CODE_HOP_LIMIT_EXCEEDED = 0;
    public static final int CODE_FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;
    /** Parameter Problem codes (RFC 4443 §3.4). */
    public static final int CODE_ERRONEOUS_HEADER_FIELD = 0;
    public static final int CODE_UNRECOGNIZED_NEXT_HEADER = 1;
    public static final int CODE_UNRECOGNIZED_OPTION = 2;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the message starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the Type byte.
     * @return this.
     */
    public Icmpv6Header wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @param availableBytes bytes of the ICMPv6 message.
     * @return {@link HeaderFault#TRUNCATED} if fewer than 8 bytes, else {@link HeaderFault#NONE}.
     */
    public HeaderFault validate(final int availableBytes)
    {
        return availableBytes < HEADER_LENGTH ? HeaderFault.TRUNCATED : HeaderFault.NONE;
    }

    /**
     * @param type an ICMPv6 type.
     * @return true for error messages (types 0-127, RFC 4443 §2.1).
     */
    public static boolean isError(final int type)
    {
        return type < 128;
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
    public Icmpv6Header type(final int type)
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
    public Icmpv6Header code(final int code)
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
    public Icmpv6Header checksum(final int checksum)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the identifier field.
     */
    public int identifier()
    {
        return buffer.getShort(offset + IDENTIFIER_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param identifier the identifier field to write.
     * @return this.
     */
    public Icmpv6Header identifier(final int identifier)
    {
        buffer.putShort(offset + IDENTIFIER_OFFSET, (short)identifier, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the sequence number field.
     */
    public int sequenceNumber()
    {
        return buffer.getShort(offset + SEQUENCE_NUMBER_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param sequenceNumber the sequence number field to write.
     * @return this.
     */
    public Icmpv6Header sequenceNumber(final int sequenceNumber)
    {
        buffer.putShort(offset + SEQUENCE_NUMBER_OFFSET, (short)sequenceNumber, BIG_ENDIAN);
        return this;
    }

    /**
     * @return RFC 4884 Length (byte 4): the original datagram's length in 64-bit words, 0 if not RFC 4884.
     */
    public int length()
    {
        return buffer.getByte(offset + LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param length the length field to write.
     * @return this.
     */
    public Icmpv6Header length(final int length)
    {
        buffer.putByte(offset + LENGTH_OFFSET, (byte)length);
        return this;
    }

    /**
     * @return Packet Too Big MTU (bytes 4-7).
     */
    public int mtu()
    {
        return buffer.getInt(offset + MTU_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param mtu the mtu field to write.
     * @return this.
     */
    public Icmpv6Header mtu(final int mtu)
    {
        buffer.putInt(offset + MTU_OFFSET, mtu, BIG_ENDIAN);
        return this;
    }

    /**
     * @return Parameter Problem pointer (bytes 4-7): the octet offset of the error in the invoking packet.
     */
    public int pointer()
    {
        return buffer.getInt(offset + POINTER_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param pointer the pointer field to write.
     * @return this.
     */
    public Icmpv6Header pointer(final int pointer)
    {
        buffer.putInt(offset + POINTER_OFFSET, pointer, BIG_ENDIAN);
        return this;
    }

    /**
     * @return bytes 4-7 as one 32-bit word.
     */
    public int restOfHeader()
    {
        return buffer.getInt(offset + REST_OF_HEADER_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param restOfHeader the rest of header field to write.
     * @return this.
     */
    public Icmpv6Header restOfHeader(final int restOfHeader)
    {
        buffer.putInt(offset + REST_OF_HEADER_OFFSET, restOfHeader, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the message body (the invoking packet for errors, the data for echo).
     */
    public int bodyOffset()
    {
        return offset + HEADER_LENGTH;
    }
}
