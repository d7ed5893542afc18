package dev.xlat64.io.afpacket;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterScope;

/**
 * What a {@link PacketSocket} counts, one entry per event with a sentence for the counters file and
 * {@code xlat64 stats}. Type ids are {@link #TYPE_ID_BASE} + ordinal (300-399, {@link CounterScope#SOCKET}) and
 * stay stable: append new entries at the end. Labels read {@code socket.<name>{port=<interface>}}, e.g.
 * {@code socket.rx-frames{port=eth1}}; the name is the constant's in lower case.
 */
public enum PacketSocketCounter implements CounterDescriptor
{
    RX_FRAMES("Frames handed to the frame handler."),
    RX_BYTES("Bytes of the frames handed to the frame handler (Ethernet header included)."),
    RX_DROP_CHECKSUM_PARTIAL(
        "Frames dropped because the kernel marked them TP_STATUS_CSUMNOTREADY (partial checksum, turn offloads off)."),
    RX_DROP_OVERSIZE(
        "Frames dropped because they were longer than MTU + 14 (GRO/LRO merged frames, turn offloads off)."),
    RX_DROP_TRUNCATED("Frames dropped because the ring holds fewer bytes than the frame had."),
    RX_RING_DROPS("Frames the kernel dropped because the RX ring was full (tp_drops)."),
    RX_RING_FREEZES("Times the kernel found the RX ring full and froze the queue (tp_freeze_q_cnt)."),
    RX_BLOCKS("RX ring blocks consumed and handed back to the kernel."),
    TX_FRAMES("Frames queued in the TX ring."),
    TX_BYTES("Bytes of the frames queued in the TX ring."),
    TX_DROP_RING_FULL("Frames dropped because the next TX ring slot was still owned by the kernel."),
    TX_DROP_OVERSIZE("Frames dropped because they were longer than MTU + 14 or the TX frame slot."),
    TX_KICKS("send() calls that asked the kernel to transmit the TX ring."),
    TX_KICK_ERRORS("send() calls on the TX ring that failed (errno kept in lastErrno).");

    /** Counter type id of the first entry in an Agrona CountersManager. */
    public static final int TYPE_ID_BASE = 300;

    private final String description;

    PacketSocketCounter(final String description)
    {
        this.description = description;
    }

    /** One sentence for operators. */
    @Override
    public String description()
    {
        return description;
    }

    /** The stable Agrona counter type id. */
    @Override
    public int typeId()
    {
        return TYPE_ID_BASE + ordinal();
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.SOCKET;
    }
}
