package dev.xlat64.core.rfc7757;

/**
 * How a SIIT with an EAMT handles hairpinning between two IPv6 nodes (RFC 7757 §4.2), config key
 * {@code eam-hairpin-mode}.
 */
public enum EamHairpinMode
{
    /** No hairpinning support: a 6to4 packet whose IPv4 destination is an EAM address leaves on the IPv4 side. */
    OFF,
    /**
     * RFC 7757 §4.2.1: the IPv4 network routes the packet back; when a 4to6 packet's IPv4 source is an EAM
     * address (so it came from the IPv6 side), its source is translated with pool6 instead of the EAMT, so the
     * receiver's replies come back through the translator.
     */
    SIMPLE,
    /**
     * RFC 7757 §4.2.2: the translator sees that a 6to4 packet's IPv4 destination is an EAM address and
     * translates it straight back to IPv6 (destination by the EAMT, source by pool6), without it ever
     * leaving on the IPv4 side.
     */
    INTRINSIC
}
