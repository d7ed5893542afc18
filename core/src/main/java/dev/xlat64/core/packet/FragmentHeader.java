package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.MutableDirectBuffer;

/**
 * Flyweight over the IPv6 Fragment extension header (RFC 8200 §4.5).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |   Reserved    |      Fragment Offset    |Res|M|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Identification                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Fragment offset is in 8-byte units, as on the wire. A header with offset 0 and M clear is an atomic fragment
 * (RFC 6946).
 */
public final class FragmentHeader
{
    public static final int HEADER_LENGTH = 8;
    public static final int NEXT_HEADER_OFFSET = 0;
    public static final int RESERVED_OFFSET = 1;
    /** Fragment offset (13 bits), two reserved bits and M share this 16-bit word. */
    public static final int FRAGMENT_OFFSET_OFFSET = 2;
    public static final int IDENTIFICATION_OFFSET = 4;

    /** The 13-bit Fragment Offset as it sits in the 16-bit word at {@link #FRAGMENT_OFFSET_OFFSET} (not shifted). */
    public static final int OFFSET_MASK = 0xFFF8;

    private static final int MORE_FRAGMENTS_BIT = 0x0001;

    private MutableDirectBuffer buffer;
    private int offset;

    /**
     * Point this flyweight at the header starting at {@code offset}.
     *
     * @param buffer holding the packet.
     * @param offset of the first header byte.
     * @return this.
     */
    public FragmentHeader wrap(final MutableDirectBuffer buffer, final int offset)
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
    public FragmentHeader nextHeader(final int nextHeader)
    {
        buffer.putByte(offset + NEXT_HEADER_OFFSET, (byte)nextHeader);
        return this;
    }

    /**
     * @return the reserved field.
     */
    public int reserved()
    {
        return buffer.getByte(offset + RESERVED_OFFSET) & 0xFF;
    }

    /**
     * @param reserved the reserved field to write.
     * @return this.
     */
    public FragmentHeader reserved(final int reserved)
    {
        buffer.putByte(offset + RESERVED_OFFSET, (byte)reserved);
        return this;
    }

    private int offsetWord()
    {
        return buffer.getShort(offset + FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN) & 0xFFFF;
    }

    private void offsetWord(final int word)
    {
        buffer.putShort(offset + FRAGMENT_OFFSET_OFFSET, (short)word, BIG_ENDIAN);
    }

    /**
     * @return fragment offset in 8-byte units.
     */
    public int fragmentOffset()
    {
        return offsetWord() >>> 3;
    }

    /**
     * @param fragmentOffset in 8-byte units (13 bits); the M flag and reserved bits are kept.
     * @return this.
     */
    public FragmentHeader fragmentOffset(final int fragmentOffset)
    {
        offsetWord((offsetWord() & ~OFFSET_MASK) | ((fragmentOffset << 3) & OFFSET_MASK));
        return this;
    }

    /**
     * @return true if the More Fragments (M) flag is set.
     */
    public boolean moreFragments()
    {
        return (offsetWord() & MORE_FRAGMENTS_BIT) != 0;
    }

    /**
     * @param moreFragments whether to set the More Fragments (M) flag; the other bits are kept.
     * @return this.
     */
    public FragmentHeader moreFragments(final boolean moreFragments)
    {
        final int word = offsetWord();
        offsetWord(moreFragments ? word | MORE_FRAGMENTS_BIT : word & ~MORE_FRAGMENTS_BIT);
        return this;
    }

    /**
     * @return the 32-bit Identification.
     */
    public int identification()
    {
        return buffer.getInt(offset + IDENTIFICATION_OFFSET, BIG_ENDIAN);
    }

    /**
     * @param identification the identification field to write.
     * @return this.
     */
    public FragmentHeader identification(final int identification)
    {
        buffer.putInt(offset + IDENTIFICATION_OFFSET, identification, BIG_ENDIAN);
        return this;
    }

    /**
     * @return true for an atomic fragment (offset 0 and M clear, RFC 6946).
     */
    public boolean isAtomic()
    {
        return (offsetWord() & (OFFSET_MASK | MORE_FRAGMENTS_BIT)) == 0;
    }
}
