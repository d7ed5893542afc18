package dev.xlat64.bench;

import java.util.List;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamTable;
import dev.xlat64.core.rfc7915.TranslatorConfig;

import static dev.xlat64.core.rfc7915.TestPackets.bytes;
import static dev.xlat64.core.rfc7915.TestPackets.icmp;
import static dev.xlat64.core.rfc7915.TestPackets.ipv4;
import static dev.xlat64.core.rfc7915.TestPackets.ipv6;
import static dev.xlat64.core.rfc7915.TestPackets.tcp;
import static dev.xlat64.core.rfc7915.TestPackets.udp;

/**
 * The SIIT setup the translator benchmarks share: the lab's pool6 and EAM entry, and the packets by kind
 * ({@code udp64}, {@code udp1500}, {@code tcp}, {@code icmp-echo}, {@code icmp-error}) in both directions.
 */
final class SiitBenchTraffic
{
    private static final String CLIENT6 = "2001:db8:1::2";
    private static final String CLIENT4 = "203.0.113.2";
    private static final String SERVER6 = "2001:db8:64::c633:640a";
    private static final String SERVER4 = "198.51.100.10";

    private SiitBenchTraffic()
    {
    }

    /**
     * pool6 2001:db8:64::/96, EAM 2001:db8:1::/120 - 203.0.113.0/24, IPv6 MTU 9000 so 1500-byte packets pass whole.
     */
    static TranslatorConfig config()
    {
        final Ipv6Prefix eam6 = Ipv6Prefix.parse("2001:db8:1::/120");
        final Ipv4Prefix eam4 = Ipv4Prefix.parse("203.0.113.0/24");
        return TranslatorConfig.builder()
            .pool6(Rfc6052Prefix.parse("2001:db8:64::/96"))
            .eamt(new EamTable(List.of(new EamEntry(eam6.high(), eam6.low(), 120, eam4.address(), 24))))
            .translatorIpv4Address(Ipv4Address.parse("198.51.100.1"))
            .translatorIpv6Address(Ipv6Address.parseHigh("2001:db8:1::1"), Ipv6Address.parseLow("2001:db8:1::1"))
            .ipv6MtuBytes(9000).lowestIpv6MtuBytes(9000)
            .build();
    }

    static byte[] packet6(final String kind)
    {
        return switch (kind)
        {
            case "udp64" -> ipv6(CLIENT6, SERVER6).carrying(udp(40000, 53, bytes(64 - 48, 1)));
            case "udp1500" -> ipv6(CLIENT6, SERVER6).carrying(udp(40000, 53, bytes(1500 - 48, 1)));
            case "tcp" -> ipv6(CLIENT6, SERVER6).carrying(tcp(40000, 80, 0x10, bytes(512, 1)));
            case "icmp-echo" -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 128, 0, 0x00010001, bytes(56, 1)));
            case "icmp-error" -> ipv6(CLIENT6, SERVER6).carrying(icmp(58, 1, 4, 0,
                ipv6(SERVER6, CLIENT6).hopLimit(63).carrying(udp(53, 40000, bytes(100, 2)))));
            default -> throw new IllegalArgumentException("packet " + kind);
        };
    }

    static byte[] packet4(final String kind)
    {
        return switch (kind)
        {
            case "udp64" -> ipv4(SERVER4, CLIENT4).carrying(udp(53, 40000, bytes(64 - 28, 1)));
            case "udp1500" -> ipv4(SERVER4, CLIENT4).dontFragment(true).carrying(udp(53, 40000, bytes(1500 - 28, 1)));
            case "tcp" -> ipv4(SERVER4, CLIENT4).dontFragment(true).carrying(tcp(80, 40000, 0x10, bytes(512, 1)));
            case "icmp-echo" -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 0, 0, 0x00010001, bytes(56, 1)));
            case "icmp-error" -> ipv4(SERVER4, CLIENT4).carrying(icmp(1, 3, 3, 0,
                ipv4(CLIENT4, SERVER4).ttl(63).carrying(udp(40000, 53, bytes(100, 2)))));
            default -> throw new IllegalArgumentException("packet " + kind);
        };
    }
}
