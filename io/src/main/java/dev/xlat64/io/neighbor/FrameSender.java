package dev.xlat64.io.neighbor;

import org.agrona.DirectBuffer;

/**
 * Where a {@link NeighborResolver} puts the frames it sends (solicitations, released queued frames):
 * usually {@code packetSocket::send} of the port's TX ring. The owner flushes the ring in its duty cycle.
 */
@FunctionalInterface
public interface FrameSender
{
    /** Queues one Ethernet frame for transmission; false when it was refused (ring full). */
    boolean send(DirectBuffer buffer, int offset, int length);
}
