package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * Picks the worker that owns a packet's flow, so a flow's state lives on one thread and needs no lock
 * (DESIGN.md "Data path"). 6to4 packets are keyed by the IPv6 source (the subscriber); 4to6 packets by what
 * identifies the owner on the IPv4 side: for SIIT any stable function of the IPv4 destination, for stateful
 * NAT64 the worker owning the destination port of the pool4 slice.
 */
public interface WorkerSelector
{
    /**
     * @param buffer the IPv6 packet's memory.
     * @param offset the start of the IPv6 header; at least 40 bytes are present.
     * @param workers the number of workers, at least 1.
     * @return a worker index in [0, workers).
     */
    int select6to4(DirectBuffer buffer, int offset, int workers);

    /**
     * @param buffer the IPv4 packet's memory.
     * @param offset the start of the IPv4 header; at least 20 bytes are present.
     * @param workers the number of workers, at least 1.
     * @return a worker index in [0, workers).
     */
    int select4to6(DirectBuffer buffer, int offset, int workers);
}
