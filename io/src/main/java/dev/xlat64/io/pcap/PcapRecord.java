package dev.xlat64.io.pcap;

import java.nio.ByteOrder;

import dev.xlat64.core.packet.EthernetHeader;
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
    private int fcsLength;

    void set(
        final MutableDirectBuffer buffer,
        final int offset,
        final int capturedLength,
        final int originalLength,
        final long timestampSeconds,
        final int timestampNanos,
        final long number,
        final int linkType,
        final int fcsLength)
    {
        this.buffer = buffer;
        this.offset = offset;
        this.capturedLength = capturedLength;
        this.originalLength = originalLength;
        this.timestampSeconds = timestampSeconds;
        this.timestampNanos = timestampNanos;
        this.number = number;
        this.linkType = linkType;
        this.fcsLength = fcsLength;
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
     * Where the IP packet starts: at {@link #offset()} for RAW, IPV4 and IPV6 files; behind the 14-byte Ethernet
     * header for ETHERNET files when its EtherType is IPv4 or IPv6.
     *
     * @return buffer index of the IP header, or -1 if this record holds no IP packet (ARP, VLAN tag, runt frame).
     */
    public int ipOffset()
    {
        if (PcapLinkType.isRawIp(linkType))
        {
            return offset;
        }
        if (capturedLength < EthernetHeader.HEADER_LENGTH)
        {
            return -1;
        }
        final int etherType = buffer.getShort(offset + EthernetHeader.ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        return etherType == EthernetHeader.ETHERTYPE_IPV4 || etherType == EthernetHeader.ETHERTYPE_IPV6 ?
            offset + EthernetHeader.HEADER_LENGTH : -1;
    }

    /**
     * @return captured bytes from {@link #ipOffset()} to the record end, less a trailing Frame Check Sequence the
     * file header announces (only when the frame was captured whole); -1 if {@link #ipOffset()} is -1.
     */
    public int ipLength()
    {
        final int ipOffset = ipOffset();
        if (ipOffset < 0)
        {
            return -1;
        }
        final int trailer = isTruncated() ? 0 : fcsLength;
        return Math.max(0, capturedLength - (ipOffset - offset) - trailer);
    }

    /**
     * @return the file's link type ({@link PcapLinkType}).
     */
    public int linkType()
    {
        return linkType;
    }
}
