package dev.xlat64.io.neighbor;

/**
 * What a {@link NeighborResolver} counts, one entry per event with a sentence. Type ids are
 * {@link #TYPE_ID_BASE} + ordinal and stay stable: append new entries at the end.
 */
public enum NeighborCounter
{
    ARP_REQUESTS_SENT("arp-requests-sent", "ARP requests sent to resolve or re-confirm an IPv4 next hop."),
    NEIGHBOR_SOLICITATIONS_SENT("neighbor-solicitations-sent",
        "Neighbor Solicitations sent to resolve or re-confirm an IPv6 next hop."),
    SOLICITATIONS_NOT_SENT("solicitations-not-sent", "ARP requests or Neighbor Solicitations the TX ring refused."),
    ARP_LEARNED("arp-learned", "ARP packets that set or confirmed the link-layer address of a cached next hop."),
    NDP_LEARNED("ndp-learned", "Neighbor Advertisements or Solicitations that set or confirmed a cached next hop."),
    ARP_INVALID("arp-invalid", "ARP packets ignored: not Ethernet/IPv4, or truncated."),
    NDP_INVALID("ndp-invalid",
        "NS/NA ignored: hop limit not 255, code not 0, bad checksum, short, multicast target or bad option (RFC 4861 §7.1)."),
    RESOLUTIONS_FAILED("resolutions-failed", "Next hops that did not answer any solicitation (entry set FAILED)."),
    UNRESOLVED("unresolved", "Lookups that found no usable link-layer address (resolution started or in progress)."),
    QUEUED("queued", "Frames queued while their next hop was being resolved."),
    QUEUED_SENT("queued-sent", "Queued frames sent once their next hop was resolved."),
    QUEUE_DROP_FULL("queue-drop-full", "Frames dropped: the resolution queue (or the next hop's share of it) was full."),
    QUEUE_DROP_FAILED("queue-drop-failed", "Queued frames dropped because their next hop could not be resolved."),
    QUEUE_DROP_TX_FULL("queue-drop-tx-full", "Queued frames dropped because the TX ring refused them on resolution."),
    TABLE_FULL("table-full", "New next hops refused because the neighbor table was full."),
    ENTRIES_EXPIRED("entries-expired", "Stale or failed entries removed after the garbage-collection time.");

    /** Counter type id of the first entry in an Agrona CountersManager. */
    public static final int TYPE_ID_BASE = 400;

    private final String label;
    private final String description;

    NeighborCounter(final String label, final String description)
    {
        this.label = label;
        this.description = description;
    }

    public String label()
    {
        return label;
    }

    public String description()
    {
        return description;
    }

    public int typeId()
    {
        return TYPE_ID_BASE + ordinal();
    }
}
