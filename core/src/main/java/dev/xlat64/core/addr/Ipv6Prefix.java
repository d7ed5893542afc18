package dev.xlat64.core.addr;

/**
 * An immutable IPv6 prefix such as {@code 2001:db8::/32}, as two {@code long} halves. Host bits beyond the
 * length must be zero.
 */
public final class Ipv6Prefix
{
    private final long high;
    private final long low;
    private final int length;
    private final long maskHigh;
    private final long maskLow;

    private Ipv6Prefix(final long high, final long low, final int length)
    {
        this.high = high;
        this.low = low;
        this.length = length;
        this.maskHigh = maskHigh(length);
        this.maskLow = maskLow(length);
    }

    /**
     * Makes a prefix from its parts.
     *
     * @param high   bits 0-63 of the network address.
     * @param low    bits 64-127 of the network address.
     * @param length 0 to 128.
     * @return the prefix.
     * @throws IllegalArgumentException if the length is out of range or host bits are set.
     */
    public static Ipv6Prefix of(final long high, final long low, final int length)
    {
        final String text = Ipv6Address.format(high, low) + "/" + length;
        if (length < 0 || length > 128)
        {
            throw new IllegalArgumentException("invalid IPv6 prefix '" + text + "': length must be 0 to 128");
        }
        checkHostBits(text, high, low, length);
        return new Ipv6Prefix(high, low, length);
    }

    /**
     * Parses {@code address/length}; a bare address is a /128.
     *
     * @param text e.g. {@code "2001:db8::/32"}.
     * @return the prefix.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static Ipv6Prefix parse(final String text)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("IPv6 prefix is missing (null)");
        }
        final int slash = text.indexOf('/');
        final String addressText = slash < 0 ? text : text.substring(0, slash);
        final Ipv6Address address;
        try
        {
            address = Ipv6Address.parse(addressText);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("invalid IPv6 prefix '" + text + "': " + ex.getMessage(), ex);
        }
        final int length = slash < 0 ? 128 : PrefixLength.parse(text, text.substring(slash + 1), 128, "IPv6 prefix");
        checkHostBits("'" + text + "'", address.high(), address.low(), length);
        return new Ipv6Prefix(address.high(), address.low(), length);
    }

    private static void checkHostBits(final String text, final long high, final long low, final int length)
    {
        if ((high & ~maskHigh(length)) != 0 || (low & ~maskLow(length)) != 0)
        {
            throw new IllegalArgumentException("invalid IPv6 prefix " + text + ": host bits are set beyond /" + length +
                " (did you mean " + Ipv6Address.format(high & maskHigh(length), low & maskLow(length)) + "/" + length +
                "?)");
        }
    }

    /**
     * @param length 0 to 128.
     * @return the mask of bits 0-63 for a prefix of this length.
     */
    public static long maskHigh(final int length)
    {
        return length >= 64 ? -1L : (length == 0 ? 0L : -1L << (64 - length));
    }

    /**
     * @param length 0 to 128.
     * @return the mask of bits 64-127 for a prefix of this length.
     */
    public static long maskLow(final int length)
    {
        return length <= 64 ? 0L : -1L << (128 - length);
    }

    /** @return bits 0-63 of the network address. */
    public long high()
    {
        return high;
    }

    /** @return bits 64-127 of the network address. */
    public long low()
    {
        return low;
    }

    /** @return the prefix length, 0 to 128. */
    public int length()
    {
        return length;
    }

    /**
     * @param addressHigh bits 0-63 of an address.
     * @param addressLow  bits 64-127 of it.
     * @return true if the address lies inside this prefix.
     */
    public boolean contains(final long addressHigh, final long addressLow)
    {
        return (addressHigh & maskHigh) == high && (addressLow & maskLow) == low;
    }

    /**
     * @param other a prefix.
     * @return true if every address of {@code other} lies inside this prefix.
     */
    public boolean contains(final Ipv6Prefix other)
    {
        return other.length >= length && contains(other.high, other.low);
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Ipv6Prefix that && that.high == high && that.low == low && that.length == length;
    }

    @Override
    public int hashCode()
    {
        return (Long.hashCode(high) * 31 + Long.hashCode(low)) * 31 + length;
    }

    @Override
    public String toString()
    {
        return Ipv6Address.format(high, low) + "/" + length;
    }
}
