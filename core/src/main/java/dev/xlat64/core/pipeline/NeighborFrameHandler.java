package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * Takes ARP frames and NDP messages (ICMPv6 types 133-137, RFC 4861 §4) seen by an {@link RxAgent},
 * so the gateway learns its next hops' link-layer addresses. Called on the RX agent's thread with the frame
 * in place; the implementation copies what it needs and must not block.
 */
@FunctionalInterface
public interface NeighborFrameHandler
{
    /** Ignores every frame; for ports whose next hops are configured statically. */
    NeighborFrameHandler NONE = (port, buffer, offset, length) -> {};

    /**
     * @param port the index of the port the frame came in on.
     * @param buffer the frame's memory.
     * @param offset the start of the Ethernet header.
     * @param length the frame length.
     */
    void onNeighborFrame(int port, DirectBuffer buffer, int offset, int length);
}
