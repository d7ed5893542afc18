package dev.xlat64.core.packet;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the fixed start of an IPv6 Routing header (RFC 8200 §4.4).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |  Routing Type | Segments Left |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                                                               |
 * .                                                               .
 * .                       type-specific data                      .
 * .                                                               .
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * RFC 7915 §5.1: a packet whose Routing header has Segments Left non-zero is not translated; the translator answers
 * with a Parameter Problem pointing at {@link #SEGMENTS_LEFT_OFFSET}.
 */
public final class RoutingHeader
{
    public static final int HEADER_LENGTH = 8;
    public static final int NEXT_HEADER_OFFSET = 0;
    public static final int HEADER_EXTENSION_LENGTH_OFFSET = 1;
    public static final int ROUTING_TYPE_OFFSET = 2;
    public static final int SEGMENTS_LEFT_OFFSET = 3;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the Next Header byte.
     * @return this.
     */
    public RoutingHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
     * @return the next header field.
     */
    public int nextHeader()
    {
        return buffer.getByte(offset + NEXT_HEADER_OFFSET) & 0xFF;
    }

    /**
     * @param nextHeader the next header field to write.
     * @return this.
     */
    public RoutingHeader nextHeader(final int nextHeader)
    {
        buffer.putByte(offset + NEXT_HEADER_OFFSET, (byte)nextHeader);
        return this;
    }

    /**
     * @return the header extension length field.
     */
    public int headerExtensionLength()
    {
        return buffer.getByte(offset + HEADER_EXTENSION_LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param headerExtensionLength the header extension length field to write.
     * @return this.
     */
    public RoutingHeader headerExtensionLength(final int headerExtensionLength)
    {
        buffer.putByte(offset + HEADER_EXTENSION_LENGTH_OFFSET, (byte)headerExtensionLength);
        return this;
    }

    /**
     * @return the header's length in bytes, {@code (headerExtensionLength() + 1) * 8}.
     */
    public int headerLength()
    {
        return (headerExtensionLength() + 1) << 3;
    }

    /**
     * @return the routing type field.
     */
    public int routingType()
    {
        return buffer.getByte(offset + ROUTING_TYPE_OFFSET) & 0xFF;
    }

    /**
     * @param routingType the routing type field to write.
     * @return this.
     */
    public RoutingHeader routingType(final int routingType)
    {
        buffer.putByte(offset + ROUTING_TYPE_OFFSET, (byte)routingType);
        return this;
    }

    /**
     * @return the segments left field.
     */
    public int segmentsLeft()
    {
        return buffer.getByte(offset + SEGMENTS_LEFT_OFFSET) & 0xFF;
    }

    /**
     * @param segmentsLeft the segments left field to write.
     * @return this.
     */
    public RoutingHeader segmentsLeft(final int segmentsLeft)
    {
        buffer.putByte(offset + SEGMENTS_LEFT_OFFSET, (byte)segmentsLeft);
        return this;
    }
}
