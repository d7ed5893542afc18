package dev.xlat64.io.pcap;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * Reads a classic pcap file record by record without copying or allocating per record: the file is read in large
 * chunks into one direct buffer and {@link #record()} is a view into it (draft-ietf-opsawg-pcap §4, §5).
 *
 * <pre>
 * File header (24 bytes):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          Magic Number                         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Major Version        |         Minor Version         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Reserved1                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                           Reserved2                           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                            SnapLen                            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * The magic number tells the byte order (A1B2C3D4 as written, or swapped) and the timestamp precision (A1B2C3D4
 * microseconds, A1B23C4D nanoseconds); every header field is read in that order. Link types ETHERNET (1), RAW (101),
 * IPV4 (228) and IPV6 (229) are accepted. Anything malformed throws {@link PcapFormatException} naming the record.
 * Not thread-safe.
 */
public final class PcapReader implements AutoCloseable
{
    public static final int FILE_HEADER_LENGTH = 24;
    public static final int RECORD_HEADER_LENGTH = 16;
    /** libpcap's largest snapshot length; a captured length above it is implausible. */
    public static final int MAX_CAPTURED_LENGTH = 262_144;
    /** Default read chunk. */
    public static final int DEFAULT_BUFFER_BYTES = 1 << 20;
    /** Smallest read chunk; the buffer doubles when a record does not fit (no allocation otherwise). */
    public static final int MIN_BUFFER_BYTES = 1 << 12;

    private static final int PCAPNG_MAGIC = 0x0A0D0D0A;
    private static final int FCS_PRESENT_BIT = 0x0400_0000;

    private final ReadableByteChannel channel;
    private ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final PcapRecord record = new PcapRecord();
    private final ByteOrder byteOrder;
    private final PcapPrecision precision;
    private final int versionMajor;
    private final int versionMinor;
    private final long snapLength;
    private final int linkType;
    private final int fcsLength;
    private long bufferFileOffset;
    private long recordCount;
    private boolean endOfFile;

    private PcapReader(final ReadableByteChannel channel, final int bufferBytes) throws IOException
    {
        this.channel = channel;
        this.byteBuffer = ByteBuffer.allocateDirect(Math.max(bufferBytes, MIN_BUFFER_BYTES));
        this.byteBuffer.limit(0);
        this.buffer = new UnsafeBuffer(byteBuffer);

        final int available = fill(FILE_HEADER_LENGTH);
        if (available < FILE_HEADER_LENGTH)
        {
            throw new PcapFormatException(0, 0,
                "truncated file header: " + available + " of " + FILE_HEADER_LENGTH + " bytes before end of file");
        }
        final int start = byteBuffer.position();
        final int magic = buffer.getInt(start, ByteOrder.BIG_ENDIAN);
        final PcapPrecision bigEndian = PcapPrecision.ofMagic(magic);
        final PcapPrecision littleEndian = PcapPrecision.ofMagic(Integer.reverseBytes(magic));
        if (bigEndian != null)
        {
            byteOrder = ByteOrder.BIG_ENDIAN;
            precision = bigEndian;
        }
        else if (littleEndian != null)
        {
            byteOrder = ByteOrder.LITTLE_ENDIAN;
            precision = littleEndian;
        }
        else if (magic == PCAPNG_MAGIC)
        {
            throw new PcapFormatException(0, 0,
                "this is a pcapng file (magic 0a0d0d0a), not classic pcap; convert it with 'editcap -F pcap'");
        }
        else
        {
            throw new PcapFormatException(0, 0, String.format(
                "bad magic number %08x: not a pcap file (expected a1b2c3d4 or a1b23c4d in either byte order)", magic));
        }

        versionMajor = buffer.getShort(start + 4, byteOrder) & 0xFFFF;
        versionMinor = buffer.getShort(start + 6, byteOrder) & 0xFFFF;
        if (versionMajor != 2)
        {
            throw new PcapFormatException(0, 0,
                "unsupported version " + versionMajor + "." + versionMinor + " (expected 2.4)");
        }
        snapLength = buffer.getInt(start + 16, byteOrder) & 0xFFFF_FFFFL;
        final int linkTypeAndFcs = buffer.getInt(start + 20, byteOrder);
        linkType = linkTypeAndFcs & 0xFFFF;
        // The FCS length is given in 16-bit units when the f bit is set (libpcap LT_FCS_LENGTH).
        fcsLength = (linkTypeAndFcs & FCS_PRESENT_BIT) != 0 ? ((linkTypeAndFcs >>> 28) & 0xF) * 2 : 0;
        if (!PcapLinkType.isReadable(linkType))
        {
            throw new PcapFormatException(0, 0, "unsupported link type " + PcapLinkType.name(linkType) +
                "; expected ETHERNET (1), RAW (101), IPV4 (228) or IPV6 (229)");
        }
        byteBuffer.position(start + FILE_HEADER_LENGTH);
    }

    /**
     * @param path pcap file to read.
     * @return a reader positioned before the first record.
     * @throws PcapFormatException if the file header is bad.
     * @throws IOException if the file cannot be read.
     */
    public static PcapReader open(final Path path) throws IOException
    {
        final FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try
        {
            return new PcapReader(channel, DEFAULT_BUFFER_BYTES);
        }
        catch (final IOException | RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    /**
     * @param channel     to read from; closed by {@link #close()}.
     * @param bufferBytes read chunk size (at least {@link #MIN_BUFFER_BYTES}; grows if a record is larger).
     * @return a reader positioned before the first record.
     * @throws IOException if the file header is bad or cannot be read.
     */
    public static PcapReader of(final ReadableByteChannel channel, final int bufferBytes) throws IOException
    {
        return new PcapReader(channel, bufferBytes);
    }

    /**
     * @param bytes a whole pcap file in memory.
     * @return a reader positioned before the first record.
     * @throws IOException if the file header is bad.
     */
    public static PcapReader of(final byte[] bytes) throws IOException
    {
        return new PcapReader(Channels.newChannel(new ByteArrayInputStream(bytes)), DEFAULT_BUFFER_BYTES);
    }

    /**
     * Move to the next record; {@link #record()} then describes it until the following call.
     *
     * @return false at a clean end of file (right after the last whole record).
     * @throws PcapFormatException if the record header or data is truncated or its captured length is implausible.
     * @throws IOException if reading fails.
     */
    public boolean next() throws IOException
    {
        final long number = recordCount + 1;
        final int available = fill(RECORD_HEADER_LENGTH);
        final long fileOffset = bufferFileOffset + byteBuffer.position();
        if (available == 0)
        {
            return false;
        }
        if (available < RECORD_HEADER_LENGTH)
        {
            throw new PcapFormatException(number, fileOffset, "truncated record header: " + available + " of " +
                RECORD_HEADER_LENGTH + " bytes before end of file");
        }

        final int start = byteBuffer.position();
        long seconds = buffer.getInt(start, byteOrder) & 0xFFFF_FFFFL;
        long fraction = buffer.getInt(start + 4, byteOrder) & 0xFFFF_FFFFL;
        final long capturedLength = buffer.getInt(start + 8, byteOrder) & 0xFFFF_FFFFL;
        final long originalLength = buffer.getInt(start + 12, byteOrder) & 0xFFFF_FFFFL;

        if (capturedLength > MAX_CAPTURED_LENGTH)
        {
            throw new PcapFormatException(number, fileOffset, "captured length " + capturedLength +
                " is implausible (more than " + MAX_CAPTURED_LENGTH + " bytes)");
        }
        if (snapLength != 0 && capturedLength > snapLength)
        {
            throw new PcapFormatException(number, fileOffset,
                "captured length " + capturedLength + " exceeds the file's snaplen " + snapLength);
        }

        final int recordLength = RECORD_HEADER_LENGTH + (int)capturedLength;
        final int whole = fill(recordLength);
        if (whole < recordLength)
        {
            throw new PcapFormatException(number, fileOffset, "truncated packet data: " +
                (whole - RECORD_HEADER_LENGTH) + " of " + capturedLength + " captured bytes before end of file");
        }

        // fill() may have moved the data to the buffer start.
        final int dataIndex = byteBuffer.position() + RECORD_HEADER_LENGTH;
        final int unitsPerSecond = precision.unitsPerSecond();
        if (fraction >= unitsPerSecond)
        {
            // Some writers overflow the fraction instead of carrying into the seconds; carry it here.
            seconds += fraction / unitsPerSecond;
            fraction %= unitsPerSecond;
        }
        recordCount = number;
        record.set(buffer, dataIndex, (int)capturedLength, (int)Math.min(originalLength, Integer.MAX_VALUE),
            seconds, (int)fraction * precision.nanosPerUnit(), number, linkType, fcsLength);
        byteBuffer.position(byteBuffer.position() + recordLength);
        return true;
    }

    /**
     * @return the reusable view of the current record.
     */
    public PcapRecord record()
    {
        return record;
    }

    /**
     * @return records returned by {@link #next()} so far.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * @return the link type from the file header, lower 16 bits ({@link PcapLinkType}).
     */
    public int linkType()
    {
        return linkType;
    }

    /**
     * @return the file's snapshot length (0 in some files means "no limit").
     */
    public long snapLength()
    {
        return snapLength;
    }

    /**
     * @return the timestamp resolution the magic number announced.
     */
    public PcapPrecision precision()
    {
        return precision;
    }

    /**
     * @return the byte order of the file's header fields (packet bytes are always network order).
     */
    public ByteOrder byteOrder()
    {
        return byteOrder;
    }

    /**
     * @return the file format's major version (always 2 once opened).
     */
    public int versionMajor()
    {
        return versionMajor;
    }

    /**
     * @return the file format's minor version (4 in practice).
     */
    public int versionMinor()
    {
        return versionMinor;
    }

    /**
     * @return bytes of Frame Check Sequence at the end of every Ethernet record, 0 if none or unknown.
     */
    public int fcsLength()
    {
        return fcsLength;
    }

    /**
     * Close the underlying channel.
     *
     * @throws IOException if closing fails.
     */
    @Override
    public void close() throws IOException
    {
        channel.close();
    }

    /**
     * Make at least {@code wanted} unread bytes available from the buffer position, reading more if needed.
     *
     * @return unread bytes available, fewer than {@code wanted} only at end of file.
     */
    private int fill(final int wanted) throws IOException
    {
        while (byteBuffer.remaining() < wanted && !endOfFile)
        {
            if (wanted > byteBuffer.capacity())
            {
                grow(wanted);
            }
            bufferFileOffset += byteBuffer.position();
            byteBuffer.compact();
            final int read = channel.read(byteBuffer);
            byteBuffer.flip();
            if (read < 0)
            {
                endOfFile = true;
            }
        }
        return byteBuffer.remaining();
    }

    private void grow(final int wanted)
    {
        final ByteBuffer larger = ByteBuffer.allocateDirect(
            Math.max(byteBuffer.capacity() * 2, Integer.highestOneBit(wanted - 1) << 1));
        bufferFileOffset += byteBuffer.position();
        larger.put(byteBuffer).flip();
        byteBuffer = larger;
        buffer.wrap(larger);
    }
}
