package dev.xlat64.core.rfc6052;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;

/**
 * An IPv4-embedded IPv6 address prefix (RFC 6052 §2.2) and the mapping of IPv4 addresses into and out of it.
 * <p>
 * Address layout by prefix length (bits; {@code u} is bits 64-71, which must be zero):
 * <pre>
 *   +--+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
 *   |PL| 0-------------32--40--48--56--64--72--80--88--96--104---------|
 *   +--+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
 *   |32|     prefix    |v4(32)         | u | suffix                    |
 *   |40|     prefix        |v4(24)     | u |(8)| suffix                |
 *   |48|     prefix            |v4(16) | u | (16)  | suffix            |
 *   |56|     prefix                |(8)| u |  v4(24)   | suffix        |
 *   |64|     prefix                    | u |   v4(32)      | suffix    |
 *   |96|     prefix                                    |    v4(32)     |
 *   +--+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+---+
 * </pre>
 * The suffix is written as zero. Embedding and extraction are branch-light shifts on the two address halves
 * and do not allocate.
 * <p>
 * RFC 6052 §3.1: the Well-Known Prefix 64:ff9b::/96 must not represent non-global IPv4 addresses
 * ({@link SpecialPurposeIpv4}); {@link #permits(int)} says so unless the prefix was made with
 * {@code allowNonGlobal}. The RFC 8215 local-use prefix 64:ff9b:1::/48 (and prefixes inside it) has no such
 * limit, nor has any network-specific prefix.
 */
public final class Rfc6052Prefix
{
    /** The Well-Known Prefix of RFC 6052 §2.1. */
    public static final Ipv6Prefix WELL_KNOWN = Ipv6Prefix.parse("64:ff9b::/96");
    /** The local-use IPv4/IPv6 translation prefix of RFC 8215. */
    public static final Ipv6Prefix LOCAL_USE = Ipv6Prefix.parse("64:ff9b:1::/48");

    private final Ipv6Prefix prefix;
    private final boolean allowNonGlobal;
    private final boolean wellKnown;
    private final boolean localUse;

    private Rfc6052Prefix(final Ipv6Prefix prefix, final boolean allowNonGlobal)
    {
        this.prefix = prefix;
        this.allowNonGlobal = allowNonGlobal;
        this.wellKnown = prefix.equals(WELL_KNOWN);
        this.localUse = LOCAL_USE.contains(prefix);
    }

    /**
     * Parses a prefix; non-global IPv4 addresses are refused under the Well-Known Prefix.
     *
     * @param text e.g. {@code "64:ff9b::/96"} or {@code "2001:db8:64::/96"}.
     * @return the prefix.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static Rfc6052Prefix parse(final String text)
    {
        return parse(text, false);
    }

    /**
     * Parses a prefix.
     *
     * @param text           the prefix, with its length.
     * @param allowNonGlobal true to let the Well-Known Prefix carry non-global IPv4 addresses (against RFC
     *                       6052 §3.1, for labs that use it anyway).
     * @return the prefix.
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static Rfc6052Prefix parse(final String text, final boolean allowNonGlobal)
    {
        if (text == null)
        {
            throw new IllegalArgumentException("RFC 6052 prefix is missing (null)");
        }
        if (text.indexOf('/') < 0)
        {
            throw new IllegalArgumentException("invalid RFC 6052 prefix '" + text +
                "': the length is missing; expected one of /32, /40, /48, /56, /64, /96");
        }
        final Ipv6Prefix prefix;
        try
        {
            prefix = Ipv6Prefix.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("invalid RFC 6052 prefix: " + ex.getMessage(), ex);
        }
        return of(prefix, allowNonGlobal, "'" + text + "'");
    }

    /**
     * @param prefix         an IPv6 prefix of length 32, 40, 48, 56, 64 or 96 with bits 64-71 zero.
     * @param allowNonGlobal see {@link #parse(String, boolean)}.
     * @return the RFC 6052 prefix.
     * @throws IllegalArgumentException if the length or the u-octet is wrong.
     */
    public static Rfc6052Prefix of(final Ipv6Prefix prefix, final boolean allowNonGlobal)
    {
        return of(prefix, allowNonGlobal, prefix.toString());
    }

    private static Rfc6052Prefix of(final Ipv6Prefix prefix, final boolean allowNonGlobal, final String text)
    {
        switch (prefix.length())
        {
            case 32, 40, 48, 56, 64, 96 ->
            {
            }
            default -> throw new IllegalArgumentException("invalid RFC 6052 prefix " + text + ": length /" +
                prefix.length() + " is not one of /32, /40, /48, /56, /64, /96 (RFC 6052 §2.2)");
        }
        // RFC 6052 §2.2: bits 64 to 71 (the "u" octet) must be zero; only a /96 covers them.
        if ((prefix.low() >>> 56) != 0)
        {
            throw new IllegalArgumentException("invalid RFC 6052 prefix " + text + ": bits 64-71 (the u-octet) are 0x" +
                Long.toHexString(prefix.low() >>> 56) + " but must be zero (RFC 6052 §2.2)");
        }
        return new Rfc6052Prefix(prefix, allowNonGlobal);
    }

    /** @return the prefix as a plain IPv6 prefix. */
    public Ipv6Prefix prefix()
    {
        return prefix;
    }

