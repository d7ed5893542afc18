package dev.xlat64.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.dns.synth.Ipv4OnlyArpa;
import dev.xlat64.dns.synth.ReverseNames;
import dev.xlat64.dns.synth.Synthesizer;
import dev.xlat64.dns.upstream.UpstreamClient;
import dev.xlat64.dns.upstream.UpstreamListener;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * What happens to a query that missed the cache (RFC 6147 §5): plain forwarding, AAAA with synthesis,
 * ip6.arpa PTR from in-addr.arpa, and ipv4only.arpa answered locally.
 */
final class Dns64Flows
{
    private final Dns64Resolver resolver;
    private final Dns64Config config;
    private final Dns64Counters counters;
    private final UpstreamClient upstream;
    private final Synthesizer synthesizer;
    private final Ipv4OnlyArpa ipv4OnlyArpa;
    private final long[] address = new long[2];

    Dns64Flows(
        final Dns64Resolver resolver, final Dns64Config config, final Dns64Counters counters, final UpstreamClient upstream,
        final Synthesizer synthesizer, final Ipv4OnlyArpa ipv4OnlyArpa)
    {
        this.resolver = resolver;
        this.config = config;
        this.counters = counters;
        this.upstream = upstream;
        this.synthesizer = synthesizer;
        this.ipv4OnlyArpa = ipv4OnlyArpa;
    }

    void start(final PendingQuery pending, final boolean dns64, final long nowNs)
    {
        final boolean in = pending.dclass() == DClass.IN;
        if (!dns64)
        {
            counters.increment(Dns64Counter.PLAIN_CLIENT);
            forward(pending, nowNs);
            return;
        }
        if (in && config.ipv4OnlyArpa() && Ipv4OnlyArpa.handles(pending.name()))
        {
            counters.increment(Dns64Counter.IPV4ONLY_ARPA);
            final List<Record> answer = new ArrayList<>();
            final int rcode = ipv4OnlyArpa.answer(pending.name(), pending.type(), pending.dclass(), answer);
            resolver.answer(pending, rcode, answer, List.of(), List.of(), false);
            return;
        }
        // RFC 6147 §5.5 item 3: DO and CD set: no synthesis, the data goes back as received.
        final boolean validatingClient = pending.dnssecOk && pending.checkingDisabled();
        if (in && pending.type() == Type.AAAA)
        {
            if (validatingClient)
            {
                counters.increment(Dns64Counter.DNSSEC_PASSTHROUGH);
                forward(pending, nowNs);
                return;
            }
            queryAaaa(pending, nowNs);
            return;
        }
        if (in && pending.type() == Type.PTR && config.ptrMode() != PtrMode.OFF && !validatingClient &&
            ReverseNames.parseIp6Arpa(pending.name(), address))
        {
            for (final Rfc6052Prefix prefix : config.prefixes())
            {
                if (prefix.isValidEmbedded(address[0], address[1]))
                {
                    queryPtr(pending, prefix.extract(address[0], address[1]), nowNs);
                    return;
                }
            }
        }
        counters.increment(Dns64Counter.FORWARDED);
        forward(pending, nowNs);
    }

    /** Any other query: ask upstream the same question and pass the answer through (RFC 6147 §5.3.3). */
    private void forward(final PendingQuery pending, final long nowNs)
    {
        upstream.query(pending.name(), pending.type(), pending.dclass(), pending.dnssecOk, pending.checkingDisabled(),
            listener(pending, answer -> passThrough(pending, answer), () -> servfail(pending)), nowNs);
    }

    /** The next step of a flow: {@code onAnswer} or {@code onFailure}, each run {@link #guarded}. */
    private UpstreamListener listener(final PendingQuery pending, final Consumer<Message> onAnswer, final Runnable onFailure)
    {
        return new UpstreamListener()
        {
            @Override
            public void onAnswer(final Message answer)
            {
                guarded(pending, () -> onAnswer.accept(answer));
            }

            @Override
            public void onFailure()
            {
                guarded(pending, onFailure);
            }
        };
    }

    /**
     * Runs a step of a flow; an exception (a bug, or data dnsjava parsed but we cannot use) is counted and the
     * client gets SERVFAIL instead of silence.
     */
    private void guarded(final PendingQuery pending, final Runnable step)
    {
        try
        {
            step.run();
        }
        catch (final RuntimeException ex)
        {
            counters.increment(Dns64Counter.INTERNAL_ERRORS);
            resolver.answerError(pending, Rcode.SERVFAIL);
        }
    }

    private void passThrough(final PendingQuery pending, final Message answer)
    {
        if (answer.getRcode() == Rcode.NXDOMAIN)
        {
            counters.increment(Dns64Counter.NXDOMAIN);
        }
        resolver.answer(pending, answer.getRcode(), answer.getSection(Section.ANSWER), answer.getSection(Section.AUTHORITY),
            answer.getSection(Section.ADDITIONAL), answer.getHeader().getFlag(Flags.AD));
    }

