package dev.xlat64.core.packet;

/**
 * IP protocol numbers (IPv4 Protocol field, IPv6 Next Header field), from the IANA "Assigned Internet Protocol Numbers"
 * registry.
 */
public final class IpProtocol
{
    /** IPv6 Hop-by-Hop Options (RFC 8200 §4.3). */
    public static final int HOPOPT = 0;
    /** Internet Control Message Protocol (RFC 792). */
    public static final int ICMP = 1;
    /** Transmission Control Protocol (RFC 9293). */
    public static final int TCP = 6;
    /** User Datagram Protocol (RFC 768). */
    public static final int UDP = 17;
    /** IPv6 encapsulation (RFC 2473). */
    public static final int IPV6 = 41;
    /** Routing Header for IPv6 (RFC 8200 §4.4). */
    public static final int ROUTING = 43;
    /** Fragment Header for IPv6 (RFC 8200 §4.5). */
    public static final int FRAGMENT = 44;
    /** Encapsulating Security Payload (RFC 4303); opaque, so an extension-header walk stops there. */
    public static final int ESP = 50;
    /** Authentication Header (RFC 4302). */
    public static final int AH = 51;
    /** ICMP for IPv6 (RFC 4443). */
    public static final int ICMPV6 = 58;
    /** No Next Header for IPv6 (RFC 8200 §4.7). */
    public static final int NO_NEXT_HEADER = 59;
    /** Destination Options for IPv6 (RFC 8200 §4.6). */
    public static final int DESTINATION_OPTIONS = 60;

    private IpProtocol()
    {
    }

    /**
     * Whether {@code nextHeader} is one of the IPv6 extension headers that {@link Ipv6ExtensionHeaders} walks through
     * (Hop-by-Hop, Routing, Fragment, Destination Options). Anything else ends the chain and is the upper layer.
     *
     * @param nextHeader a Next Header value, 0-255.
     * @return true for the four walked extension headers.
     */
    public static boolean isWalkedExtensionHeader(final int nextHeader)
    {
        return nextHeader == HOPOPT || nextHeader == ROUTING || nextHeader == FRAGMENT || nextHeader == DESTINATION_OPTIONS;
    }
}
