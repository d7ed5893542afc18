package dev.xlat64.io.afpacket;

/**
 * What a {@link PacketSocket} counts, one entry per event with a sentence for the counters file and
 * {@code xlat64 stats}. Type ids are {@link #TYPE_ID_BASE} + ordinal and stay stable: append new entries
 * at the end.
 */
public enum PacketSocketCounter
{
    RX_FRAMES("rx-frames", "Frames handed to the frame handler."),
    RX_BYTES("rx-bytes", "Bytes of the frames handed to the frame handler (Ethernet header included)."),
    RX_DROP_CHECKSUM_PARTIAL("rx-drop-checksum-partial",
        "Frames dropped because the kernel marked them TP_STATUS_CSUMNOTREADY (partial checksum, turn offloads off)."),
    RX_DROP_OVERSIZE("rx-drop-oversize",
        "Frames dropped because they were longer than MTU + 14 (GRO/LRO merged frames, turn offloads off)."),
    RX_DROP_TRUNCATED("rx-drop-truncated", "Frames dropped because the ring holds fewer bytes than the frame had."),
    RX_RING_DROPS("rx-ring-drops", "Frames the kernel dropped because the RX ring was full (tp_drops)."),
    RX_RING_FREEZES("rx-ring-freezes", "Times the kernel found the RX ring full and froze the queue (tp_freeze_q_cnt)."),
    RX_BLOCKS("rx-blocks", "RX ring blocks consumed and handed back to the kernel."),
    TX_FRAMES("tx-frames", "Frames queued in the TX ring."),
    TX_BYTES("tx-bytes", "Bytes of the frames queued in the TX ring."),
    TX_DROP_RING_FULL("tx-drop-ring-full", "Frames dropped because the next TX ring slot was still owned by the kernel."),
    TX_DROP_OVERSIZE("tx-drop-oversize", "Frames dropped because they were longer than MTU + 14 or the TX frame slot."),
    TX_KICKS("tx-kicks", "send() calls that asked the kernel to transmit the TX ring."),
    TX_KICK_ERRORS("tx-kick-errors", "send() calls on the TX ring that failed (errno kept in lastErrno).");

    /** Counter type id of the first entry in an Agrona CountersManager. */
    public static final int TYPE_ID_BASE = 300;

    private final String label;
    private final String description;

    PacketSocketCounter(final String label, final String description)
    {
        this.label = label;
        this.description = description;
    }

    /** Short label, appended to the socket's label prefix in the counters file. */
    public String label()
    {
        return label;
    }

    /** One sentence for operators. */
    public String description()
    {
        return description;
    }

    /** The stable Agrona counter type id. */
    public int typeId()
    {
        return TYPE_ID_BASE + ordinal();
    }
}
