package dev.xlat64.core.addr;

/**
 * An immutable IPv4 prefix such as {@code 198.51.100.0/24}. Host bits beyond the length must be zero.
 */
public final class Ipv4Prefix
{
    private final int address;
    private final int length;
    private final int mask;

    private Ipv4Prefix(final int address, final int length)
    {
        this.address = address;
        this.length = length;
        this.mask = mask(length);
    }

    /**
     * Makes a prefix from its parts.
     *
     * @param address the network address, host bits zero.
     * @param length  0 to 32.
     * @return the prefix.
     * @throws IllegalArgumentException if the length is out of range or host bits are set.
     */
    public static Ipv4Prefix of(final int address, final int length)
    {
        if (length < 0 || length > 32)
        {
            throw new IllegalArgumentException(
                "invalid IPv4 prefix " + Ipv4Address.format(address) + "/" + length + ": length must be 0 to 32");
        }
        checkHostBits(Ipv4Address.format(address) + "/" + length, address, length);
        return new Ipv4Prefix(address, length);
    }

    /**
     * Parses {@code address/length}; a bare address is a /32.
     *
     * @param text e.g. {@code "198.51.100.0/24"}.
     * @return the prefix.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static Ipv4Prefix parse(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("IPv4 prefix is missing (null)");
        }
        final int slash = text.indexOf('/');
        if (slash < 0)
        {
            return new Ipv4Prefix(parseAddress(text, text), 32);
        }
        final int address = parseAddress(text, text.substring(0, slash));
        final int length = PrefixLength.parse(text, text.substring(slash + 1), 32, "IPv4 prefix");
        checkHostBits("'" + text + "'", address, length);
        return new Ipv4Prefix(address, length);
    }

    private static int parseAddress(final String text, final String addressText)
    {
        try
        {
            return Ipv4Address.parse(addressText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("invalid IPv4 prefix '" + text + "': " + ex.getMessage(), ex);
        }
    }

    private static void checkHostBits(final String text, final int address, final int length)
    {
        if ((address & ~mask(length)) != 0)
        {
            throw new IllegalArgumentException("invalid IPv4 prefix " + text + ": host bits are set beyond /" + length +
                " (did you mean " + Ipv4Address.format(address & mask(length)) + "/" + length + "?)");
        }
    }

    /**
     * @param length 0 to 32.
     * @return the netmask of a prefix of this length, first octet most significant.
     */
    public static int mask(final int length)
    {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** @return the network address. */
    public int address()
    {
        return address;
    }

    /** @return the prefix length, 0 to 32. */
    public int length()
    {
        return length;
    }

    /**
     * @param ipv4 an address.
     * @return true if the address lies inside this prefix.
     */
    public boolean contains(final int ipv4)
    {
        return (ipv4 & mask) == address;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Ipv4Prefix that && that.address == address && that.length == length;
    }

    @Override
    public int hashCode()
    {
        return address * 31 + length;
    }

    @Override
    public String toString()
    {
        return Ipv4Address.format(address) + "/" + length;
    }
}
