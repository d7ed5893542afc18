package dev.xlat64.io.pcap;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.MacAddress;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes a classic pcap file (draft-ietf-opsawg-pcap) with link type RAW (101) or ETHERNET (1), version 2.4, through
 * one reusable direct buffer: no allocation per record. See {@link PcapReader} and {@link PcapRecord} for the layouts.
 * Not thread-safe. Call {@link #close()} (or {@link #flush()}) to get the last records onto disk.
 */
public final class PcapWriter implements AutoCloseable
{
    /** Snapshot length written by {@link #create(Path, int)}: libpcap's maximum. */
    public static final int DEFAULT_SNAP_LENGTH = PcapReader.MAX_CAPTURED_LENGTH;
    /** Source MAC of the Ethernet header {@link #writeIpPacket} makes up: 02:00:00:00:00:01 (locally administered). */
    public static final long DEFAULT_SOURCE_MAC = 0x0200_0000_0001L;
    /** Destination MAC of the Ethernet header {@link #writeIpPacket} makes up: 02:00:00:00:00:02. */
    public static final long DEFAULT_DESTINATION_MAC = 0x0200_0000_0002L;

    private static final int ETHERNET_HEADER_LENGTH = EthernetHeader.HEADER_LENGTH;
    private static final int MIN_BUFFER_BYTES = 1 << 16;

    private final WritableByteChannel channel;
    private final ByteBuffer byteBuffer;
    private final UnsafeBuffer buffer;
    private final int linkType;
    private final PcapPrecision precision;
    private final ByteOrder byteOrder;
    private final int snapLength;
    private long sourceMac = DEFAULT_SOURCE_MAC;
    private long destinationMac = DEFAULT_DESTINATION_MAC;
    private long recordCount;
    private int used;

    private PcapWriter(
        final WritableByteChannel channel,
        final int linkType,
        final PcapPrecision precision,
        final ByteOrder byteOrder,
        final int snapLength) throws IOException
    {
        if (linkType != PcapLinkType.RAW && linkType != PcapLinkType.ETHERNET)
        {
            throw new IllegalArgumentException("pcap link type " + PcapLinkType.name(linkType) +
                " cannot be written; use ETHERNET (1) or RAW (101)");
        }
        if (snapLength < 1 || snapLength > PcapReader.MAX_CAPTURED_LENGTH)
        {
            throw new IllegalArgumentException(
                "pcap snap length " + snapLength + " is out of range; expected 1 to " + PcapReader.MAX_CAPTURED_LENGTH);
        }
        this.channel = channel;
        this.linkType = linkType;
        this.precision = precision;
        this.byteOrder = byteOrder;
        this.snapLength = snapLength;
        this.byteBuffer = ByteBuffer.allocateDirect(
            Math.max(MIN_BUFFER_BYTES, PcapReader.RECORD_HEADER_LENGTH + ETHERNET_HEADER_LENGTH + snapLength));
        this.buffer = new UnsafeBuffer(byteBuffer);

        buffer.putInt(0, precision.magic(), byteOrder);
        buffer.putShort(4, (short)2, byteOrder);
        buffer.putShort(6, (short)4, byteOrder);
        buffer.putInt(8, 0, byteOrder);
        buffer.putInt(12, 0, byteOrder);
        buffer.putInt(16, snapLength, byteOrder);
        buffer.putInt(20, linkType, byteOrder);
        used = PcapReader.FILE_HEADER_LENGTH;
    }

    /**
     * A microsecond, little-endian file with snap length {@link #DEFAULT_SNAP_LENGTH}, as tcpdump writes on x86.
     *
     * @param path     file to create or truncate.
     * @param linkType {@link PcapLinkType#RAW} or {@link PcapLinkType#ETHERNET}.
     * @return the writer, file header already buffered.
     * @throws IOException if the file cannot be opened.
     */
    public static PcapWriter create(final Path path, final int linkType) throws IOException
    {
        return create(path, linkType, PcapPrecision.MICROSECONDS);
    }

    /**
     * @param path      file to create or truncate.
     * @param linkType  {@link PcapLinkType#RAW} or {@link PcapLinkType#ETHERNET}.
     * @param precision timestamp resolution.
     * @return the writer, file header already buffered.
     * @throws IOException if the file cannot be opened.
     */
    public static PcapWriter create(final Path path, final int linkType, final PcapPrecision precision)
        throws IOException
    {
        final FileChannel channel = FileChannel.open(path,
            StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        try
        {
            return new PcapWriter(channel, linkType, precision, ByteOrder.LITTLE_ENDIAN, DEFAULT_SNAP_LENGTH);
        }
        catch (final RuntimeException ex)
        {
            channel.close();
            throw ex;
        }
    }

    /**
     * @param channel    to write to; closed by {@link #close()}.
     * @param linkType   {@link PcapLinkType#RAW} or {@link PcapLinkType#ETHERNET}.
     * @param precision  timestamp resolution.
     * @param byteOrder  byte order of the header fields.
     * @param snapLength largest captured length; longer packets are cut (original length kept).
     * @return the writer, file header already buffered.
     * @throws IOException never in practice (nothing is written before the first flush).
     */
    public static PcapWriter of(
        final WritableByteChannel channel,
        final int linkType,
        final PcapPrecision precision,
        final ByteOrder byteOrder,
        final int snapLength) throws IOException
    {
        return new PcapWriter(channel, linkType, precision, byteOrder, snapLength);
    }

    /**
     * Set the MAC addresses of the Ethernet headers {@link #writeIpPacket} makes up on an ETHERNET file.
     *
     * @param source      48-bit source MAC.
     * @param destination 48-bit destination MAC.
     * @return this.
     */
    public PcapWriter ethernetAddresses(final long source, final long destination)
    {
        this.sourceMac = source;
        this.destinationMac = destination;
        return this;
    }

    /**
     * Write one record holding exactly the given bytes (a frame for ETHERNET, an IP packet for RAW), cut to the snap
     * length.
     *
     * @param packet      holding the bytes.
     * @param offset      first byte.
     * @param length      bytes on the wire.
     * @param timestampNs nanoseconds since the epoch.
     * @throws IOException if a flush fails.
     */
    public void write(final DirectBuffer packet, final int offset, final int length, final long timestampNs)
        throws IOException
    {
        final int captured = Math.min(length, snapLength);
        final int dataIndex = beginRecord(captured, length, timestampNs);
        buffer.putBytes(dataIndex, packet, offset, captured);
        used = dataIndex + captured;
        recordCount++;
    }

    /**
     * Write one IP packet: as is in a RAW file; behind a made-up Ethernet header (see {@link #ethernetAddresses}) in an
     * ETHERNET file, with the EtherType taken from the version nibble.
     *
     * @param packet      holding the IP packet.
     * @param offset      first byte of the IP header.
     * @param length      bytes of the IP packet.
     * @param timestampNs nanoseconds since the epoch.
     * @throws IOException if a flush fails.
     * @throws IllegalArgumentException if an ETHERNET file gets a packet whose version is neither 4 nor 6.
     */
    public void writeIpPacket(final DirectBuffer packet, final int offset, final int length, final long timestampNs)
        throws IOException
    {
        if (linkType == PcapLinkType.RAW)
        {
            write(packet, offset, length, timestampNs);
            return;
        }
        final int version = length > 0 ? (packet.getByte(offset) & 0xF0) >>> 4 : 0;
        final int etherType;
        if (version == 4)
        {
            etherType = EthernetHeader.ETHERTYPE_IPV4;
        }
        else if (version == 6)
        {
            etherType = EthernetHeader.ETHERTYPE_IPV6;
        }
        else
        {
            throw new IllegalArgumentException("IP version " + version + " cannot be given an EtherType (expected 4 or 6)");
        }
        final int frameLength = ETHERNET_HEADER_LENGTH + length;
        final int captured = Math.min(frameLength, snapLength);
        final int dataIndex = beginRecord(captured, frameLength, timestampNs);
        MacAddress.put(buffer, dataIndex + EthernetHeader.DESTINATION_OFFSET, destinationMac);
        MacAddress.put(buffer, dataIndex + EthernetHeader.SOURCE_OFFSET, sourceMac);
        buffer.putShort(dataIndex + EthernetHeader.ETHER_TYPE_OFFSET, (short)etherType, ByteOrder.BIG_ENDIAN);
        final int ipCaptured = Math.max(0, captured - ETHERNET_HEADER_LENGTH);
        buffer.putBytes(dataIndex + ETHERNET_HEADER_LENGTH, packet, offset, ipCaptured);
        used = dataIndex + captured;
        recordCount++;
    }

    private int beginRecord(final int captured, final int original, final long timestampNs) throws IOException
    {
        if (used + PcapReader.RECORD_HEADER_LENGTH + captured > buffer.capacity())
        {
            flush();
        }
        final long seconds = Math.floorDiv(timestampNs, 1_000_000_000L);
        final long nanos = Math.floorMod(timestampNs, 1_000_000_000L);
        buffer.putInt(used, (int)seconds, byteOrder);
        buffer.putInt(used + 4, (int)(nanos / precision.nanosPerUnit()), byteOrder);
        buffer.putInt(used + 8, captured, byteOrder);
        buffer.putInt(used + 12, original, byteOrder);
        return used + PcapReader.RECORD_HEADER_LENGTH;
    }

    /**
     * Write everything buffered to the channel.
     *
     * @throws IOException if writing fails.
     */
    public void flush() throws IOException
    {
        byteBuffer.clear().limit(used);
        while (byteBuffer.hasRemaining())
        {
            channel.write(byteBuffer);
        }
        used = 0;
    }

    /**
     * @return records written so far.
     */
    public long recordCount()
    {
        return recordCount;
    }

    /**
     * @return the link type written into the file header.
     */
    public int linkType()
    {
        return linkType;
    }

    /**
     * Flush what is buffered and close the underlying channel.
     *
     * @throws IOException if writing or closing fails.
     */
    @Override
    public void close() throws IOException
    {
        try
        {
            flush();
        }
        finally
        {
            channel.close();
        }
    }
}