    /** @return the prefix length: 32, 40, 48, 56, 64 or 96. */
    public int length()
    {
        return prefix.length();
    }

    /** @return bits 0-63 of the prefix. */
    public long high()
    {
        return prefix.high();
    }

    /** @return bits 64-127 of the prefix. */
    public long low()
    {
        return prefix.low();
    }

    /** @return true if this is exactly 64:ff9b::/96. */
    public boolean isWellKnown()
    {
        return wellKnown;
    }

    /** @return true if this prefix lies inside the RFC 8215 local-use prefix 64:ff9b:1::/48. */
    public boolean isLocalUse()
    {
        return localUse;
    }

    /** @return true if non-global IPv4 addresses were allowed under the Well-Known Prefix. */
    public boolean allowNonGlobal()
    {
        return allowNonGlobal;
    }

    /**
     * @param addressHigh bits 0-63 of an IPv6 address.
     * @param addressLow  bits 64-127 of it.
     * @return true if the address lies inside this prefix (the u-octet is not checked: see {@link #isValidEmbedded}).
     */
    public boolean contains(final long addressHigh, final long addressLow)
    {
        return prefix.contains(addressHigh, addressLow);
    }

    /**
     * @param addressHigh bits 0-63 of an IPv6 address.
     * @param addressLow  bits 64-127 of it.
     * @return true if the address lies inside this prefix and its u-octet (bits 64-71) is zero.
     */
    public boolean isValidEmbedded(final long addressHigh, final long addressLow)
    {
        return (addressLow >>> 56) == 0 && prefix.contains(addressHigh, addressLow);
    }

    /**
     * RFC 6052 §3.1: the Well-Known Prefix must not be used with non-global IPv4 addresses.
     *
     * @param ipv4 an IPv4 address.
     * @return false if this is the Well-Known Prefix, non-global addresses are not allowed and the address
     *     is not global per {@link SpecialPurposeIpv4}; true otherwise.
     */
    public boolean permits(final int ipv4)
    {
        return !wellKnown || allowNonGlobal || SpecialPurposeIpv4.isGlobal(ipv4);
    }

    /**
     * @param ipv4 an IPv4 address.
     * @return bits 0-63 of the IPv4-embedded IPv6 address.
     */
    public long embedHigh(final int ipv4)
    {
        final long v4 = ipv4 & 0xFFFF_FFFFL;
        return switch (prefix.length())
        {
            case 32 -> prefix.high() | v4;
            case 40 -> prefix.high() | (v4 >>> 8);
            case 48 -> prefix.high() | (v4 >>> 16);
            case 56 -> prefix.high() | (v4 >>> 24);
            default -> prefix.high();
        };
    }

    /**
     * @param ipv4 an IPv4 address.
     * @return bits 64-127 of the IPv4-embedded IPv6 address (u-octet and suffix zero).
     */
    public long embedLow(final int ipv4)
    {
        final long v4 = ipv4 & 0xFFFF_FFFFL;
        return switch (prefix.length())
        {
            case 32 -> 0L;
            case 40 -> (v4 & 0xFFL) << 48;
            case 48 -> (v4 & 0xFFFFL) << 40;
            case 56 -> (v4 & 0xFF_FFFFL) << 32;
            case 64 -> v4 << 24;
            default -> prefix.low() | v4;
        };
    }

    /**
     * @param addressHigh bits 0-63 of an IPv6 address inside this prefix.
     * @param addressLow  bits 64-127 of it.
     * @return the embedded IPv4 address.
     */
    public int extract(final long addressHigh, final long addressLow)
    {
        return switch (prefix.length())
        {
            case 32 -> (int)addressHigh;
            case 40 -> (int)((addressHigh << 8) | ((addressLow >>> 48) & 0xFF));
            case 48 -> (int)((addressHigh << 16) | ((addressLow >>> 40) & 0xFFFF));
            case 56 -> (int)((addressHigh << 24) | ((addressLow >>> 32) & 0xFF_FFFF));
            case 64 -> (int)(addressLow >>> 24);
            default -> (int)addressLow;
        };
    }

    /**
     * @param ipv4 an IPv4 address.
     * @return the IPv4-embedded IPv6 address in RFC 5952 text form.
     */
    public String embedToString(final int ipv4)
    {
        return Ipv6Address.format(embedHigh(ipv4), embedLow(ipv4));
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Rfc6052Prefix that && that.prefix.equals(prefix) && that.allowNonGlobal == allowNonGlobal;
    }

    @Override
    public int hashCode()
    {
        return prefix.hashCode() * 2 + (allowNonGlobal ? 1 : 0);
    }

    @Override
    public String toString()
    {
        return prefix.toString();
    }

    /**
     * @param ipv4 an address.
     * @return why the Well-Known Prefix may not carry it, for error messages; null if it may.
     */
    public String whyNotPermitted(final int ipv4)
    {
        if (permits(ipv4))
        {
            return null;
        }
        return Ipv4Address.format(ipv4) + " is not global (" + SpecialPurposeIpv4.blockName(ipv4) +
            ") and RFC 6052 §3.1 forbids it under the Well-Known Prefix " + WELL_KNOWN;
    }
}
