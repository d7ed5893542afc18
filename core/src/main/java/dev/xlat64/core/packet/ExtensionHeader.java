package dev.xlat64.core.packet;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the common start of an IPv6 Hop-by-Hop Options or Destination Options header (RFC 8200 §4.3, §4.6);
 * the same two leading fields begin a Routing header.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                                                               |
 * .                                                               .
 * .                            Options                            .
 * .                                                               .
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Hdr Ext Len counts 8-octet units after the first 8 octets, so the header is {@code (hdrExtLen + 1) * 8} bytes.
 */
public final class ExtensionHeader
{
    /** Smallest extension header (Hdr Ext Len 0). */
    public static final int HEADER_LENGTH = 8;
    public static final int NEXT_HEADER_OFFSET = 0;
    public static final int HEADER_EXTENSION_LENGTH_OFFSET = 1;
    public static final int OPTIONS_OFFSET = 2;

    /** Pad1 option (one zero byte), RFC 8200 §4.2. */
    public static final int OPTION_PAD1 = 0;
    /** PadN option, RFC 8200 §4.2. */
    public static final int OPTION_PADN = 1;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the Next Header byte.
     * @return this.
     */
    public ExtensionHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
    public ExtensionHeader nextHeader(final int nextHeader)
    {
        buffer.putByte(offset + NEXT_HEADER_OFFSET, (byte)nextHeader);
        return this;
    }

    /**
     * @return Hdr Ext Len: 8-octet units beyond the first 8.
     */
    public int headerExtensionLength()
    {
        return buffer.getByte(offset + HEADER_EXTENSION_LENGTH_OFFSET) & 0xFF;
    }

    /**
     * @param headerExtensionLength the header extension length field to write.
     * @return this.
     */
    public ExtensionHeader headerExtensionLength(final int headerExtensionLength)
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
}
