package dev.xlat64.core.counters;

/**
 * Every reason the translator drops a packet, each with the sentence an operator reads in {@code xlat64 stats}.
 * <p>
 * The {@link #id()} is part of the counters file format (it is the Agrona counter type id minus
 * {@link #TYPE_ID_BASE}): never renumber an entry, only append. Counters are named {@code drop-<reason>}, e.g.
 * {@code translator.drop-hop-limit-exceeded{agent=worker-0}}.
 */
public enum DropReason implements CounterDescriptor
{
    IPV6_MALFORMED(1, "IPv6 header truncated, not version 6, or its payload length exceeds the packet"),
    IPV6_EXTENSION_CHAIN_MALFORMED(2, "IPv6 extension header chain truncated or too long"),
    IPV6_EXTENSION_AFTER_FRAGMENT(3, "IPv6 extension header after the Fragment header (RFC 7915 §5.1)"),
    IPV4_MALFORMED(4, "IPv4 header truncated, not version 4, bad IHL, or its total length lies"),
    IPV4_HEADER_CHECKSUM_INVALID(5, "IPv4 header checksum does not verify"),
    HOP_LIMIT_EXCEEDED(6, "IPv6 hop limit would reach zero (RFC 7915 §5.1)"),
    TTL_EXCEEDED(7, "IPv4 TTL would reach zero (RFC 7915 §4.1)"),
    SEGMENTS_LEFT_NONZERO(8, "IPv6 routing header with Segments Left != 0 (RFC 7915 §5.1)"),
    SOURCE_ROUTE_OPTION(9, "IPv4 packet with an unexpired source route option (RFC 7915 §4.1)"),
    UNTRANSLATABLE_SOURCE_6TO4(10, "IPv6 source is neither in the EAMT nor under pool6"),
    UNTRANSLATABLE_DESTINATION_6TO4(11, "IPv6 destination is neither in the EAMT nor under pool6"),
    UNTRANSLATABLE_SOURCE_4TO6(12, "IPv4 source maps to no IPv6 address (no EAM, no pool6)"),
    UNTRANSLATABLE_DESTINATION_4TO6(13, "IPv4 destination maps to no IPv6 address (no EAM, no pool6)"),
    NON_GLOBAL_UNDER_WKP(14, "non-global IPv4 address under the well-known prefix 64:ff9b::/96 (RFC 6052 §3.1)"),
    PACKET_TOO_BIG(15, "translated IPv4 packet exceeds the IPv4 MTU; Packet Too Big returned (RFC 7915 §5.1)"),
    FRAGMENTATION_NEEDED(16, "DF set and the translated IPv6 packet exceeds the IPv6 MTU (RFC 7915 §4.1)"),
    UDP_CHECKSUM_ZERO(17, "IPv4 UDP with a zero checksum and amend-udp-checksum-zero off (RFC 7915 §4.5)"),
    UDP_CHECKSUM_ZERO_FRAGMENT(18, "fragmented IPv4 UDP with a zero checksum cannot get one (RFC 7915 §4.5)"),
    L4_HEADER_TRUNCATED(19, "TCP, UDP or ICMP header cut short in an unfragmented packet or first fragment"),
    ICMP_FRAGMENTED(20, "fragmented ICMP/ICMPv6 is not translated (RFC 7915 §1.2)"),
    ICMP_CHECKSUM_INVALID(21, "ICMP error with a bad checksum (its checksum is recomputed, so it is checked first)"),
    ICMPV6_TYPE_UNTRANSLATABLE(22, "ICMPv6 type or code with no ICMPv4 equivalent (RFC 7915 §5.2)"),
    ICMPV4_TYPE_UNTRANSLATABLE(23, "ICMPv4 type or code with no ICMPv6 equivalent (RFC 7915 §4.2)"),
    ICMP_POINTER_UNTRANSLATABLE(24, "Parameter Problem pointer to a field with no counterpart (RFC 7915 Figures 3/6)"),
    ICMP_ERROR_INSIDE_ERROR(25, "ICMP error whose packet in error is itself an ICMP error (RFC 7915 §4.3/§5.3)"),
    ICMP_INNER_PACKET_MALFORMED(26, "ICMP error whose packet in error is truncated or not IP of the right version"),
    ICMP_INNER_UNTRANSLATABLE(27, "ICMP error whose packet in error has addresses that do not translate"),
    WRONG_IP_VERSION(28, "IPv4 packet on the IPv6 side or IPv6 packet on the IPv4 side");

    /** Counter type ids of drop reasons are {@code TYPE_ID_BASE + id()} (1000-1999, see {@link CounterScope}). */
    public static final int TYPE_ID_BASE = 1000;

    private final int id;
    private final String description;

    DropReason(final int id, final String description)
    {
        this.id = id;
        this.description = description;
    }

    /**
     * @return the stable number of this reason in the counters file.
     */
    public int id()
    {
        return id;
    }

    @Override
    public int typeId()
    {
        return TYPE_ID_BASE + id;
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.TRANSLATOR;
    }

    /**
     * @return {@code drop-} and the reason, e.g. {@code drop-hop-limit-exceeded}.
     */
    @Override
    public String counterName()
    {
        return "drop-" + CounterDescriptor.counterNameOf(name());
    }

    /**
     * @return one sentence for operators.
     */
    @Override
    public String description()
    {
        return description;
    }
}
