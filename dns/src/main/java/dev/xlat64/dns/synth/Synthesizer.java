package dev.xlat64.dns.synth;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Message;

/**
 * The RFC 6147 rules on records: which AAAA records are excluded (§5.1.4), which A records are mapped,
 * under which prefixes (§5.1.7), with which TTL.
 */
public final class Synthesizer
{
    /** RFC 6147 §5.1.7: the cap on a synthesized TTL when the negative AAAA answer carried no SOA. */
    public static final long NO_SOA_TTL = 600;

    private final List<Rfc6052Prefix> prefixes;
    private final List<Ipv6Prefix> excludedIpv6;
    private final List<Ipv4Prefix> excludedIpv4;

    public Synthesizer(final List<Rfc6052Prefix> prefixes, final List<Ipv6Prefix> excludedIpv6, final List<Ipv4Prefix> excludedIpv4)
    {
        this.prefixes = List.copyOf(prefixes);
        this.excludedIpv6 = List.copyOf(excludedIpv6);
        this.excludedIpv4 = List.copyOf(excludedIpv4);
    }

    /** @return true if the AAAA record's address lies in an excluded range (RFC 6147 §5.1.4). */
    public boolean isExcluded(final AAAARecord record)
    {
        final long[] address = address(record);
        final long high = address[0];
        final long low = address[1];
        for (final Ipv6Prefix prefix : excludedIpv6)
        {
            if (prefix.contains(high, low))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * Maps one A record into AAAA records, one per prefix that may carry it, appended to {@code out}.
     *
     * @param ttl the TTL to give them (already the §5.1.7 minimum).
     * @return the number of records added (0 if the address is excluded or refused by every prefix).
     */
    public int synthesize(final ARecord record, final long ttl, final List<Record> out)
    {
        final int ipv4 = ipv4(record);
        for (final Ipv4Prefix excluded : excludedIpv4)
        {
            if (excluded.contains(ipv4))
            {
                return 0;
            }
        }
        int added = 0;
        for (final Rfc6052Prefix prefix : prefixes)
        {
            // RFC 6052 §3.1: the Well-Known Prefix carries global IPv4 addresses only.
            if (prefix.permits(ipv4))
            {
                out.add(aaaa(record.getName(), ttl, prefix, ipv4));
                added++;
            }
        }
        return added;
    }

    /**
     * RFC 6147 §5.1.7 with RFC 2308 §5: the SOA of the negative AAAA answer bounds the synthesized TTL; its
     * negative-caching TTL is the lesser of the SOA record's TTL and its MINIMUM field.
     *
     * @param negative the AAAA answer (may be null when the AAAA query failed).
     * @return that bound, or {@link #NO_SOA_TTL} when no SOA came with it.
     */
    public static long negativeTtlBound(final Message negative)
    {
        final long soa = negative == null ? -1 : soaNegativeTtl(negative.getSection(Section.AUTHORITY));
        return soa < 0 ? NO_SOA_TTL : soa;
    }

    /**
     * RFC 2308 §5: the negative-caching TTL a negative answer's SOA gives.
     *
     * @return min(SOA TTL, SOA MINIMUM) of the first SOA in the authority section, or -1 if none.
     */
    public static long soaNegativeTtl(final List<Record> authority)
    {
        for (final Record record : authority)
        {
            if (record instanceof SOARecord soa)
            {
                return Math.min(soa.getTTL(), soa.getMinimum());
            }
        }
        return -1;
    }

    public List<Rfc6052Prefix> prefixes()
    {
        return prefixes;
    }

    static AAAARecord aaaa(final Name owner, final long ttl, final Rfc6052Prefix prefix, final int ipv4)
    {
        final byte[] bytes = Ipv6Address.of(prefix.embedHigh(ipv4), prefix.embedLow(ipv4)).toBytes();
        try
        {
            // Inet6Address.getByAddress keeps ::ffff:... as IPv6 (InetAddress.getByAddress would not).
            return new AAAARecord(owner, DClass.IN, ttl, Inet6Address.getByAddress(null, bytes, -1));
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * @return {high, low} of the record's address. The JDK turns ::ffff:a.b.c.d into an {@link Inet4Address},
     *     so the 4-byte form is mapped back to ::ffff:0:0/96 here.
     */
    public static long[] address(final AAAARecord record)
    {
        final byte[] bytes = record.getAddress().getAddress();
        if (bytes.length == 4)
        {
            return new long[] {0, 0x0000_FFFF_0000_0000L | (((bytes[0] & 0xFFL) << 24) | ((bytes[1] & 0xFF) << 16) |
                ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF))};
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++)
        {
            high = (high << 8) | (bytes[i] & 0xFF);
            low = (low << 8) | (bytes[i + 8] & 0xFF);
        }
        return new long[] {high, low};
    }

    static InetAddress inet4(final int ipv4)
    {
        try
        {
            return InetAddress.getByAddress(new byte[] {(byte)(ipv4 >>> 24), (byte)(ipv4 >>> 16), (byte)(ipv4 >>> 8), (byte)ipv4});
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    static int ipv4(final ARecord record)
    {
        final byte[] b = ((Inet4Address)record.getAddress()).getAddress();
        return ((b[0] & 0xFF) << 24) | ((b[1] & 0xFF) << 16) | ((b[2] & 0xFF) << 8) | (b[3] & 0xFF);
    }
}
