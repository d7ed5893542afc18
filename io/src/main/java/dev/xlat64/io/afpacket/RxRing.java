package dev.xlat64.io.afpacket;

/**
 * Reader of a mapped AF_PACKET RX ring: {@link BlockRxRing} for TPACKET_V3, {@link FrameRxRing} for TPACKET_V2.
 * Both drop and count the same faults, in the same order, and never hand them to the handler.
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
}
