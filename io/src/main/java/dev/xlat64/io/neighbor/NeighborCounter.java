package dev.xlat64.io.neighbor;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterScope;

/**
 * What a {@link NeighborResolver} counts, one entry per event with a sentence. Type ids are
 * {@link #TYPE_ID_BASE} + ordinal (400-499, {@link CounterScope#NEIGHBOR}) and stay stable: append new entries
 * at the end. Labels read {@code neighbor.<name>{port=<interface>}}, e.g. {@code neighbor.arp-learned{port=eth1}};
 * the name is the constant's in lower case.
 */
public enum NeighborCounter implements CounterDescriptor
{
    ARP_REQUESTS_SENT("ARP requests sent to resolve or re-confirm an IPv4 next hop."),
    NEIGHBOR_SOLICITATIONS_SENT("Neighbor Solicitations sent to resolve or re-confirm an IPv6 next hop."),
    SOLICITATIONS_NOT_SENT("ARP requests or Neighbor Solicitations the TX ring refused."),
    ARP_LEARNED("ARP packets that set or confirmed the link-layer address of a cached next hop."),
    NDP_LEARNED("Neighbor Advertisements or Solicitations that set or confirmed a cached next hop."),
    ARP_INVALID("ARP packets ignored: not Ethernet/IPv4, or truncated."),
    NDP_INVALID(
        "NS/NA ignored: hop limit not 255, code not 0, bad checksum, short, multicast target or bad option (RFC 4861 §7.1)."),
    RESOLUTIONS_FAILED("Next hops that did not answer any solicitation (entry set FAILED)."),
    UNRESOLVED("Lookups that found no usable link-layer address (resolution started or in progress)."),
    QUEUED("Frames queued while their next hop was being resolved."),
    QUEUED_SENT("Queued frames sent once their next hop was resolved."),
    QUEUE_DROP_FULL("Frames dropped: the resolution queue (or the next hop's share of it) was full."),
    QUEUE_DROP_FAILED("Queued frames dropped because their next hop could not be resolved."),
    QUEUE_DROP_TX_FULL("Queued frames dropped because the TX ring refused them on resolution."),
    TABLE_FULL("New next hops refused because the neighbor table was full."),
    ENTRIES_EXPIRED("Stale or failed entries removed after the garbage-collection time.");

    /** Counter type id of the first entry in an Agrona CountersManager. */
    public static final int TYPE_ID_BASE = 400;

    private final String description;

    NeighborCounter(final String description)
    {
        this.description = description;
    }

    /** One sentence for operators. */
    @Override
    public String description()
    {
        return description;
    }

    /** The stable Agrona counter type id. */
    @Override
    public int typeId()
    {
        return TYPE_ID_BASE + ordinal();
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.NEIGHBOR;
    }
}
