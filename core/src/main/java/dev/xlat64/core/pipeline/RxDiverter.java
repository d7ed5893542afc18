package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * A step of the RX agent that can take a packet away from translation before a worker is chosen: the seam
 * where a local service attaches, e.g. DNS64 taking UDP/53 addressed to the gateway's own address.
 */
@FunctionalInterface
public interface RxDiverter
{
    /** Diverts nothing. */
    RxDiverter NONE = (family, buffer, offset, length) -> false;

    /**
     * @param family the packet's family.
     * @param buffer the packet's memory, valid only during the call.
     * @param offset the start of the IP header.
     * @param length the IP packet's length as received.
     * @return true when the packet was taken (it is then not translated), false to let it pass.
     */
    boolean divert(Family family, DirectBuffer buffer, int offset, int length);
}
