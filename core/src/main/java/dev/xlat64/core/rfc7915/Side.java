package dev.xlat64.core.rfc7915;

/**
 * The two sides of a translator: the IPv6 network and the IPv4 network.
 */
public enum Side
{
    /** The IPv6 network: packets arriving here are translated 6to4. */
    IPV6,
    /** The IPv4 network: packets arriving here are translated 4to6. */
    IPV4
}
