package dev.xlat64.core.rfc7915;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;

class TranslatorConfigTest
{
    @Test
    void shouldRefuseConfigurationThatTranslatesNothing()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> TranslatorConfig.builder().build());
        assertEquals("neither pool6 nor an EAMT entry is configured: nothing would translate", ex.getMessage());
    }

    @Test
    void shouldNameTheSettingItRefuses()
    {
        final Rfc6052Prefix pool6 = Rfc6052Prefix.parse("2001:db8:64::/96");
        assertEquals("ipv6-mtu 1279 is not in 1280..65535", assertThrows(IllegalArgumentException.class,
            () -> TranslatorConfig.builder().pool6(pool6).ipv6MtuBytes(1279).build()).getMessage());
        assertEquals("lowest-ipv6-mtu 70000 is not in 1280..65535", assertThrows(IllegalArgumentException.class,
            () -> TranslatorConfig.builder().pool6(pool6).lowestIpv6MtuBytes(70000).build()).getMessage());
        assertEquals("tos 256 is not in 0..255", assertThrows(IllegalArgumentException.class,
            () -> TranslatorConfig.builder().pool6(pool6).tos(256).build()).getMessage());
        assertEquals("rfc6791-pool6 2001:db8::/120 is longer than /96: the IPv4 router address is placed in its last 32 bits",
            assertThrows(IllegalArgumentException.class, () -> TranslatorConfig.builder().pool6(pool6)
                .rfc6791Pool6(Ipv6Prefix.parse("2001:db8::/120")).build()).getMessage());
    }

    @Test
    void shouldCountThroughRfc6791Pool4Prefixes()
    {
        final TranslatorConfig config = TranslatorConfig.builder().pool6(Rfc6052Prefix.parse("2001:db8:64::/96"))
            .addRfc6791Pool4(Ipv4Prefix.parse("198.51.100.4/30")).addRfc6791Pool4(Ipv4Prefix.parse("203.0.113.9/32"))
            .build();
        assertEquals(5, config.rfc6791Pool4Size());
        assertEquals(Ipv4Address.parse("198.51.100.4"), config.rfc6791Pool4Address(0));
        assertEquals(Ipv4Address.parse("198.51.100.7"), config.rfc6791Pool4Address(3));
        assertEquals(Ipv4Address.parse("203.0.113.9"), config.rfc6791Pool4Address(4));
    }
}
