package dev.xlat64.io.pcap;

/**
 * The link-layer header types (LINKTYPE_* values, lower 16 bits of the file header's LinkType field) this package
 * reads and writes.
 */
public final class PcapLinkType
{
    /** LINKTYPE_ETHERNET: every record starts with a 14-byte Ethernet II header. */
    public static final int ETHERNET = 1;
    /** LINKTYPE_RAW: every record is an IPv4 or IPv6 packet, told apart by the version nibble. */
    public static final int RAW = 101;
    /** LINKTYPE_IPV4: every record is an IPv4 packet. */
    public static final int IPV4 = 228;
    /** LINKTYPE_IPV6: every record is an IPv6 packet. */
    public static final int IPV6 = 229;

    private PcapLinkType()
    {
    }

    /**
     * @param linkType a LINKTYPE_* value.
     * @return true if records of this type can be read.
     */
    public static boolean isReadable(final int linkType)
    {
        return linkType == ETHERNET || linkType == RAW || linkType == IPV4 || linkType == IPV6;
    }

    /**
     * @param linkType a LINKTYPE_* value.
     * @return true if records start at the IP header (RAW, IPV4, IPV6).
     */
    public static boolean isRawIp(final int linkType)
    {
        return linkType == RAW || linkType == IPV4 || linkType == IPV6;
    }

    /**
     * @param linkType a LINKTYPE_* value.
     * @return its name for messages, e.g. "RAW (101)".
     */
    public static String name(final int linkType)
    {
        final String name = switch (linkType)
        {
            case ETHERNET -> "ETHERNET";
            case RAW -> "RAW";
            case IPV4 -> "IPV4";
            case IPV6 -> "IPV6";
            case 0 -> "NULL";
            case 113 -> "LINUX_SLL";
            case 276 -> "LINUX_SLL2";
            default -> "unknown";
        };
        return name + " (" + linkType + ")";
    }
}
