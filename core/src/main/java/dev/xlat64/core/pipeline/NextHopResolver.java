package dev.xlat64.core.pipeline;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Gives a TX agent the Ethernet destination of an outgoing IP packet: the next hop's MAC from a neighbor cache
 * (ARP, RFC 826; NDP, RFC 4861) or a statically configured one. Called only on the TX agent's thread, which owns
 * the port's transmit ring: the resolver may send its own frames (requests, held frames) through the port, and
 * the TX agent flushes them with its own.
 */
@FunctionalInterface
public interface NextHopResolver
{
    /** Returned when the next hop's MAC is not known (yet). */
    long UNRESOLVED = -1L;

    /**
     * Must not block or allocate; on a miss it may start resolution and return {@link #UNRESOLVED}.
     *
     * @param port the index of the egress port.
     * @param family the packet's family.
     * @param buffer the IP packet's memory.
     * @param offset the start of the IP header.
     * @param nowNs the TX agent's clock for this duty cycle.
     * @return the MAC in the low 48 bits, or {@link #UNRESOLVED}.
     */
    long resolve(int port, Family family, DirectBuffer buffer, int offset, long nowNs);

    /**
     * Takes a copy of a complete frame whose next hop {@link #resolve} just reported unresolved; the resolver
     * writes the destination MAC and sends it when the answer comes.
     *
     * @return true when the frame is held, false when it is dropped (the TX agent counts the drop).
     */
    default boolean hold(
        final int port, final Family family, final DirectBuffer packet, final int packetOffset,
        final DirectBuffer frame, final int frameOffset, final int frameLength)
    {
        return false;
    }

    /**
     * Learns from an ARP or NDP frame received on {@code port} (handed over from the RX agent).
     */
    default void onNeighborFrame(
        final int port, final MutableDirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
    }

    /**
     * Timers: retransmissions, expiry. Called once per TX duty cycle.
     *
     * @return work done; non-zero when frames may have been queued on the port.
     */
    default int doWork(final long nowNs)
    {
        return 0;
    }

    /**
     * @return a resolver that answers one fixed MAC per family, whatever the destination.
     */
    static NextHopResolver fixed(final long ipv6NextHopMac, final long ipv4NextHopMac)
    {
        return (port, family, buffer, offset, nowNs) -> family == Family.IPV6 ? ipv6NextHopMac : ipv4NextHopMac;
    }
}
