package dev.xlat64.io.afpacket;

import static dev.xlat64.io.afpacket.TpacketLayout.TP_STATUS_CSUMNOTREADY;

/**
 * Reader of a mapped AF_PACKET RX ring: {@link BlockRxRing} for TPACKET_V3, {@link FrameRxRing} for TPACKET_V2.
 * Both drop and count the same faults through {@link #deliverable}, and never hand them to the handler.
 */
interface RxRing
{
    /** Fetches and resets the kernel's drop statistics (called when the ring reports TP_STATUS_LOSING). */
    interface LossReporter
    {
        void onLosing();
    }

    /** Hands up to {@code limit} frames to the handler; returns the frames taken off the ring. */
    int receive(FrameHandler handler, int limit);

    /** True when a frame is waiting. */
    boolean hasFrames();

    /**
     * Whether a received frame goes to the handler; if not, counts why (one reason, in this order): longer than
     * MTU + 14 (GSO/GRO/LRO merged frames, usually checksum-partial too: the bigger fault is named), held only
     * partly by the ring (snaplen &lt; len), TP_STATUS_CSUMNOTREADY (partial transport checksum, so a translated
     * copy would leave with a wrong checksum).
     */
    static boolean deliverable(
        final PacketSocketCounters counters,
        final int status,
        final int length,
        final int snapLength,
        final int maxFrameBytes)
    {
        if (length > maxFrameBytes)
        {
            counters.increment(PacketSocketCounter.RX_DROP_OVERSIZE);
            return false;
        }
        if (snapLength < length)
        {
            counters.increment(PacketSocketCounter.RX_DROP_TRUNCATED);
            return false;
        }
        if ((status & TP_STATUS_CSUMNOTREADY) != 0)
        {
            counters.increment(PacketSocketCounter.RX_DROP_CHECKSUM_PARTIAL);
            return false;
        }
        return true;
    }
}
