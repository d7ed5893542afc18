package dev.xlat64.core.pipeline;

import org.agrona.MutableDirectBuffer;

/**
 * Receives one Ethernet frame from a {@link PacketPort}, in place on the port's receive ring.
 * The frame is only valid for the duration of the call.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * @param buffer the memory holding the frame.
     * @param offset where the Ethernet header starts.
     * @param length the frame length in bytes (Ethernet header included, no FCS).
     */
    void onFrame(MutableDirectBuffer buffer, int offset, int length);
}
