package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;

/**
 * Gives the TX agent the Ethernet destination of an outgoing IP packet: the next hop's MAC address from a
 * neighbor cache, or a statically configured one.
 */
@FunctionalInterface
public interface NextHopResolver
{
    /** Returned when the next hop's MAC is not known (yet). */
    long UNRESOLVED = -1L;

    /**
     * Must not block or allocate; on a miss it may start resolution (ARP request, Neighbor Solicitation)
     * and return {@link #UNRESOLVED}, and the packet is dropped and counted.
     *
     * @param port the index of the egress port.
     * @param family the packet's family.
     * @param buffer the IP packet's memory.
     * @param offset the start of the IP header.
     * @return the MAC in the low 48 bits, or {@link #UNRESOLVED}.
     */
    long resolve(int port, Family family, DirectBuffer buffer, int offset);

    /**
     * @return a resolver that answers one fixed MAC per family, whatever the destination.
     */
    static NextHopResolver fixed(final long ipv6NextHopMac, final long ipv4NextHopMac)
    {
        return (port, family, buffer, offset) -> family == Family.IPV6 ? ipv6NextHopMac : ipv4NextHopMac;
    }
}
