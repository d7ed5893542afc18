package dev.xlat64.core.pipeline;

import org.agrona.BitUtil;

import dev.xlat64.core.packet.EthernetHeader;

/**
 * Layout of one ring message: a batch of raw IP packets. Rings between agents carry batches, not single
 * packets, so a ring operation is paid once per batch (DESIGN.md "Data path").
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        packet count                           |  batch header (8 bytes)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     bytes used (records)                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       IP packet length                        |  record, repeated (8-byte aligned)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                     family (Family.ordinal)                   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        link headroom (16 bytes: the TX agent writes the       |
 * |        14-byte Ethernet header into its last 14 bytes)        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          IP packet ... padded to a multiple of 8 bytes         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 * All fields are in native order: a batch never leaves the process, only the packets do.
 */
public final class PacketBatch
{
    /** Ring message type id of a packet batch. */
    public static final int MSG_TYPE_ID = 1;

    public static final int COUNT_OFFSET = 0;
    public static final int BYTES_USED_OFFSET = 4;
    public static final int HEADER_LENGTH = 8;

    public static final int RECORD_LENGTH_OFFSET = 0;
    public static final int RECORD_FAMILY_OFFSET = 4;
    public static final int LINK_HEADROOM = 16;
    public static final int RECORD_PACKET_OFFSET = 8 + LINK_HEADROOM;
    public static final int ETHERNET_HEADER_LENGTH = EthernetHeader.HEADER_LENGTH;
    /** Offset of the Ethernet header inside a record, right before the IP packet. */
    public static final int RECORD_ETHERNET_OFFSET = RECORD_PACKET_OFFSET - ETHERNET_HEADER_LENGTH;
    public static final int RECORD_ALIGNMENT = 8;

    private PacketBatch()
    {
    }

    /**
     * @return the bytes a record holding an IP packet of {@code packetLength} bytes takes.
     */
    public static int recordLength(final int packetLength)
    {
        return RECORD_PACKET_OFFSET + BitUtil.align(packetLength, RECORD_ALIGNMENT);
    }

    /**
     * @return the longest IP packet a batch of {@code batchBytes} can hold.
     */
    public static int maxPacketLength(final int batchBytes)
    {
        return ((batchBytes - HEADER_LENGTH - RECORD_PACKET_OFFSET) / RECORD_ALIGNMENT) * RECORD_ALIGNMENT;
    }
}
