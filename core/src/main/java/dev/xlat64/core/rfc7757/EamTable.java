package dev.xlat64.core.rfc7757;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;

/**
 * The Explicit Address Mapping Table of RFC 7757: an immutable set of {@link EamEntry}s looked up by longest
 * prefix match in either direction (RFC 7757 §3.2, §3.3).
 * <p>
 * Built once at start; lookups do not allocate. Per direction, entries are grouped by prefix length (longest
 * first) and each group is sorted, so a lookup is one binary search per distinct prefix length.
 */
public final class EamTable
{
    /** A table with no entries. */
    public static final EamTable EMPTY = new EamTable(List.of());

    private final EamEntry[] entries;

    // IPv4 direction: per length group, sorted masked prefixes and the entry index of each.
    private final int[] lengths4;
    private final int[][] keys4;
    private final int[][] index4;

    // IPv6 direction.
    private final int[] lengths6;
    private final long[][] keysHigh6;
    private final long[][] keysLow6;
    private final int[][] index6;

    /**
     * @param entries the mappings; an IPv4 or IPv6 prefix may appear only once.
     * @throws IllegalArgumentException if a prefix appears twice.
     */
    public EamTable(final List<EamEntry> entries)
    {
        this.entries = entries.toArray(new EamEntry[0]);
        for (int i = 0; i < this.entries.length; i++)
        {
            for (int j = i + 1; j < this.entries.length; j++)
            {
                final EamEntry a = this.entries[i];
                final EamEntry b = this.entries[j];
                if (a.ipv4() == b.ipv4() && a.ipv4Length() == b.ipv4Length())
                {
                    throw new IllegalArgumentException("EAMT entries " + i + " and " + j +
                        " have the same IPv4 prefix; lookups would be ambiguous");
                }
                if (a.ipv6High() == b.ipv6High() && a.ipv6Low() == b.ipv6Low() && a.ipv6Length() == b.ipv6Length())
                {
                    throw new IllegalArgumentException("EAMT entries " + i + " and " + j +
                        " have the same IPv6 prefix; lookups would be ambiguous");
                }
            }
        }

        lengths4 = distinctDescending(this.entries, true);
        keys4 = new int[lengths4.length][];
        index4 = new int[lengths4.length][];
        for (int g = 0; g < lengths4.length; g++)
        {
            final List<Integer> members = membersOfLength(this.entries, lengths4[g], true);
            members.sort((x, y) -> Integer.compareUnsigned(this.entries[x].ipv4(), this.entries[y].ipv4()));
            keys4[g] = new int[members.size()];
            index4[g] = new int[members.size()];
            for (int k = 0; k < members.size(); k++)
            {
                keys4[g][k] = this.entries[members.get(k)].ipv4();
                index4[g][k] = members.get(k);
            }
        }

        lengths6 = distinctDescending(this.entries, false);
        keysHigh6 = new long[lengths6.length][];
        keysLow6 = new long[lengths6.length][];
        index6 = new int[lengths6.length][];
        for (int g = 0; g < lengths6.length; g++)
        {
            final List<Integer> members = membersOfLength(this.entries, lengths6[g], false);
            members.sort((x, y) -> compare6(
                this.entries[x].ipv6High(), this.entries[x].ipv6Low(),
                this.entries[y].ipv6High(), this.entries[y].ipv6Low()));
            keysHigh6[g] = new long[members.size()];
            keysLow6[g] = new long[members.size()];
            index6[g] = new int[members.size()];
            for (int k = 0; k < members.size(); k++)
            {
                keysHigh6[g][k] = this.entries[members.get(k)].ipv6High();
                keysLow6[g][k] = this.entries[members.get(k)].ipv6Low();
                index6[g][k] = members.get(k);
            }
        }
    }

    /**
     * @return true if there are no entries.
     */
    public boolean isEmpty()
    {
        return entries.length == 0;
    }

    /**
     * @return how many entries there are.
     */
    public int size()
    {
        return entries.length;
    }

    /**
     * @param index 0..size()-1.
     * @return that entry.
     */
    public EamEntry entry(final int index)
    {
        return entries[index];
    }

