package dev.xlat64.io.afpacket;

import org.agrona.MutableDirectBuffer;

/**
 * Receives Ethernet frames in place on a {@link PacketSocket}'s RX ring.
 */
@FunctionalInterface
public interface FrameHandler
{
    /**
     * One Ethernet frame at {@code [offset, offset + length)} of {@code buffer} (the mapped ring). The bytes
     * are valid only during the call; the handler may rewrite them and the
     * {@link PacketSocket#rxHeadroomBytes()} bytes before {@code offset}, nothing after the frame.
     */
    void onFrame(MutableDirectBuffer buffer, int offset, int length);
}
