package dev.xlat64.core.rfc6052;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;

/**
 * The IPv4 Special-Purpose Address Registry of RFC 6890 §2.2.2 (with the later IANA additions noted below),
 * reduced to its "Global" column: whether an address of the block is globally reachable.
 * <p>
 * RFC 6052 §3.1 forbids the Well-Known Prefix 64:ff9b::/96 for non-global IPv4 addresses; this table is
 * what "non-global" means here. Blocks not listed are global unicast as far as this table is concerned
 * (multicast 224.0.0.0/4 is not in the RFC 6890 table, so it is not refused here).
 * <p>
 * The most specific entry wins, so 192.0.0.9/32 (PCP anycast, RFC 7723) and 192.0.0.10/32 (TURN anycast,
 * RFC 8155), both global, override the non-global 192.0.0.0/24.
 */
public final class SpecialPurposeIpv4
{
    /** Registry rows: address, prefix length, global. Sorted by decreasing prefix length for longest match. */
    private static final Entry[] ENTRIES = {
        entry("255.255.255.255", 32, false, "Limited Broadcast (RFC 8190, RFC 919 §7)"),
        entry("192.0.0.9", 32, true, "Port Control Protocol Anycast (RFC 7723)"),
        entry("192.0.0.10", 32, true, "Traversal Using Relays around NAT Anycast (RFC 8155)"),
        entry("192.0.0.170", 32, false, "NAT64/DNS64 Discovery (RFC 8880, RFC 7050 §2.2)"),
        entry("192.0.0.171", 32, false, "NAT64/DNS64 Discovery (RFC 8880, RFC 7050 §2.2)"),
        entry("192.0.0.8", 32, false, "IPv4 dummy address (RFC 7600)"),
        entry("192.0.0.0", 29, false, "IPv4 Service Continuity Prefix / DS-Lite (RFC 7335, RFC 6333)"),
        entry("192.0.0.0", 24, false, "IETF Protocol Assignments (RFC 6890 §2.1)"),
        entry("192.0.2.0", 24, false, "Documentation TEST-NET-1 (RFC 5737)"),
        entry("198.51.100.0", 24, false, "Documentation TEST-NET-2 (RFC 5737)"),
        entry("203.0.113.0", 24, false, "Documentation TEST-NET-3 (RFC 5737)"),
        entry("192.31.196.0", 24, true, "AS112-v4 (RFC 7535)"),
        entry("192.52.193.0", 24, true, "AMT (RFC 7450)"),
        entry("192.175.48.0", 24, true, "Direct Delegation AS112 Service (RFC 7534)"),
        entry("169.254.0.0", 16, false, "Link Local (RFC 3927)"),
        entry("192.168.0.0", 16, false, "Private-Use (RFC 1918)"),
        entry("198.18.0.0", 15, false, "Benchmarking (RFC 2544)"),
        entry("172.16.0.0", 12, false, "Private-Use (RFC 1918)"),
        entry("100.64.0.0", 10, false, "Shared Address Space (RFC 6598)"),
        entry("0.0.0.0", 8, false, "\"This host on this network\" (RFC 1122 §3.2.1.3)"),
        entry("10.0.0.0", 8, false, "Private-Use (RFC 1918)"),
        entry("127.0.0.0", 8, false, "Loopback (RFC 1122 §3.2.1.3)"),
        entry("240.0.0.0", 4, false, "Reserved (RFC 1112 §4)"),
    };

    private SpecialPurposeIpv4()
    {
    }

    /**
     * @param ipv4 an address.
     * @return false if the most specific RFC 6890 registry block holding it is not globally reachable.
     */
    public static boolean isGlobal(final int ipv4)
    {
        final Entry entry = lookup(ipv4);
        return entry == null || entry.global;
    }

    /**
     * @param ipv4 an address.
     * @return the name of the most specific registry block holding it, or null if it is in none.
     */
    public static String blockName(final int ipv4)
    {
        final Entry entry = lookup(ipv4);
        return entry == null ? null : entry.name;
    }

    private static Entry lookup(final int ipv4)
    {
        for (final Entry entry : ENTRIES)
        {
            if ((ipv4 & entry.mask) == entry.address)
            {
                return entry;
            }
        }
        return null;
    }

    private static Entry entry(final String address, final int length, final boolean global, final String name)
    {
        return new Entry(Ipv4Address.parse(address), Ipv4Prefix.mask(length), global, name);
    }

    private record Entry(int address, int mask, boolean global, String name)
    {
    }
}
