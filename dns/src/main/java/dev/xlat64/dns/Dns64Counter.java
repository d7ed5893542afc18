package dev.xlat64.dns;

import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterScope;

/**
 * Every outcome the DNS64 engine counts, each with a sentence. Type ids are {@link #TYPE_ID_BASE} + ordinal
 * (6400-6499, {@link CounterScope#DNS64}) and stable: the counters file is read by other processes, so entries
 * are only appended. Labels read {@code dns64.<name>{agent=<thread>}}, e.g. {@code dns64.cache-hits{agent=dns-0}}.
 */
public enum Dns64Counter implements CounterDescriptor
{
    QUERIES("Queries received (any outcome)."),
    RESPONSES("Responses handed to the transport."),
    DROPPED_SHORT("Messages shorter than a DNS header, dropped."),
    DROPPED_RESPONSE("Messages with QR=1 (responses) received as queries, dropped."),
    FORMERR("Malformed queries answered with FORMERR."),
    NOTIMP("Queries with an opcode other than QUERY answered with NOTIMP."),
    BADVERS("Queries with an EDNS version above 0 answered with BADVERS."),
    REFUSED_ACL("Queries from clients outside the ACL answered with REFUSED."),
    CACHE_HITS("Queries answered from the cache."),
    CACHE_MISSES("Queries not in the cache, sent upstream."),
    CACHE_STORES("Answers stored in the cache."),
    SYNTHESIZED("AAAA answers synthesized from A records (RFC 6147 §5.1.7)."),
    SYNTHESIS_NO_A("AAAA queries with no AAAA and no mappable A: the negative answer was returned."),
    AAAA_REAL("AAAA queries answered with real (non-excluded) AAAA records."),
    AAAA_EXCLUDED("AAAA records dropped because they lie in an excluded range (RFC 6147 §5.1.4)."),
    A_NOT_MAPPED("A records not mapped: in an excluded IPv4 range or refused under the Well-Known Prefix."),
    NXDOMAIN("Answers with NXDOMAIN passed to clients."),
    DNSSEC_PASSTHROUGH("Queries with DO and CD answered untouched, without synthesis (RFC 6147 §5.5)."),
    PLAIN_CLIENT("Queries from clients outside the DNS64 client list, answered without DNS64."),
    FORWARDED("Queries of other types forwarded and passed through."),
    PTR_SYNTHESIZED("ip6.arpa PTR queries under a DNS64 prefix answered from in-addr.arpa (RFC 6147 §5.3.1)."),
    IPV4ONLY_ARPA("ipv4only.arpa queries answered locally (RFC 8880)."),
    SERVFAIL_UPSTREAM("Queries answered with SERVFAIL because no upstream answered in time."),
    TRUNCATED("UDP answers too large for the client, sent with TC=1."),
    UPSTREAM_QUERIES("Queries sent upstream (every attempt)."),
    UPSTREAM_TIMEOUTS("Upstream attempts that timed out."),
    UPSTREAM_FAILOVER("Upstream attempts retried on another upstream (timeout, REFUSED, NOTIMP, FORMERR, I/O error)."),
    UPSTREAM_TCP_FALLBACK("Upstream UDP answers with TC=1 retried over TCP."),
    UPSTREAM_MALFORMED("Upstream messages that did not parse."),
    UPSTREAM_MISMATCH("Upstream messages that matched no outstanding query (ID, source or question), ignored."),
    UPSTREAM_IO_ERRORS("Upstream socket errors."),
    UPSTREAM_OVERLOAD("Upstream questions refused at once because too many were already in flight."),
    INTERNAL_ERRORS("Exceptions caught at the engine boundary (a bug; answered with SERVFAIL when possible)."),
    SEND_FAILED("Answers that could not be sent (socket buffer full or connection closed)."),
    TCP_CONNECTIONS("TCP connections accepted from clients."),
    TCP_REJECTED("TCP connections closed at once because the per-thread limit was reached."),
    AGENT_ERRORS("Exceptions that escaped a DNS64 server thread's duty cycle (a bug; its runner logged it and went on).");

    /** Base of the type ids in the counters file. */
    public static final int TYPE_ID_BASE = 6400;

    private final String description;

    Dns64Counter(final String description)
    {
        this.description = description;
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
        return CounterScope.DNS64;
    }
}
