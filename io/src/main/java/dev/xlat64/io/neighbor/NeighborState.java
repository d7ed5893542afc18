package dev.xlat64.io.neighbor;

/**
 * States of a neighbor cache entry, after RFC 4861 §7.3.2 (used for ARP too). DELAY is folded into PROBE:
 * the gateway has no upper-layer reachability hints (it forwards, it does not run TCP), so a STALE entry
 * in use is probed at once.
 */
public enum NeighborState
{
    /** Free slot. */
    EMPTY,
    /** Resolution in progress: solicitations sent, no link-layer address yet; packets wait in the queue. */
    INCOMPLETE,
    /** Confirmed by a solicited answer less than reachable-time ago. */
    REACHABLE,
    /** Known address, not confirmed recently; used as is, probed on next use. */
    STALE,
    /** Known address in use, unicast solicitations sent to confirm it. */
    PROBE,
    /** Resolution failed; the next packet starts a new one. */
    FAILED,
    /** Configured by hand: never solicited, never expires. */
    STATIC
}