    private void servfail(final PendingQuery pending)
    {
        counters.increment(Dns64Counter.SERVFAIL_UPSTREAM);
        resolver.answerError(pending, Rcode.SERVFAIL);
    }

    /** RFC 6147 §5.1: ask for AAAA first; real, non-excluded AAAA records win. */
    private void queryAaaa(final PendingQuery pending, final long nowNs)
    {
        // §5.1.3: a timeout is RCODE 2, which §5.1.2 treats as an empty answer: on failure, try A.
        upstream.query(pending.name(), Type.AAAA, DClass.IN, pending.dnssecOk, pending.checkingDisabled(),
            listener(pending, answer -> onAaaa(pending, answer), () -> queryA(pending, null, resolver.nowNs())), nowNs);
    }

    private void onAaaa(final PendingQuery pending, final Message answer)
    {
        final int rcode = answer.getRcode();
        if (rcode == Rcode.NXDOMAIN)
        {
            // §5.1.2: Name Error is returned as in normal DNS operation (counted in passThrough).
            passThrough(pending, answer);
            return;
        }
        if (rcode != Rcode.NOERROR)
        {
            // §5.1.2: any other RCODE is treated as NOERROR with an empty answer.
            queryA(pending, null, resolver.nowNs());
            return;
        }
        int real = 0;
        int excluded = 0;
        for (final Record record : answer.getSection(Section.ANSWER))
        {
            if (record instanceof AAAARecord aaaa)
            {
                if (synthesizer.isExcluded(aaaa))
                {
                    excluded++;
                }
                else
                {
                    real++;
                }
            }
        }
        counters.add(Dns64Counter.AAAA_EXCLUDED, excluded);
        if (real > 0)
        {
            // §5.1.1 and §5.1.4: the real AAAA records go back, without the excluded ones (and, if some were
            // dropped, without the AAAA signatures that no longer match the RRset).
            counters.increment(Dns64Counter.AAAA_REAL);
            final List<Record> kept = excluded == 0 ? answer.getSection(Section.ANSWER) : withoutExcluded(answer);
            resolver.answer(pending, rcode, kept, answer.getSection(Section.AUTHORITY), answer.getSection(Section.ADDITIONAL),
                excluded == 0 && answer.getHeader().getFlag(Flags.AD));
            return;
        }
        // §5.1.6: NODATA, or only excluded AAAA (§5.1.4): synthesize from A.
        queryA(pending, answer, resolver.nowNs());
    }

    private List<Record> withoutExcluded(final Message answer)
    {
        final List<Record> kept = new ArrayList<>();
        for (final Record record : answer.getSection(Section.ANSWER))
        {
            if (record instanceof AAAARecord aaaa && synthesizer.isExcluded(aaaa))
            {
                continue;
            }
            if (record instanceof RRSIGRecord sig && sig.getTypeCovered() == Type.AAAA)
            {
                continue;
            }
            kept.add(record);
        }
        return kept;
    }

    /**
     * @param aaaaAnswer the negative (or all-excluded) AAAA answer, or null when the AAAA query failed.
     */
    private void queryA(final PendingQuery pending, final Message aaaaAnswer, final long nowNs)
    {
        upstream.query(pending.name(), Type.A, DClass.IN, pending.dnssecOk, pending.checkingDisabled(),
            listener(pending, answer -> onA(pending, aaaaAnswer, answer), () -> servfail(pending)), nowNs);
    }

