package dev.xlat64.core.rfc7915;

/**
 * What became of a packet. Each translation step returns one; the translator stops at the first that is not
 * {@link #CONTINUE} (the shape of Jool's {@code verdict}).
 */
public enum Verdict
{
    /** A step's "go on": never returned by {@link Translator#translate6to4} or {@link Translator#translate4to6}. */
    CONTINUE,
    /** The packet (or its fragments, or its hairpinned form) was translated and emitted. */
    TRANSLATED,
    /** The packet was dropped; a {@link dev.xlat64.core.counters.DropReason} counter was incremented. */
    DROPPED,
    /**
     * The packet was dropped and the translator emitted an ICMP error of its own back towards the sender
     * (RFC 7915 §4.4 / §5.4); a drop reason counter was incremented as well.
     */
    ICMP_ERROR_SENT
}