    /**
     * Longest-prefix match of an IPv4 address over the IPv4 prefixes.
     *
     * @param ipv4 the address.
     * @return the entry index, or -1 if none matches.
     */
    public int lookup4(final int ipv4)
    {
        for (int g = 0; g < lengths4.length; g++)
        {
            final int key = ipv4 & Ipv4Prefix.mask(lengths4[g]);
            final int[] keys = keys4[g];
            int low = 0;
            int high = keys.length - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final int cmp = Integer.compareUnsigned(keys[mid], key);
                if (cmp == 0)
                {
                    return index4[g][mid];
                }
                if (cmp < 0)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }
        }
        return -1;
    }

    /**
     * Longest-prefix match of an IPv6 address over the IPv6 prefixes.
     *
     * @param high high 64 bits of the address.
     * @param low low 64 bits of the address.
     * @return the entry index, or -1 if none matches.
     */
    public int lookup6(final long high, final long low)
    {
        for (int g = 0; g < lengths6.length; g++)
        {
            final int length = lengths6[g];
            final long keyHigh = high & Ipv6Prefix.maskHigh(length);
            final long keyLow = low & Ipv6Prefix.maskLow(length);
            final long[] highs = keysHigh6[g];
            final long[] lows = keysLow6[g];
            int lo = 0;
            int hi = highs.length - 1;
            while (lo <= hi)
            {
                final int mid = (lo + hi) >>> 1;
                final int cmp = compare6(highs[mid], lows[mid], keyHigh, keyLow);
                if (cmp == 0)
                {
                    return index6[g][mid];
                }
                if (cmp < 0)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }
        }
        return -1;
    }

    /**
     * RFC 7757 §3.2: the IPv4 address is the entry's IPv4 prefix followed by the IPv6 address's suffix.
     *
     * @param index an index from {@link #lookup6}.
     * @param low low 64 bits of the IPv6 address (the suffix is at most 32 bits long).
     * @return the IPv4 address.
     */
    public int translate6to4(final int index, final long low)
    {
        final EamEntry entry = entries[index];
        return entry.ipv4() | ((int)low & ~Ipv4Prefix.mask(entry.ipv4Length()));
    }

    /**
     * RFC 7757 §3.3: high half of the IPv6 address, which the suffix never reaches (at most 32 bits).
     *
     * @param index an index from {@link #lookup4}.
     * @return the high 64 bits of the IPv6 address.
     */
    public long translate4to6High(final int index)
    {
        return entries[index].ipv6High();
    }

    /**
     * RFC 7757 §3.3: low half of the IPv6 address, the entry's prefix followed by the IPv4 suffix.
     *
     * @param index an index from {@link #lookup4}.
     * @param ipv4 the IPv4 address.
     * @return the low 64 bits of the IPv6 address.
     */
    public long translate4to6Low(final int index, final int ipv4)
    {
        final EamEntry entry = entries[index];
        final long suffix = (ipv4 & ~Ipv4Prefix.mask(entry.ipv4Length())) & 0xFFFF_FFFFL;
        return entry.ipv6Low() | suffix;
    }

    private static int compare6(final long aHigh, final long aLow, final long bHigh, final long bLow)
    {
        final int cmp = Long.compareUnsigned(aHigh, bHigh);
        return cmp != 0 ? cmp : Long.compareUnsigned(aLow, bLow);
    }

    private static int[] distinctDescending(final EamEntry[] entries, final boolean ipv4)
    {
        return Arrays.stream(entries)
            .mapToInt(e -> ipv4 ? e.ipv4Length() : e.ipv6Length())
            .distinct()
            .map(l -> -l).sorted().map(l -> -l)
            .toArray();
    }

    private static List<Integer> membersOfLength(final EamEntry[] entries, final int length, final boolean ipv4)
    {
        final List<Integer> members = new ArrayList<>();
        for (int i = 0; i < entries.length; i++)
        {
            if ((ipv4 ? entries[i].ipv4Length() : entries[i].ipv6Length()) == length)
            {
                members.add(i);
            }
        }
        return members;
    }
}
