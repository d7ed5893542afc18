package dev.xlat64.dns.synth;

import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * ip6.arpa and in-addr.arpa names (RFC 3596 §2.5, RFC 1035 §3.5).
 */
public final class ReverseNames
{
    private static final int NIBBLES = 32;

    private ReverseNames()
    {
    }

    /**
     * Reads a full-length ip6.arpa name (32 nibble labels) into an address.
     *
     * @param name e.g. {@code a.0.4.6.3.3.6.c.0.0.0.0 ... 8.b.d.0.1.0.0.2.ip6.arpa.}
     * @param out  receives {high, low} when the name is one.
     * @return true if the name is a full ip6.arpa address name.
     */
    public static boolean parseIp6Arpa(final Name name, final long[] out)
    {
        if (name.labels() != NIBBLES + 3 || !name.getLabelString(NIBBLES).equalsIgnoreCase("ip6") ||
            !name.getLabelString(NIBBLES + 1).equalsIgnoreCase("arpa"))
        {
            return false;
        }
        long high = 0;
        long low = 0;
        // The first label is the least significant nibble.
        for (int i = NIBBLES - 1; i >= 0; i--)
        {
            final String label = name.getLabelString(i);
            if (label.length() != 1)
            {
                return false;
            }
            final int nibble = Character.digit(label.charAt(0), 16);
            if (nibble < 0)
            {
                return false;
            }
            if (i >= 16)
            {
                high = (high << 4) | nibble;
            }
            else
            {
                low = (low << 4) | nibble;
            }
        }
        out[0] = high;
        out[1] = low;
        return true;
    }

    /**
     * @param ipv4 an IPv4 address.
     * @return its in-addr.arpa name, e.g. {@code 10.100.51.198.in-addr.arpa.}
     */
    public static Name inAddrArpa(final int ipv4)
    {
        try
        {
            return Name.fromString((ipv4 & 0xFF) + "." + ((ipv4 >>> 8) & 0xFF) + "." + ((ipv4 >>> 16) & 0xFF) + "." +
                (ipv4 >>> 24) + ".in-addr.arpa.");
        }
        catch (final TextParseException ex)
        {
            throw new IllegalStateException(ex);
        }
    }
}
