package dev.xlat64.dns;

import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;

/**
 * An immutable set of IPv4 and IPv6 prefixes that clients are matched against (the ACL, the DNS64 client
 * list). Linear scan over arrays of primitives: these lists are short, and matching allocates nothing.
 */
public final class ClientAddressSet
{
    private final int[] v4Address;
    private final int[] v4Mask;
    private final long[] v6High;
    private final long[] v6Low;
    private final long[] v6MaskHigh;
    private final long[] v6MaskLow;
    private final List<String> text;

    private ClientAddressSet(final List<Ipv4Prefix> v4, final List<Ipv6Prefix> v6)
    {
        v4Address = new int[v4.size()];
        v4Mask = new int[v4.size()];
        final List<String> all = new ArrayList<>();
        for (int i = 0; i < v4.size(); i++)
        {
            v4Address[i] = v4.get(i).address();
            v4Mask[i] = Ipv4Prefix.mask(v4.get(i).length());
            all.add(v4.get(i).toString());
        }
        v6High = new long[v6.size()];
        v6Low = new long[v6.size()];
        v6MaskHigh = new long[v6.size()];
        v6MaskLow = new long[v6.size()];
        for (int i = 0; i < v6.size(); i++)
        {
            v6High[i] = v6.get(i).high();
            v6Low[i] = v6.get(i).low();
            v6MaskHigh[i] = Ipv6Prefix.maskHigh(v6.get(i).length());
            v6MaskLow[i] = Ipv6Prefix.maskLow(v6.get(i).length());
            all.add(v6.get(i).toString());
        }
        text = List.copyOf(all);
    }

    /** @return a set matching every client. */
    public static ClientAddressSet any()
    {
        return of(List.of("0.0.0.0/0", "::/0"));
    }

    /** @return a set matching loopback clients only (127.0.0.0/8 and ::1). */
    public static ClientAddressSet loopback()
    {
        return of(List.of("127.0.0.0/8", "::1/128"));
    }

    /**
     * @param prefixes IPv4 or IPv6 prefixes in text form (a bare address is a host prefix).
     * @return the set.
     * @throws IllegalArgumentException naming the bad entry.
     */
    public static ClientAddressSet of(final List<String> prefixes)
    {
        final List<Ipv4Prefix> v4 = new ArrayList<>();
        final List<Ipv6Prefix> v6 = new ArrayList<>();
        for (final String prefix : prefixes)
        {
            if (prefix != null && prefix.indexOf(':') >= 0)
            {
                v6.add(Ipv6Prefix.parse(prefix));
            }
            else
            {
                v4.add(Ipv4Prefix.parse(prefix));
            }
        }
        return new ClientAddressSet(v4, v6);
    }

    /** @return true if the client lies in one of the prefixes. */
    public boolean contains(final ClientAddress client)
    {
        if (client.isIpv6())
        {
            final long high = client.high();
            final long low = client.low();
            for (int i = 0; i < v6High.length; i++)
            {
                if ((high & v6MaskHigh[i]) == v6High[i] && (low & v6MaskLow[i]) == v6Low[i])
                {
                    return true;
                }
            }
            return false;
        }
        final int address = client.ipv4();
        for (int i = 0; i < v4Address.length; i++)
        {
            if ((address & v4Mask[i]) == v4Address[i])
            {
                return true;
            }
        }
        return false;
    }

    /** @return the prefixes in text form. */
    public List<String> prefixes()
    {
        return text;
    }

    @Override
    public String toString()
    {
        return text.toString();
    }
}
