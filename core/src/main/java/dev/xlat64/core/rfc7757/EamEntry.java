package dev.xlat64.core.rfc7757;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;

/**
 * One Explicit Address Mapping (RFC 7757 §3.1): an IPv6 prefix and an IPv4 prefix whose suffixes have the same
 * length, so that the address bits after each prefix map one to one.
 *
 * @param ipv6High high 64 bits of the IPv6 prefix.
 * @param ipv6Low low 64 bits of the IPv6 prefix.
 * @param ipv6Length IPv6 prefix length, 96..128.
 * @param ipv4 the IPv4 prefix.
 * @param ipv4Length IPv4 prefix length, 0..32.
 */
public record EamEntry(long ipv6High, long ipv6Low, int ipv6Length, int ipv4, int ipv4Length)
{
    /**
     * Checks the RFC 7757 §3.1 shape: suffix lengths equal, no bits set past either prefix.
     */
    public EamEntry
    {
        if (ipv4Length < 0 || ipv4Length > 32)
        {
            throw new IllegalArgumentException("IPv4 prefix length " + ipv4Length + " is not in 0..32");
        }
        if (ipv6Length < 0 || ipv6Length > 128)
        {
            throw new IllegalArgumentException("IPv6 prefix length " + ipv6Length + " is not in 0..128");
        }
        if (128 - ipv6Length != 32 - ipv4Length)
        {
            throw new IllegalArgumentException("suffix lengths differ: IPv6 /" + ipv6Length + " leaves " +
                (128 - ipv6Length) + " bits, IPv4 /" + ipv4Length + " leaves " + (32 - ipv4Length) +
                " (RFC 7757 §3.1 needs equal suffixes)");
        }
        if ((ipv4 & ~Ipv4Prefix.mask(ipv4Length)) != 0)
        {
            throw new IllegalArgumentException("IPv4 prefix has bits set past /" + ipv4Length);
        }
        if ((ipv6Low & ~Ipv6Prefix.maskLow(ipv6Length)) != 0 || (ipv6High & ~Ipv6Prefix.maskHigh(ipv6Length)) != 0)
        {
            throw new IllegalArgumentException("IPv6 prefix has bits set past /" + ipv6Length);
        }
    }
}
