package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over a TCP header, options included (RFC 9293 §3.1; NS bit from RFC 3540, CWR/ECE from RFC 3168).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |     |N|C|E|U|A|P|R|S|F|                               |
 * | Offset| Rsrv|S|W|C|R|C|S|S|Y|I|            Window             |
 * |       |     | |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options                    |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Sequence and acknowledgment numbers are unsigned 32-bit values returned as {@code long}. {@link #flags()} is the low
 * 9 bits of the 16-bit word at offset 12.
 */
public final class TcpHeader
{
    public static final int HEADER_LENGTH = 20;
    public static final int MAX_HEADER_LENGTH = 60;
    public static final int SOURCE_PORT_OFFSET = 0;
    public static final int DESTINATION_PORT_OFFSET = 2;
    public static final int SEQUENCE_NUMBER_OFFSET = 4;
    public static final int ACKNOWLEDGMENT_NUMBER_OFFSET = 8;
    /** Data offset (4 bits), reserved (3 bits) and flags (9 bits) share this 16-bit word. */
    public static final int DATA_OFFSET_FLAGS_OFFSET = 12;
    public static final int WINDOW_OFFSET = 14;
    public static final int CHECKSUM_OFFSET = 16;
    public static final int URGENT_POINTER_OFFSET = 18;
    public static final int OPTIONS_OFFSET = 20;

    public static final int FIN = 0x001;
    public static final int SYN = 0x002;
    public static final int RST = 0x004;
    public static final int PSH = 0x008;
    public static final int ACK = 0x010;
    public static final int URG = 0x020;
    public static final int ECE = 0x040;
    public static final int CWR = 0x080;
    public static final int NS = 0x100;

    private static final int FLAGS_MASK = 0x01FF;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the first header byte.
     * @return this.
     */
    public TcpHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
     * Check the fixed header and the Data Offset against the bytes available for the segment.
     *
     * @param availableBytes bytes of IP payload from the TCP header on.
     * @return {@link HeaderFault#NONE} or the first fault found.
     */
    public HeaderFault validate(final int availableBytes)
    {
        if (availableBytes < HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        final int headerLength = headerLength();
        if (headerLength < HEADER_LENGTH)
        {
            return HeaderFault.BAD_DATA_OFFSET;
        }
        if (headerLength > availableBytes)
        {
            return HeaderFault.DATA_OFFSET_EXCEEDS_PACKET;
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
    public TcpHeader sourcePort(final int sourcePort)
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
    public TcpHeader destinationPort(final int destinationPort)
    {
        buffer.putShort(offset + DESTINATION_PORT_OFFSET, (short)destinationPort, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the sequence number field.
     */
    public long sequenceNumber()
    {
        return buffer.getInt(offset + SEQUENCE_NUMBER_OFFSET, BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    /**
     * @param sequenceNumber the sequence number field to write.
     * @return this.
     */
    public TcpHeader sequenceNumber(final long sequenceNumber)
    {
        buffer.putInt(offset + SEQUENCE_NUMBER_OFFSET, (int)sequenceNumber, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the acknowledgment number field.
     */
    public long acknowledgmentNumber()
    {
        return buffer.getInt(offset + ACKNOWLEDGMENT_NUMBER_OFFSET, BIG_ENDIAN) & 0xFFFF_FFFFL;
    }

    /**
     * @param acknowledgmentNumber the acknowledgment number field to write.
     * @return this.
     */
    public TcpHeader acknowledgmentNumber(final long acknowledgmentNumber)
    {
        buffer.putInt(offset + ACKNOWLEDGMENT_NUMBER_OFFSET, (int)acknowledgmentNumber, BIG_ENDIAN);
        return this;
    }

    private int offsetFlagsWord()
    {
        return buffer.getShort(offset + DATA_OFFSET_FLAGS_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    private void offsetFlagsWord(final int word)
    {
        buffer.putShort(offset + DATA_OFFSET_FLAGS_OFFSET, (short)word, BIG_ENDIAN);
    }

    /**
     * @return Data Offset in 32-bit words.
     */
    public int dataOffset()
    {
        return (buffer.getByte(offset + DATA_OFFSET_FLAGS_OFFSET) & 0xF0) >>> 4;
    }

    /**
     * @param dataOffset in 32-bit words; the reserved bits and flags are kept.
     * @return this.
     */
    public TcpHeader dataOffset(final int dataOffset)
    {
        offsetFlagsWord((offsetFlagsWord() & 0x0FFF) | ((dataOffset & 0x0F) << 12));
        return this;
    }

    /**
     * @return header length in bytes, options included ({@code dataOffset() * 4}).
     */
    public int headerLength()
    {
        return dataOffset() << 2;
    }

    /**
     * @return the 9 flag bits ({@link #FIN} ... {@link #NS}).
     */
    public int flags()
    {
        return offsetFlagsWord() & FLAGS_MASK;
    }

    /**
     * @param flags the 9 flag bits; the data offset and reserved bits are kept.
     * @return this.
     */
    public TcpHeader flags(final int flags)
    {
        offsetFlagsWord((offsetFlagsWord() & ~FLAGS_MASK) | (flags & FLAGS_MASK));
        return this;
    }

    /**
     * @param flag one of {@link #FIN} ... {@link #NS}.
     * @return true if that flag is set.
     */
    public boolean hasFlag(final int flag)
    {
        return (offsetFlagsWord() & flag) != 0;
    }

    /**
     * @return the window field.
     */
    public int window()
    {
        return buffer.getShort(offset + WINDOW_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param window the window field to write.
     * @return this.
     */
    public TcpHeader window(final int window)
    {
        buffer.putShort(offset + WINDOW_OFFSET, (short)window, BIG_ENDIAN);
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
    public TcpHeader checksum(final int checksum)
    {
        buffer.putShort(offset + CHECKSUM_OFFSET, (short)checksum, BIG_ENDIAN);
        return this;
    }

    /**
     * @return the urgent pointer field.
     */
    public int urgentPointer()
    {
        return buffer.getShort(offset + URGENT_POINTER_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    /**
     * @param urgentPointer the urgent pointer field to write.
     * @return this.
     */
    public TcpHeader urgentPointer(final int urgentPointer)
    {
        buffer.putShort(offset + URGENT_POINTER_OFFSET, (short)urgentPointer, BIG_ENDIAN);
        return this;
    }
}
