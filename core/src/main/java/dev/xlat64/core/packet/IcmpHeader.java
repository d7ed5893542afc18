package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the first 8 bytes of an ICMPv4 message (RFC 792, RFC 1191, RFC 4884). The second word means different
 * things per type; every reading is offered and the caller picks the one its type defines.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |        Sequence Number        |  echo, timestamp, information
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    unused     |    Length     |          Next-Hop MTU         |  destination unreachable (RFC 1191, RFC 4884)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |    Pointer    |    Length     |            unused             |  parameter problem (RFC 4884)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Internet Header + leading octets of original datagram    |  (errors)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The RFC 4884 Length counts the original datagram in 32-bit words.
 */
public final class IcmpHeader
{
    public static final int HEADER_LENGTH = 8;
    public static final int TYPE_OFFSET = 0;
    public static final int CODE_OFFSET = 1;
    public static final int CHECKSUM_OFFSET = 2;
    public static final int IDENTIFIER_OFFSET = 4;
    public static final int SEQUENCE_NUMBER_OFFSET = 6;
    public static final int POINTER_OFFSET = 4;
    public static final int LENGTH_OFFSET = 5;
    public static final int NEXT_HOP_MTU_OFFSET = 6;
    public static final int REST_OF_HEADER_OFFSET = 4;

    public static final int TYPE_ECHO_REPLY = 0;
    public static final int TYPE_DESTINATION_UNREACHABLE = 3;
    public static final int TYPE_SOURCE_QUENCH = 4;
    public static final int TYPE_REDIRECT = 5;
    public static final int TYPE_ECHO_REQUEST = 8;
    public static final int TYPE_ROUTER_ADVERTISEMENT = 9;
    public static final int TYPE_ROUTER_SOLICITATION = 10;
    public static final int TYPE_TIME_EXCEEDED = 11;
    public static final int TYPE_PARAMETER_PROBLEM = 12;
    public static final int TYPE_TIMESTAMP = 13;
    public static final int TYPE_TIMESTAMP_REPLY = 14;
    public static final int TYPE_INFORMATION_REQUEST = 15;
    public static final int TYPE_INFORMATION_REPLY = 16;
    public static final int TYPE_ADDRESS_MASK_REQUEST = 17;
    public static final int TYPE_ADDRESS_MASK_REPLY = 18;

    /** Destination Unreachable codes (RFC 792, RFC 1122 §3.2.2.1, RFC 1812 §5.2.7.1). */
    public static final int CODE_NET_UNREACHABLE = 0;
    public static final int CODE_HOST_UNREACHABLE = 1;
    public static final int CODE_PROTOCOL_UNREACHABLE = 2;
    public static final int CODE_PORT_UNREACHABLE = 3;
    public static final int CODE_FRAGMENTATION_NEEDED = 4;
    public static final int CODE_SOURCE_ROUTE_FAILED = 5;
    public static final int CODE_NET_UNKNOWN = 6;
    public static final int CODE_HOST_UNKNOWN = 7;
    public static final int CODE_SOURCE_HOST_ISOLATED = 8;
    public static final int CODE_NET_PROHIBITED = 9;
    public static final int CODE_HOST_PROHIBITED = 10;
    public static final int CODE_NET_TOS_UNREACHABLE = 11;
    public static final int CODE_HOST_TOS_UNREACHABLE = 12;
    public static final int CODE_COMMUNICATION_PROHIBITED = 13;
    public static final int CODE_HOST_PRECEDENCE_VIOLATION = 14;
    public static final int CODE_PRECEDENCE_CUTOFF = 15;
    /** Time Exceeded codes. */
    public static final int CODE_TTL_EXCEEDED = 0;
    public static final int CODE_FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;
    /** Parameter Problem codes. */
    public static final int CODE_POINTER_INDICATES_ERROR = 0;
    public static final int CODE_MISSING_REQUIRED_OPTION = 1;
    public static final int CODE_BAD_LENGTH = 2;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the message starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the Type byte.
     * @return this.
     */
    public IcmpHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @param availableBytes bytes of the ICMP message.
     * @return {@link HeaderFault#TRUNCATED} if fewer than 8 bytes, else {@link HeaderFault#NONE}.
     */
    public HeaderFault validate(final int availableBytes)
    {
        return availableBytes < HEADER_LENGTH ? HeaderFault.TRUNCATED : HeaderFault.NONE;
    }

    /**
     * @param type an ICMPv4 type.
     * @return true for the error messages that quote an original datagram (RFC 1122 §3.2.2).
     */
    public static boolean isError(final int type)
    {
        return type == TYPE_DESTINATION_UNREACHABLE || type == TYPE_SOURCE_QUENCH || type == TYPE_REDIRECT ||
            type == TYPE_TIME_EXCEEDED || type == TYPE_PARAMETER_PROBLEM;
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
    public IcmpHeader type(final int type)
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
    public IcmpHeader code(final int code)
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
    public IcmpHeader checksum(final int checksum)
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
    public IcmpHeader identifier(final int identifier)
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
    public IcmpHeader sequenceNumber(final int sequenceNumber)
    {
        buffer.putShort(offset + SEQUENCE_NUMBER_OFFSET, (short)sequenceNumber, BIG_ENDIAN);
        return this;
    }

    /**
     * @return Parameter Problem pointer (byte 4): the octet of the original header that is wrong.
     */
    public int pointer()
    {
        return buffer.getByte(offset + POINTER_OFFSET) & 0xFF;
    }

    /**
     * @param pointer the pointer field to write.
     * @return this.
     */
    public IcmpHeader pointer(final int pointer)
    {
        buffer.putByte(offset + POINTER_OFFSET, (byte)pointer);
        return this;
    }

    /**
     * @return RFC 4884 Length (byte 5): the original datagram's length in 32-bit words, 0 if not RFC 4884.
     */
    public int length()
    {
        return buffer.getByte(offset + LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param length the length field to write.
     * @return this.
     */
    public IcmpHeader length(final int length)
    {
        buffer.putByte(offset + LENGTH_OFFSET, (byte)length);
        return this;
    }

    /**
     * @return Next-Hop MTU of a Fragmentation Needed message (bytes 6-7, RFC 1191 §4).
     */
    public int nextHopMtu()
    {
        return buffer.getShort(offset + NEXT_HOP_MTU_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param nextHopMtu the next hop mtu field to write.
     * @return this.
     */
    public IcmpHeader nextHopMtu(final int nextHopMtu)
    {
        buffer.putShort(offset + NEXT_HOP_MTU_OFFSET, (short)nextHopMtu, BIG_ENDIAN);
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
    public IcmpHeader restOfHeader(final int restOfHeader)
    {
        buffer.putInt(offset + REST_OF_HEADER_OFFSET, restOfHeader, BIG_ENDIAN);
        return this;
    }

    /**
     * @return buffer index of the message body (the quoted datagram for errors, the data for echo).
     */
    public int bodyOffset()
    {
        return offset + HEADER_LENGTH;
    }
}
