package dev.xlat64.io.pcap;

import org.agrona.MutableDirectBuffer;

/**
 * A reusable view of one pcap record, filled by {@link PcapReader#next()}. The packet bytes stay in the reader's buffer:
 * the view is valid until the next call to {@code next()}. Bytes in [{@link #offset()}, offset + capturedLength) may be
 * rewritten in place; bytes outside belong to the reader.
 *
 * <pre>
 * Record header (16 bytes, in the file's byte order):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                      Timestamp (Seconds)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Timestamp (Microseconds or nanoseconds)            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Captured Packet Length                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Original Packet Length                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * /                          Packet Data                          /
 * +---------------------------------------------------------------+
 * </pre>
 */
public final class PcapRecord
{
    private MutableDirectBuffer buffer;
    private int offset;
    private int capturedLength;
    private int originalLength;
    private long timestampSeconds;
    private int timestampNanos;
    private long number;
    private int linkType;

    void set(
        final MutableDirectBuffer buffer,
        final int offset,
        final int capturedLength,
        final int originalLength,
        final long timestampSeconds,
        final int timestampNanos,
        final long number,
        final int linkType)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.timestampSeconds = timestampSeconds;
        this.timestampNanos = timestampNanos;
        this.number = number;
        this.linkType = linkType;
    }

    /**
     * @return the buffer holding the packet bytes.
     */
    public MutableDirectBuffer buffer()
    {
        return buffer;
    }

    /**
     * @return index of the first packet byte in {@link #buffer()}.
     */
    public int offset()
    {
        return offset;
    }

    /**
     * @return bytes of packet data in the file (incl_len).
     */
    public int capturedLength()
    {
        return capturedLength;
    }

    /**
     * @return length of the packet on the wire (orig_len); larger than {@link #capturedLength()} if it was cut.
     */
    public int originalLength()
    {
        return originalLength;
    }

    /**
     * @return true if the capture cut the packet short (captured &lt; original).
     */
    public boolean isTruncated()
    {
        return capturedLength < originalLength;
    }

    /**
     * @return seconds since the epoch (unsigned 32-bit value from the file).
     */
    public long timestampSeconds()
    {
        return timestampSeconds;
    }

    /**
     * @return nanoseconds within the second (microsecond files are scaled by 1000).
     */
    public int timestampNanos()
    {
        return timestampNanos;
    }

    /**
     * @return nanoseconds since the epoch.
     */
    public long timestampNs()
    {
        return timestampSeconds * 1_000_000_000L + timestampNanos;
    }

    /**
     * @return 1-based record number in the file.
     */
    public long number()
    {
        return number;
    }

    /**
     * @return the file's link type ({@link PcapLinkType}).
     */
    public int linkType()
    {
        return linkType;
    }
}
