package dev.xlat64.core.rfc7915;

import java.util.List;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamTable;

/**
 * The test network of the golden packets (documentation ranges only):
 * pool6 2001:db8:64::/96; EAM 2001:db8:1::/120 = 203.0.113.0/24 (the IPv6 clients); the IPv4 server
 * 198.51.100.10 = 2001:db8:64::c633:640a; translator 198.51.100.1 and 2001:db8:1::1; RFC 6791 pools
 * 198.51.100.200/31 and 2001:db8:6791::/96.
 */
final class GoldenConfig
{
    static final String CLIENT6 = "2001:db8:1::2";
    static final String CLIENT4 = "203.0.113.2";
    static final String SERVER4 = "198.51.100.10";
    static final String SERVER6 = "2001:db8:64::c633:640a";
    static final String TRANSLATOR4 = "198.51.100.1";
    static final String TRANSLATOR6 = "2001:db8:1::1";
    static final String ROUTER4 = "198.51.100.254";
    static final String ROUTER4_AS_6 = "2001:db8:64::c633:64fe";

    private GoldenConfig()
    {
    }

    static TranslatorConfig.Builder builder()
    {
        final Ipv6Prefix eam6 = Ipv6Prefix.parse("2001:db8:1::/120");
        final Ipv4Prefix eam4 = Ipv4Prefix.parse("203.0.113.0/24");
        return TranslatorConfig.builder()
            .pool6(Rfc6052Prefix.parse("2001:db8:64::/96"))
            .eamt(new EamTable(List.of(new EamEntry(eam6.high(), eam6.low(), 120, eam4.address(), 24))))
            .translatorIpv4Address(Ipv4Address.parse(TRANSLATOR4))
            .translatorIpv6Address(Ipv6Address.parseHigh(TRANSLATOR6), Ipv6Address.parseLow(TRANSLATOR6))
            .addRfc6791Pool4(Ipv4Prefix.parse("198.51.100.200/31"))
            .rfc6791Pool6(Ipv6Prefix.parse("2001:db8:6791::/96"));
    }

    static TranslatorHarness harness()
    {
        return new TranslatorHarness(builder().build());
    }
}