    private void onA(final PendingQuery pending, final Message aaaaAnswer, final Message aAnswer)
    {
        final int rcode = aAnswer.getRcode();
        if (rcode != Rcode.NOERROR)
        {
            // §5.1.6: an error to the A query is the basis of the answer.
            if (rcode == Rcode.NXDOMAIN)
            {
                counters.increment(Dns64Counter.NXDOMAIN);
            }
            resolver.answer(pending, rcode, withoutTypes(aAnswer.getSection(Section.ANSWER), Type.A),
                unsigned(aAnswer.getSection(Section.AUTHORITY)), unsigned(aAnswer.getSection(Section.ADDITIONAL)), false);
            return;
        }
        // §5.1.7: TTL = min(A TTL, the SOA bound of the negative AAAA answer, or 600 s without one).
        final long bound = Synthesizer.negativeTtlBound(aaaaAnswer);
        final List<Record> answer = new ArrayList<>();
        int synthesized = 0;
        int unmapped = 0;
        for (final Record record : aAnswer.getSection(Section.ANSWER))
        {
            if (record instanceof ARecord a)
            {
                final int added = synthesizer.synthesize(a, Math.min(a.getTTL(), bound), answer);
                synthesized += added;
                unmapped += added == 0 ? 1 : 0;
            }
            else if (record.getType() == Type.CNAME || record.getType() == Type.DNAME)
            {
                // §5.1.5: the chain is part of the answer.
                answer.add(record);
            }
        }
        counters.add(Dns64Counter.A_NOT_MAPPED, unmapped);
        if (synthesized == 0)
        {
            counters.increment(Dns64Counter.SYNTHESIS_NO_A);
            if (aaaaAnswer != null)
            {
                // §5.4: with nothing to synthesize, the client gets the answer to its own query.
                resolver.answer(pending, Rcode.NOERROR, withoutExcluded(aaaaAnswer),
                    aaaaAnswer.getSection(Section.AUTHORITY), aaaaAnswer.getSection(Section.ADDITIONAL), false);
            }
            else
            {
                resolver.answer(pending, Rcode.NOERROR, withoutTypes(aAnswer.getSection(Section.ANSWER), Type.A),
                    unsigned(aAnswer.getSection(Section.AUTHORITY)), List.of(), false);
            }
            return;
        }
        counters.increment(Dns64Counter.SYNTHESIZED);
        // §5.4: authority and additional from the A answer; §5.3.2: additional unchanged (but, per §5.5, a
        // synthesized answer carries no signatures and no AD).
        resolver.answer(pending, Rcode.NOERROR, answer, unsigned(aAnswer.getSection(Section.AUTHORITY)),
            unsigned(aAnswer.getSection(Section.ADDITIONAL)), false);
    }

    /** RFC 6147 §5.3.1: a PTR under a DNS64 prefix is answered from the in-addr.arpa name of the embedded IPv4. */
    private void queryPtr(final PendingQuery pending, final int ipv4, final long nowNs)
    {
        if (config.ipv4OnlyArpa() && Ipv4OnlyArpa.isWellKnownIpv4(ipv4))
        {
            counters.increment(Dns64Counter.PTR_SYNTHESIZED);
            resolver.answer(pending, Rcode.NOERROR, ipv4OnlyArpa.reversePtr(pending.name()), List.of(), List.of(), false);
            return;
        }
        final Name target = ReverseNames.inAddrArpa(ipv4);
        upstream.query(target, Type.PTR, DClass.IN, pending.dnssecOk, pending.checkingDisabled(),
            listener(pending, answer -> onPtr(pending, target, answer), () -> servfail(pending)), nowNs);
    }

    private void onPtr(final PendingQuery pending, final Name target, final Message ptrAnswer)
    {
        final int rcode = ptrAnswer.getRcode();
        final List<Record> upstreamAnswer = ptrAnswer.getSection(Section.ANSWER);
        final List<Record> answer = new ArrayList<>();
        counters.increment(Dns64Counter.PTR_SYNTHESIZED);
        if (rcode == Rcode.NXDOMAIN)
        {
            counters.increment(Dns64Counter.NXDOMAIN);
        }
        if (config.ptrMode() == PtrMode.CNAME)
        {
            long ttl = Synthesizer.NO_SOA_TTL;
            for (final Record record : upstreamAnswer)
            {
                ttl = Math.min(ttl, record.getTTL());
            }
            answer.add(new CNAMERecord(pending.name(), DClass.IN, ttl, target));
            answer.addAll(unsigned(upstreamAnswer));
            resolver.answer(pending, rcode, answer, unsigned(ptrAnswer.getSection(Section.AUTHORITY)), List.of(), false);
            return;
        }
        for (final Record record : upstreamAnswer)
        {
            if (record instanceof PTRRecord ptr)
            {
                answer.add(new PTRRecord(pending.name(), DClass.IN, ptr.getTTL(), ptr.getTarget()));
            }
        }
        // The in-addr.arpa SOA does not belong under an ip6.arpa owner: negative answers go without authority.
        resolver.answer(pending, rcode, answer, List.of(), List.of(), false);
    }

    private static List<Record> withoutTypes(final List<Record> records, final int type)
    {
        final List<Record> kept = new ArrayList<>(records.size());
        for (final Record record : records)
        {
            if (record.getType() != type && record.getType() != Type.RRSIG)
            {
                kept.add(record);
            }
        }
        return kept;
    }

    /** Drops DNSSEC records (RRSIG, NSEC, NSEC3) from a section of a synthesized answer (RFC 6147 §5.5). */
    private static List<Record> unsigned(final List<Record> records)
    {
        final List<Record> kept = new ArrayList<>(records.size());
        for (final Record record : records)
        {
            final int type = record.getType();
            if (type != Type.RRSIG && type != Type.NSEC && type != Type.NSEC3)
            {
                kept.add(record);
            }
        }
        return kept;
    }
}
