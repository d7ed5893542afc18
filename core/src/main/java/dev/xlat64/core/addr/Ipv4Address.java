package dev.xlat64.core.addr;

/**
 * IPv4 addresses as {@code int} values (network byte order: the first octet is the most significant byte).
 * <p>
 * Parsing accepts only the strict dotted-quad form {@code a.b.c.d} with decimal octets 0-255 and no
 * leading zeros (a leading zero means octal to {@code inet_aton}, so "010.0.0.1" is refused rather than
 * guessed). It never performs a DNS lookup, unlike {@link java.net.InetAddress#getByName(String)}.
 */
public final class Ipv4Address
{
    private Ipv4Address()
    {
    }

    /**
     * Parses a dotted-quad IPv4 address.
     *
     * @param text e.g. {@code "198.51.100.10"}.
     * @return the address, first octet in the most significant byte.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static int parse(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("IPv4 address is missing (null)");
        }
        final int length = text.length();
        if (length == 0)
        {
            throw new IllegalArgumentException("IPv4 address is empty; expected a dotted quad such as 198.51.100.10");
        }
        int value = 0;
        int octets = 0;
        int i = 0;
        while (true)
        {
            final int start = i;
            int octet = 0;
            while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9')
            {
                octet = octet * 10 + (text.charAt(i) - '0');
                if (octet > 255)
                {
                    throw bad(text, "octet " + (octets + 1) + " is greater than 255");
                }
                i++;
            }
            if (i == start)
            {
                if (i < length && text.charAt(i) != '.')
                {
                    throw bad(text, "unexpected character '" + text.charAt(i) + "' at position " + i);
                }
                throw bad(text, "octet " + (octets + 1) + " is empty");
            }
            if (i - start > 1 && text.charAt(start) == '0')
            {
                throw bad(text, "octet " + (octets + 1) + " has a leading zero (ambiguous: octal in some parsers)");
            }
            value = (value << 8) | octet;
            octets++;
            if (i == length)
            {
                break;
            }
            if (text.charAt(i) != '.')
            {
                throw bad(text, "unexpected character '" + text.charAt(i) + "' at position " + i);
            }
            if (octets == 4)
            {
                throw bad(text, "more than 4 octets");
            }
            i++;
        }
        if (octets != 4)
        {
            throw bad(text, "only " + octets + " octet" + (octets == 1 ? "" : "s") + ", expected 4");
        }
        return value;
    }

    /**
     * Formats an address as a dotted quad.
     *
     * @param address first octet in the most significant byte.
     * @return e.g. {@code "198.51.100.10"}.
     */
    public static String format(final int address)
    {
        return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "." + (address & 0xFF);
    }

    private static IllegalArgumentException bad(final String text, final String reason)
    {
        return new IllegalArgumentException("invalid IPv4 address '" + text + "': " + reason);
    }
}
