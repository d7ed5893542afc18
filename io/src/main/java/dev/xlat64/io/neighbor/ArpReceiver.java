package dev.xlat64.io.neighbor;

import dev.xlat64.core.packet.ArpPacket;
import dev.xlat64.core.packet.HeaderFault;
import org.agrona.MutableDirectBuffer;

/**
 * Reads received ARP packets (RFC 826) and hands the sender's addresses to the resolver: a reply confirms
 * (REACHABLE), a request only tells (STALE). One per resolver.
 */
final class ArpReceiver
{
    private final NeighborResolver resolver;
    private final ArpPacket arp = new ArpPacket();

    ArpReceiver(final NeighborResolver resolver)
    {
        this.resolver = resolver;
    }

    /** {@code offset} is the ARP packet after the Ethernet header, {@code length} the bytes from there. */
    void onPacket(final MutableDirectBuffer buffer, final int offset, final int length, final long nowNs)
    {
        arp.wrap(buffer, offset);
        final int operation;
        if (HeaderFault.NONE != arp.validate(length) ||
            ((operation = arp.operation()) != ArpPacket.OPERATION_REQUEST && operation != ArpPacket.OPERATION_REPLY))
        {
            resolver.counters().increment(NeighborCounter.ARP_INVALID);
            return;
        }
        // RFC 826: merge the sender into an existing entry; add it only when we are the target of the packet.
        final int ownIpv4 = resolver.ownIpv4();
        final boolean forUs = 0 != ownIpv4 && arp.targetProtocolAddress() == ownIpv4;
        resolver.learn(NeighborTable.IPV4, 0, arp.senderProtocolAddress() & 0xFFFF_FFFFL, arp.senderHardwareAddress(),
            ArpPacket.OPERATION_REPLY == operation, true, forUs, nowNs, NeighborCounter.ARP_LEARNED);
    }
}
