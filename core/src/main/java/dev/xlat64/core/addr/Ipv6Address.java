package dev.xlat64.core.addr;

/**
 * IPv6 addresses as two {@code long} halves: {@code high} holds bits 0-63 (the first eight bytes on the
 * wire), {@code low} bits 64-127.
 * <p>
 * Parsing accepts the RFC 4291 §2.2 text forms: eight groups of one to four hex digits, one {@code ::}
 * standing for one or more zero groups, and a trailing dotted-quad IPv4 address in place of the last two
 * groups. Zone identifiers ({@code %eth0}) and brackets are refused. It never performs a DNS lookup.
 * Formatting follows RFC 5952 §4 (lowercase, no leading zeros, the longest run of two or more zero groups
 * shortened to {@code ::}, the first such run on a tie) and §5 (IPv4-mapped addresses in dotted form).
 * <p>
 * Instances are immutable values for setup code; the static {@code parseHigh}/{@code parseLow} and
 * {@link #format(long, long)} let data-path owners keep plain {@code long} pairs.
 */
public final class Ipv6Address
{
    private final long high;
    private final long low;

    private Ipv6Address(final long high, final long low)
    {
        this.high = high;
        this.low = low;
    }

    /**
     * @param high bits 0-63.
     * @param low  bits 64-127.
     * @return the address.
     */
    public static Ipv6Address of(final long high, final long low)
    {
        return new Ipv6Address(high, low);
    }

    /**
     * Parses an IPv6 address in any RFC 4291 §2.2 text form.
     *
     * @param text e.g. {@code "2001:db8::1"} or {@code "::ffff:198.51.100.1"}.
     * @return the address.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static Ipv6Address parse(final String text)
    {
        final int[] groups = parseGroups(text);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++)
        {
            high = (high << 16) | groups[i];
            low = (low << 16) | groups[i + 4];
        }
        return new Ipv6Address(high, low);
    }

    /**
     * @param text an IPv6 address.
     * @return bits 0-63 of it.
     * @throws IllegalArgumentException as {@link #parse(String)}.
     */
    public static long parseHigh(final String text)
    {
        return parse(text).high;
    }

    /**
     * @param text an IPv6 address.
     * @return bits 64-127 of it.
     * @throws IllegalArgumentException as {@link #parse(String)}.
     */
    public static long parseLow(final String text)
    {
        return parse(text).low;
    }

    /** @return bits 0-63. */
    public long high()
    {
        return high;
    }

    /** @return bits 64-127. */
    public long low()
    {
        return low;
    }

