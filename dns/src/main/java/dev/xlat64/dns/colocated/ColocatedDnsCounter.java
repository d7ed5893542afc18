package dev.xlat64.dns.colocated;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterScope;

/**
 * What the DNS64 agent colocated in the gateway counts, beside the resolver's own {@code Dns64Counter}s: the
 * packet side (queries taken off the RX path, answers written to the TX path). Type ids are
 * {@link #TYPE_ID_BASE} + ordinal (6500-6599, {@link CounterScope#DNS64_GATEWAY}) and stable (the counters file
 * is read by another process); labels read {@code "dns64-gateway.<name>"}: one set per gateway, no keys.
 */
public enum ColocatedDnsCounter implements CounterDescriptor
{
    DIVERTED("diverted", "UDP/53 packets to a DNS listen address taken off the RX path into the DNS64 agent's ring."),
    RING_FULL("drop-ring-full", "Queries dropped because the DNS64 agent's ring was full (backpressure, never waited on)."),
    LOCAL("local", "Other packets to the gateway's own addresses: left to its kernel (AF_PACKET only copies them), " +
        "not translated and not counted as translation drops (e.g. upstream DNS answers, ping to the gateway)."),
    QUERIES_IN("queries-in", "Queries read from the ring and handed to the resolver."),
    BAD_CHECKSUM("drop-bad-checksum", "Queries with a wrong IPv4 header or UDP checksum, or a zero UDP checksum " +
        "over IPv6 (RFC 768, RFC 791 §3.1, RFC 8200 §8.1), dropped."),
    ANSWERS_OUT("answers-out", "Answers written as IP/UDP packets into the TX path."),
    TOO_BIG("drop-too-big", "Answers whose packet is longer than the egress MTU, dropped rather than sent broken."),
    TX_RING_FULL("drop-tx-ring-full", "Answers dropped because the TX agent's ring was full."),
    AGENT_ERRORS("agent-errors", "Exceptions caught at the DNS64 agent's boundary (a bug; counted, logged once)."),
    QUERY_TOO_LONG("drop-query-too-long", "Queries longer than one message of the agent's ring, dropped.");

    /** Base of the type ids in the counters file (6400-6499 are the resolver's). */
    public static final int TYPE_ID_BASE = 6500;

    private final String counterName;
    private final String description;

    ColocatedDnsCounter(final String counterName, final String description)
    {
        this.counterName = counterName;
        this.description = description;
    }

    /** @return the name in the label, e.g. {@code queries-in}. */
    @Override
    public String counterName()
    {
        return counterName;
    }

    @Override
    public String description()
    {
        return description;
    }

    @Override
    public int typeId()
    {
        return TYPE_ID_BASE + ordinal();
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.DNS64_GATEWAY;
    }
}
