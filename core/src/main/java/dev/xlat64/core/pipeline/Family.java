package dev.xlat64.core.pipeline;

/**
 * The address family of a packet, which is also the side of the gateway it enters or leaves by:
 * IPv6 packets are translated 6to4, IPv4 packets 4to6.
 */
public enum Family
{
    IPV6(0x86DD, 6, "ipv6"),
    IPV4(0x0800, 4, "ipv4");

    private static final Family[] VALUES = values();

    private final int etherType;
    private final int ipVersion;
    private final String label;

    Family(final int etherType, final int ipVersion, final String label)
    {
        this.etherType = etherType;
        this.ipVersion = ipVersion;
        this.label = label;
    }

    /**
     * @return the Ethernet type of frames carrying this family (RFC 7042 §B).
     */
    public int etherType()
    {
        return etherType;
    }

    /**
     * @return the value of the 4-bit version field of the IP header (RFC 8200 §3, RFC 791 §3.1).
     */
    public int ipVersion()
    {
        return ipVersion;
    }

    /**
     * @return the lower-case name used in counter labels.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return the family for {@link #ordinal()}, without allocating.
     */
    public static Family of(final int ordinal)
    {
        return VALUES[ordinal];
    }
}
