package dev.xlat64.dns.synth;

import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Local answers for ipv4only.arpa (RFC 7050 §2.2, RFC 8880 §7.2): a DNS64 answers AAAA queries for it at
 * once with 192.0.0.170 and 192.0.0.171 embedded in each of its prefixes, so clients learn the NAT64 prefix
 * without the query leaving the site; A queries get the two IPv4 addresses; other types of the name get
 * NODATA and names below it NXDOMAIN. The reverse names of the two addresses answer PTR ipv4only.arpa.
 * The Well-Known Prefix embeds these non-global addresses here on purpose: this is the discovery mechanism
 * of RFC 7050 itself.
 */
public final class Ipv4OnlyArpa
{
    public static final Name NAME = Name.fromConstantString("ipv4only.arpa.");
    public static final int WELL_KNOWN_170 = 0xC00000AA;
    public static final int WELL_KNOWN_171 = 0xC00000AB;
    private static final Name REVERSE_170 = ReverseNames.inAddrArpa(WELL_KNOWN_170);
    private static final Name REVERSE_171 = ReverseNames.inAddrArpa(WELL_KNOWN_171);

    private final List<Rfc6052Prefix> prefixes;
    private final long ttl;

    public Ipv4OnlyArpa(final List<Rfc6052Prefix> prefixes, final long ttl)
    {
        this.prefixes = List.copyOf(prefixes);
        this.ttl = ttl;
    }

    /** @return true if this name is answered here. */
    public static boolean handles(final Name qname)
    {
        return qname.subdomain(NAME) || qname.equals(REVERSE_170) || qname.equals(REVERSE_171);
    }

    /** @return true if the name is one of the two reverse names of the well-known IPv4 addresses. */
    public static boolean isWellKnownIpv4(final int ipv4)
    {
        return ipv4 == WELL_KNOWN_170 || ipv4 == WELL_KNOWN_171;
    }

    /**
     * @param qname  a name for which {@link #handles} is true.
     * @param qtype  the query type.
     * @param answer receives the answer records.
     * @return the RCODE.
     */
    public int answer(final Name qname, final int qtype, final int qclass, final List<Record> answer)
    {
        if (qclass != DClass.IN)
        {
            return Rcode.NOERROR;
        }
        if (qname.equals(REVERSE_170) || qname.equals(REVERSE_171))
        {
            if (qtype == Type.PTR || qtype == Type.ANY)
            {
                answer.add(new PTRRecord(qname, DClass.IN, ttl, NAME));
            }
            return Rcode.NOERROR;
        }
        if (!qname.equals(NAME))
        {
            return Rcode.NXDOMAIN;
        }
        if (qtype == Type.AAAA || qtype == Type.ANY)
        {
            for (final Rfc6052Prefix prefix : prefixes)
            {
                answer.add(Synthesizer.aaaa(qname, ttl, prefix, WELL_KNOWN_170));
                answer.add(Synthesizer.aaaa(qname, ttl, prefix, WELL_KNOWN_171));
            }
        }
        if (qtype == Type.A || qtype == Type.ANY)
        {
            answer.add(new ARecord(qname, DClass.IN, ttl, Synthesizer.inet4(WELL_KNOWN_170)));
            answer.add(new ARecord(qname, DClass.IN, ttl, Synthesizer.inet4(WELL_KNOWN_171)));
        }
        return Rcode.NOERROR;
    }

    /** @return PTR ipv4only.arpa under the given owner (for ip6.arpa names of the two addresses). */
    public List<Record> reversePtr(final Name owner)
    {
        final List<Record> records = new ArrayList<>(1);
        records.add(new PTRRecord(owner, DClass.IN, ttl, NAME));
        return records;
    }
}
