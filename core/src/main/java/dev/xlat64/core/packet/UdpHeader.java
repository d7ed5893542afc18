package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over a UDP header (RFC 768).
 *
 * <pre>
 *  0      7 8     15 16    23 24    31
 * +--------+--------+--------+--------+
 * |     Source      |   Destination   |
 * |      Port       |      Port       |
 * +--------+--------+--------+--------+
 * |                 |                 |
 * |     Length      |    Checksum     |
 * +--------+--------+--------+--------+
 * </pre>
 *
 * Length counts the header and the data. A zero checksum means "none" in IPv4 (RFC 768), and is not allowed in IPv6
 * (RFC 8200 §8.1).
 */
public final class UdpHeader
{
    public static final int HEADER_LENGTH = 8;
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int DESTINATION_PORT_OFFSET = 2;
    public static final int LENGTH_OFFSET = 4;
    public static final int CHECKSUM_OFFSET = 6;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the first header byte.
     * @return this.
     */
    public UdpHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
     * Check the header and its Length against the bytes available for the datagram (the IP payload). Do not call on a
     * non-first fragment, or on a first fragment whose Length covers the whole reassembled datagram.
     *
     * @param availableBytes bytes of IP payload from the UDP header on.
     * @return {@link HeaderFault#NONE} or the first fault found.
     */
    public HeaderFault validate(final int availableBytes)
    {
        if (availableBytes < HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        final int length = length();
        if (length < HEADER_LENGTH)
        {
            return HeaderFault.UDP_LENGTH_TOO_SHORT;
        }
        if (length > availableBytes)
        {
            return HeaderFault.UDP_LENGTH_EXCEEDS_PACKET;
        }
        return HeaderFault.NONE;
    }

    /**
     * @return the source port field.
     */
    public int sourcePort()
    {
        return buffer.getShort(offset + SOURCE_PORT_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param sourcePort the source port field to write.
     * @return this.
     */
    public UdpHeader sourcePort(final int sourcePort)
    {
        buffer.putShort(offset + SOURCE_PORT_OFFSET, (short)sourcePort, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the destination port field.
     */
    public int destinationPort()
    {
        return buffer.getShort(offset + DESTINATION_PORT_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param destinationPort the destination port field to write.
     * @return this.
     */
    public UdpHeader destinationPort(final int destinationPort)
    {
        buffer.putShort(offset + DESTINATION_PORT_OFFSET, (short)destinationPort, BIG_ENDIAN);
        return this;
    }

    /**
     * @return bytes of header plus data.
     */
    public int length()
    {
        return buffer.getShort(offset + LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param length the length field to write.
     * @return this.
     */
    public UdpHeader length(final int length)
    {
        buffer.putShort(offset + LENGTH_OFFSET, (short)length, BIG_ENDIAN);
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
    public UdpHeader checksum(final int checksum)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, BIG_ENDIAN);
        return this;
    }
}
