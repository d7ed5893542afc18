package dev.xlat64.io.neighbor;

/**
 * Timers and sizes of a {@link NeighborResolver}. Defaults follow RFC 4861 §10 (REACHABLE_TIME 30 s,
 * RETRANS_TIMER 1 s, MAX_MULTICAST_SOLICIT 3, MAX_UNICAST_SOLICIT 3) and apply to ARP as well.
 */
public final class NeighborConfig
{
    int capacity = 1024;
    long reachableTimeNs = 30_000_000_000L;
    long retransmitTimeNs = 1_000_000_000L;
    int maxMulticastSolicitations = 3;
    int maxUnicastSolicitations = 3;
    long garbageCollectionTimeNs = 60_000_000_000L;
    int queueSlots = 64;
    int queueSlotBytes = 2048;
    int queuePerNeighbor = 3;

    /** Neighbor table slots, a power of two; at most three quarters are used (default 1024). */
    public NeighborConfig capacity(final int slots)
    {
        require("capacity", slots, 2, 1 << 24);
        if (Integer.bitCount(slots) != 1)
        {
            throw new IllegalArgumentException("capacity " + slots + ": expected a power of two");
        }
        this.capacity = slots;
        return this;
    }

    /** How long an answer keeps an entry REACHABLE (RFC 4861 REACHABLE_TIME, default 30 000 ms). */
    public NeighborConfig reachableTimeMs(final long ms)
    {
        this.reachableTimeNs = require("reachableTimeMs", ms, 1, 3_600_000) * 1_000_000L;
        return this;
    }

    /** Time between solicitations for one next hop (RFC 4861 RETRANS_TIMER, default 1000 ms). */
    public NeighborConfig retransmitTimeMs(final long ms)
    {
        this.retransmitTimeNs = require("retransmitTimeMs", ms, 1, 60_000) * 1_000_000L;
        return this;
    }

    /** Broadcast/multicast solicitations before a new next hop is FAILED (default 3). */
    public NeighborConfig maxMulticastSolicitations(final int count)
    {
        this.maxMulticastSolicitations = (int)require("maxMulticastSolicitations", count, 1, 100);
        return this;
    }

    /** Unicast probes of a STALE next hop in use before it is FAILED (default 3). */
    public NeighborConfig maxUnicastSolicitations(final int count)
    {
        this.maxUnicastSolicitations = (int)require("maxUnicastSolicitations", count, 1, 100);
        return this;
    }

    /** How long an unused STALE or FAILED entry stays before it is removed (default 60 000 ms). */
    public NeighborConfig garbageCollectionTimeMs(final long ms)
    {
        this.garbageCollectionTimeNs = require("garbageCollectionTimeMs", ms, 1, 86_400_000) * 1_000_000L;
        return this;
    }

    /** Frames held in total while their next hops are resolved; 0 drops them instead (default 64). */
    public NeighborConfig queueSlots(final int slots)
    {
        this.queueSlots = (int)require("queueSlots", slots, 0, 65_536);
        return this;
    }

    /** Longest frame the queue holds (default 2048). */
    public NeighborConfig queueSlotBytes(final int bytes)
    {
        this.queueSlotBytes = (int)require("queueSlotBytes", bytes, 64, 65_536);
        return this;
    }

    /** Frames held per next hop, like Linux unres_qlen (default 3). */
    public NeighborConfig queuePerNeighbor(final int frames)
    {
        this.queuePerNeighbor = (int)require("queuePerNeighbor", frames, 1, 65_536);
        return this;
    }

    private static long require(final String key, final long value, final long min, final long max)
    {
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(key + " " + value + ": expected " + min + " to " + max);
        }
        return value;
    }
}
