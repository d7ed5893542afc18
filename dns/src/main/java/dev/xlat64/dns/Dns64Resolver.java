package dev.xlat64.dns;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.dns.cache.CachedResponse;
import dev.xlat64.dns.cache.ResponseCache;
import dev.xlat64.dns.synth.Ipv4OnlyArpa;
import dev.xlat64.dns.synth.Synthesizer;
import dev.xlat64.dns.upstream.UpstreamClient;
import dev.xlat64.dns.wire.ErrorResponses;
import dev.xlat64.dns.wire.QueryFault;
import dev.xlat64.dns.wire.QueryParser;
import dev.xlat64.dns.wire.Truncation;
import org.agrona.concurrent.NanoClock;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The DNS64 engine for one thread: raw query bytes in, answer bytes out through a {@link ResponseHandler},
 * without owning any client socket, so the standalone server and a colocated gateway agent drive it alike.
 * <p>
 * The cache-hit path parses the query in place ({@link QueryParser}), checks the ACL, looks the answer up by
 * the lower-cased question and copies it out with the ID, RD, the question's letter case and the TTLs
 * patched: no allocation. A miss goes to {@link Dns64Flows} (dnsjava messages, upstream questions through the
 * non-blocking {@link UpstreamClient}); its answers come back from {@link #doWork(long)}.
 * Not thread-safe: one instance per thread. Nothing thrown by a query escapes {@link #resolve}.
 */
public final class Dns64Resolver implements AutoCloseable
{
    static final int VARIANT_EDNS = 1;
    static final int VARIANT_DO = 2;
    static final int VARIANT_CD = 4;
    static final int VARIANT_DNS64 = 8;
    static final int VARIANT_AD = 16;
    private static final int KEY_HEADER = 5;
    /**
     * Answers larger than this are not cached (they only go over TCP; the largest UDP answer is edns-payload,
     * at most 4096), which bounds the cache at cache-entries x 4 KiB per thread.
     */
    static final int MAX_CACHED_BYTES = 4096;

    private final Dns64Config config;
    private final Dns64Counters counters;
    private final NanoClock clock;
    private final QueryParser parser = new QueryParser();
    private final ResponseCache cache;
    private final UpstreamClient upstream;
    private final Dns64Flows flows;
    private final byte[] key = new byte[KEY_HEADER + MAX_NAME_LENGTH];
    private final ByteBuffer out = ByteBuffer.allocateDirect(65_535 + 2).order(ByteOrder.BIG_ENDIAN);
    private int keyLength;

    public Dns64Resolver(final Dns64Config config, final Dns64Counters counters, final NanoClock clock) throws IOException
    {
        this.config = config;
        this.counters = counters;
        this.clock = clock;
        this.cache = new ResponseCache(Math.max(1, config.cacheEntries()));
        this.upstream = new UpstreamClient(
            config.upstreams(), config.upstreamTimeoutMs(), config.upstreamAttempts(), config.ednsPayload(), config.upstreamMaxOutstanding(), counters, clock);
        this.flows = new Dns64Flows(this, config, counters, upstream,
            new Synthesizer(config.prefixes(), config.excludedIpv6(), config.excludedIpv4()),
            new Ipv4OnlyArpa(config.prefixes(), config.ipv4OnlyArpaTtl()));
    }

    /**
     * Answers one query, now (cache, local and error answers) or later (from {@link #doWork}).
     *
     * @param query   the DNS message from its position to its limit (not consumed; not kept after return).
     * @param client  the client's address (ACL and DNS64 client list).
     * @param tcp     true if the answer goes back over TCP (no UDP size limit).
     * @param context handed back to the handler with the answer.
     */
    public void resolve(
        final ByteBuffer query, final ClientAddress client, final boolean tcp, final Object context,
        final ResponseHandler handler)
    {
        counters.increment(Dns64Counter.QUERIES);
        final long nowNs = clock.nanoTime();
        try
        {
            query.order(ByteOrder.BIG_ENDIAN);
            final QueryFault fault = parser.parse(query);
            switch (fault.action())
            {
                case DROP ->
                {
                    counters.increment(fault == QueryFault.SHORTER_THAN_HEADER ? Dns64Counter.DROPPED_SHORT : Dns64Counter.DROPPED_RESPONSE);
                    return;
                }
                case FORMERR ->
                {
                    counters.increment(Dns64Counter.FORMERR);
                    sendError(query, RCODE_FORMERR, context, handler);
                    return;
                }
                case NOTIMP ->
                {
                    counters.increment(Dns64Counter.NOTIMP);
                    sendError(query, RCODE_NOTIMP, context, handler);
                    return;
                }
                case BADVERS ->
                {
                    counters.increment(Dns64Counter.BADVERS);
                    sendError(query, RCODE_BADVERS, context, handler);
                    return;
                }
                case ANSWER ->
                {
                }
            }
            if (!config.allowedClients().contains(client))
            {
                counters.increment(Dns64Counter.REFUSED_ACL);
                sendError(query, RCODE_REFUSED, context, handler);
                return;
            }
            final boolean dns64 = config.dns64Clients().contains(client);
            buildKey(dns64);
            final CachedResponse hit = cache.lookup(key, keyLength, nowNs);
            if (hit != null)
            {
                counters.increment(Dns64Counter.CACHE_HITS);
                out.clear();
                hit.writeTo(out, query, parser.id(), parser.flags(), parser.nameLength(), nowNs);
                if (!tcp && hit.length() > parser.udpLimit(config.ednsPayload()))
                {
                    counters.increment(Dns64Counter.TRUNCATED);
                    Truncation.truncateInPlace(out, parser.questionEnd(), parser.edns(), parser.dnssecOk(), config.ednsPayload());
                }
                deliver(context, handler);
                return;
            }
            counters.increment(Dns64Counter.CACHE_MISSES);
            final byte[] bytes = new byte[query.remaining()];
            query.get(query.position(), bytes);
            final Message message;
            try
            {
                message = new Message(bytes);
            }
            catch (final IOException ex)
            {
                // dnsjava is stricter about RDATA than the in-place walk.
                counters.increment(Dns64Counter.FORMERR);
                sendError(query, RCODE_FORMERR, context, handler);
                return;
            }
            final PendingQuery pending = new PendingQuery(handler.retainContext(context), handler, tcp, parser.id(), parser.flags(),
                message.getQuestion(), parser.edns(), parser.dnssecOk(), parser.udpLimit(config.ednsPayload()),
                parser.questionEnd(), java.util.Arrays.copyOf(key, keyLength));
            flows.start(pending, dns64, nowNs);
        }
        catch (final RuntimeException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
            if (parser.questionEnd() > 0 || query.remaining() >= HEADER_LENGTH)
            {
                try
                {
                    sendError(query, RCODE_SERVFAIL, context, handler);
                }
                catch (final RuntimeException ignored)
                {
                    counters.increment(Dns64Counter.INTERNAL_ERRORS);
                }
            }
        }
    }

    /**
     * Drives upstream I/O and timeouts; answers to earlier misses are delivered from here.
     *
     * @return the work done (0 when idle).
     */
    public int doWork(final long nowNs)
    {
        try
        {
            return upstream.doWork(nowNs);
        }
        catch (final RuntimeException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
            return 1;
        }
    }

    /** @return the resolver's clock reading (the one its deadlines and TTLs use). */
    long nowNs()
    {
        return clock.nanoTime();
    }

    /** @return the upstream client (its UDP channel can be registered with a selector). */
    public UpstreamClient upstream()
    {
        return upstream;
    }

    public ResponseCache cache()
    {
        return cache;
    }

    public Dns64Counters counters()
    {
        return counters;
    }

    /**
     * Builds the answer message for a pending query, caches it when the RFC 2308 rules allow, and delivers it.
     *
     * @param ad whether the answer may carry AD (only when upstream set it and nothing was synthesized).
     */
    void answer(
        final PendingQuery pending, final int rcode, final List<Record> answer, final List<Record> authority,
        final List<Record> additional, final boolean ad)
    {
        final long nowNs = clock.nanoTime();
        final Message response = new Message(pending.id);
        final var header = response.getHeader();
        header.setFlag(Flags.QR);
        header.setFlag(Flags.RA);
        if ((pending.flags & FLAG_RD) != 0)
        {
            header.setFlag(Flags.RD);
        }
        if (pending.checkingDisabled())
        {
            header.setFlag(Flags.CD);
        }
        // RFC 6840 §5.8: AD only to a client that asked for DNSSEC data (DO) or set AD itself.
        if (ad && (pending.dnssecOk || pending.authenticDataRequested()))
        {
            header.setFlag(Flags.AD);
        }
        header.setRcode(rcode & RCODE_MASK);
        response.addRecord(pending.question, Section.QUESTION);
        addAll(response, answer, Section.ANSWER);
        addAll(response, authority, Section.AUTHORITY);
        addAll(response, additional, Section.ADDITIONAL);
        if (pending.edns)
        {
            response.addRecord(new OPTRecord(config.ednsPayload(), 0, 0, pending.dnssecOk ? ExtendedFlags.DO : 0),
                Section.ADDITIONAL);
        }
        final byte[] wire = response.toWire();
        final long ttl = cacheTtl(rcode, answer, authority);
        if (ttl > 0 && config.cacheEntries() > 0 && wire.length <= MAX_CACHED_BYTES)
        {
            cache.put(new CachedResponse(pending.key, wire, nowNs, ttl), nowNs);
            counters.increment(Dns64Counter.CACHE_STORES);
        }
        out.clear();
        out.put(0, wire);
        out.limit(wire.length);
        if (!pending.tcp && wire.length > pending.udpLimit)
        {
            counters.increment(Dns64Counter.TRUNCATED);
            Truncation.truncateInPlace(out, pending.questionEnd, pending.edns, pending.dnssecOk, config.ednsPayload());
        }
        deliver(pending.context, pending.handler);
    }

    /** Answers a pending query with a bare RCODE (SERVFAIL after upstream failure). */
    void answerError(final PendingQuery pending, final int rcode)
    {
        answer(pending, rcode, List.of(), List.of(), List.of(), false);
    }

    /**
     * RFC 2308: a positive answer lives as long as its shortest TTL; a negative one (NXDOMAIN, NODATA) as long
     * as min(SOA TTL, SOA MINIMUM), and not at all without an SOA (§5); errors are not cached.
     */
    private long cacheTtl(final int rcode, final List<Record> answer, final List<Record> authority)
    {
        final boolean negative = rcode == Rcode.NXDOMAIN || (rcode == Rcode.NOERROR && !hasAnswerData(answer));
        if (negative)
        {
            final long soa = Synthesizer.soaNegativeTtl(authority);
            return soa < 0 ? 0 : Math.min(soa, config.cacheMaxNegativeTtl());
        }
        if (rcode != Rcode.NOERROR)
        {
            return 0;
        }
        long min = config.cacheMaxTtl();
        for (final Record record : answer)
        {
            min = Math.min(min, record.getTTL());
        }
        return min;
    }

    private static boolean hasAnswerData(final List<Record> answer)
    {
        for (final Record record : answer)
        {
            if (record.getType() != Type.CNAME && record.getType() != Type.DNAME && record.getType() != Type.RRSIG)
            {
                return true;
            }
        }
        return false;
    }

    private static void addAll(final Message message, final List<Record> records, final int section)
    {
        for (final Record record : records)
        {
            if (record.getType() != Type.OPT)
            {
                message.addRecord(record, section);
            }
        }
    }

    private void sendError(final ByteBuffer query, final int rcode, final Object context, final ResponseHandler handler)
    {
        out.clear();
        ErrorResponses.write(query, parser, rcode, out, config.ednsPayload());
        deliver(context, handler);
    }

    private void deliver(final Object context, final ResponseHandler handler)
    {
        counters.increment(Dns64Counter.RESPONSES);
        handler.onResponse(context, out);
    }

    /**
     * Key: variant byte (the query bits the answer depends on: EDNS, DO, CD, AD, DNS64 client), QTYPE, QCLASS,
     * lower-cased name.
     */
    private void buildKey(final boolean dns64)
    {
        final int variant = (parser.edns() ? VARIANT_EDNS : 0) | (parser.dnssecOk() ? VARIANT_DO : 0) |
            (parser.checkingDisabled() ? VARIANT_CD : 0) | (dns64 ? VARIANT_DNS64 : 0) |
            (parser.authenticData() ? VARIANT_AD : 0);
        key[0] = (byte)variant;
        key[1] = (byte)(parser.qtype() >>> 8);
        key[2] = (byte)parser.qtype();
        key[3] = (byte)(parser.qclass() >>> 8);
        key[4] = (byte)parser.qclass();
        System.arraycopy(parser.lowerName(), 0, key, KEY_HEADER, parser.nameLength());
        keyLength = KEY_HEADER + parser.nameLength();
    }

    @Override
    public void close() throws IOException
    {
        upstream.close();
    }
}