    /**
     * @return the 16 bytes in network order.
     */
    public byte[] toBytes()
    {
        final byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++)
        {
            bytes[i] = (byte)(high >>> (56 - 8 * i));
            bytes[i + 8] = (byte)(low >>> (56 - 8 * i));
        }
        return bytes;
    }

    /**
     * Formats an address per RFC 5952.
     *
     * @param high bits 0-63.
     * @param low  bits 64-127.
     * @return the canonical text form, e.g. {@code "2001:db8::1"}.
     */
    public static String format(final long high, final long low)
    {
        final int[] groups = new int[8];
        for (int i = 0; i < 4; i++)
        {
            groups[i] = (int)(high >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int)(low >>> (48 - 16 * i)) & 0xFFFF;
        }
        // RFC 5952 §5: ::ffff:0:0/96 (IPv4-mapped) is written with the IPv4 address in dotted form.
        if (high == 0 && (low >>> 32) == 0xFFFFL)
        {
            return "::ffff:" + Ipv4Address.format((int)low);
        }
        // RFC 5952 §4.2: shorten the longest run of at least two zero groups; the first one on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; )
        {
            if (groups[i] != 0)
            {
                i++;
                continue;
            }
            final int start = i;
            while (i < 8 && groups[i] == 0)
            {
                i++;
            }
            if (i - start > bestLength)
            {
                bestStart = start;
                bestLength = i - start;
            }
        }
        final StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < 8; i++)
        {
            if (i == bestStart)
            {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':')
            {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static int[] parseGroups(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("IPv6 address is missing (null)");
        }
        if (text.isEmpty())
        {
            throw new IllegalArgumentException("IPv6 address is empty; expected e.g. 2001:db8::1");
        }
        if (text.indexOf('%') >= 0)
        {
            throw bad(text, "zone identifiers ('%...') are not accepted here");
        }
        if (text.indexOf('[') >= 0 || text.indexOf(']') >= 0)
        {
            throw bad(text, "brackets are not part of an address; write it without [ ]");
        }
        final int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0)
        {
            throw bad(text, "'::' may appear only once");
        }
        final int[] head = new int[8];
        final int[] tail = new int[8];
        final int headCount;
        final int tailCount;
        if (doubleColon < 0)
        {
            headCount = parsePart(text, text, 0, text.length(), head, true);
            tailCount = 0;
            if (headCount != 8)
            {
                throw bad(text, "has " + headCount + " groups, expected 8 (or use '::')");
            }
        }
        else
        {
            headCount = parsePart(text, text, 0, doubleColon, head, false);
            tailCount = parsePart(text, text, doubleColon + 2, text.length(), tail, true);
            if (headCount + tailCount > 7)
            {
                throw bad(text, "has " + (headCount + tailCount) + " groups besides '::', at most 7 allowed");
            }
        }
        final int[] groups = new int[8];
        System.arraycopy(head, 0, groups, 0, headCount);
        System.arraycopy(tail, 0, groups, 8 - tailCount, tailCount);
        return groups;
    }

    /**
     * Parses colon-separated groups in [from, to); the last part may be a dotted quad if it ends the address.
     *
     * @return the number of 16-bit groups written.
     */
    private static int parsePart(
        final String text, final String s, final int from, final int to, final int[] out, final boolean mayEndWithIpv4)
    {
        if (from == to)
        {
            return 0;
        }
        int count = 0;
        int i = from;
        while (true)
        {
            int end = i;
            while (end < to && s.charAt(end) != ':')
            {
                end++;
            }
            if (end == i)
            {
                throw bad(text, "empty group at position " + i + " (a single ':' at the start or end, or ':::')");
            }
            final String group = s.substring(i, end);
            if (group.indexOf('.') >= 0)
            {
                if (!mayEndWithIpv4 || end != to)
                {
                    throw bad(text, "an embedded IPv4 address may only be the last part");
                }
                if (count > 6)
                {
                    throw bad(text, "too many groups before the embedded IPv4 address");
                }
                final int ipv4;
                try
                {
                    ipv4 = Ipv4Address.parse(group);
                }
                catch (final IllegalArgumentException ex)
                {
                    throw bad(text, "embedded " + ex.getMessage());
                }
                out[count++] = ipv4 >>> 16;
                out[count++] = ipv4 & 0xFFFF;
                return count;
            }
            if (group.length() > 4)
            {
                throw bad(text, "group '" + group + "' has more than 4 hex digits");
            }
            int value = 0;
            for (int k = 0; k < group.length(); k++)
            {
                final int digit = Character.digit(group.charAt(k), 16);
                if (digit < 0 || group.charAt(k) > 'f')
                {
                    throw bad(text, "unexpected character '" + group.charAt(k) + "' in group '" + group + "'");
                }
                value = (value << 4) | digit;
            }
            if (count == 8)
            {
                throw bad(text, "more than 8 groups");
            }
            out[count++] = value;
            if (end == to)
            {
                return count;
            }
            i = end + 1;
            if (i == to)
            {
                throw bad(text, "ends with a single ':'");
            }
        }
    }

    private static IllegalArgumentException bad(final String text, final String reason)
    {
        return new IllegalArgumentException("invalid IPv6 address '" + text + "': " + reason);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Ipv6Address that && that.high == high && that.low == low;
    }

    @Override
    public int hashCode()
    {
        return Long.hashCode(high) * 31 + Long.hashCode(low);
    }

    @Override
    public String toString()
    {
        return format(high, low);
    }
}
