package dev.xlat64.io.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.rfc7757.EamHairpinMode;
import dev.xlat64.core.rfc7915.TranslatorConfig;

class TranslatorConfigReaderTest
{
    private static final String FULL = """
        pool6: 2001:db8:64::/96
        eamt:
          - ipv6-prefix: 2001:db8:1::/120
            ipv4-prefix: 203.0.113.0/24
        eam-hairpin-mode: simple
        rfc6791-pool4: [198.51.100.200/31, 198.51.100.210/32]
        rfc6791-pool6: 2001:db8:6791::/96
        translator-ipv4-address: 198.51.100.1
        translator-ipv6-address: 2001:db8:1::1
        ipv4-mtu: 1400
        ipv6-mtu: 9000
        lowest-ipv6-mtu: 1500
        mtu-plateaus: [1500, 1280, 576]
        amend-udp-checksum-zero: true
        traffic-class: 0
        tos: copy
        icmp-error-hop-limit: 32
        gateway:
          workers: 2
        """;

    @Test
    void shouldReadEveryTranslatorKey()
    {
        final TranslatorConfig config = TranslatorConfigReader.read(ConfigNode.parse("t.yaml", FULL));
        assertEquals("2001:db8:64::/96", config.pool6().prefix().toString());
        assertEquals(1, config.eamt().size());
        assertEquals(0xCB00_7100, config.eamt().entry(0).ipv4());
        assertEquals(EamHairpinMode.SIMPLE, config.eamHairpinMode());
        assertEquals(3, config.rfc6791Pool4Size());
        assertEquals(Ipv4Address.parse("198.51.100.210"), config.rfc6791Pool4Address(2));
        assertEquals(96, config.rfc6791Pool6().length());
        assertEquals(Ipv4Address.parse("198.51.100.1"), config.translatorIpv4Address());
        assertTrue(config.hasTranslatorIpv6Address());
        assertEquals(1400, config.ipv4MtuBytes());
        assertEquals(9000, config.ipv6MtuBytes());
        assertEquals(1500, config.lowestIpv6MtuBytes());
        assertArrayEquals(new int[]{1500, 1280, 576}, config.mtuPlateaus().values());
        assertTrue(config.amendUdpChecksumZero());
        assertEquals(0, config.trafficClass());
        assertEquals(TranslatorConfig.COPY, config.tos());
        assertEquals(32, config.icmpErrorHopLimit());
    }

    @Test
    void shouldApplyDefaults()
    {
        final TranslatorConfig config = TranslatorConfigReader.read(ConfigNode.parse("t.yaml", "pool6: 64:ff9b::/96\n"));
        assertTrue(config.eamt().isEmpty());
        assertEquals(EamHairpinMode.INTRINSIC, config.eamHairpinMode());
        assertEquals(1500, config.ipv4MtuBytes());
        assertEquals(1280, config.lowestIpv6MtuBytes());
        assertFalse(config.amendUdpChecksumZero());
        assertFalse(config.hasTranslatorIpv4Address());
        assertNull(config.rfc6791Pool6());
        assertFalse(config.pool6().permits(Ipv4Address.parse("10.0.0.1")));
        assertTrue(TranslatorConfigReader.read(ConfigNode.parse("t.yaml",
            "pool6: 64:ff9b::/96\nallow-wkp-non-global: true\n")).pool6().permits(Ipv4Address.parse("10.0.0.1")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "pool6: 2001:db8::/33|t.yaml:1: pool6: '2001:db8::/33' is not valid",
        "pool6: 2001:db8::/96\\nipv6-mtu: 1000|t.yaml:2: ipv6-mtu: '1000' is not valid (expected a whole number from 1280 to 65535)",
        "pool6: 2001:db8::/96\\nipv4-mtu: big|t.yaml:2: ipv4-mtu: 'big' is not valid (expected a whole number from 68 to 65535)",
        "pool6: 2001:db8::/96\\neam-hairpin-mode: always|t.yaml:2: eam-hairpin-mode: 'always' is not valid (expected one of off, simple, intrinsic)",
        "pool6: 2001:db8::/96\\ntos: 300|t.yaml:2: tos: '300' is not valid (expected copy, or a whole number from 0 to 255)",
        "pool6: 2001:db8::/96\\ntranslator-ipv4-address: 1.2.3|t.yaml:2: translator-ipv4-address: '1.2.3' is not valid",
        "pool6: 2001:db8::/96\\nrfc6791-pool6: 2001:db8::/120|t.yaml:2: rfc6791-pool6: '2001:db8::/120' is not valid: longer than /96",
        "eamt:\\n  - ipv6-prefix: 2001:db8::/120\\n    ipv4-prefix: 203.0.113.0/28|t.yaml:2: eamt[0].ipv6-prefix: '2001:db8::/120 = 203.0.113.0/28' is not valid",
        "eamt:\\n  - ipv6-prefx: 2001:db8::/120|t.yaml:2: eamt[0].ipv6-prefx: unknown key",
        "ipv4-mtu: 1500|t.yaml:1: pool6: '(absent)' is not valid (expected pool6 or at least one eamt entry",
        "pool6: 2001:db8::/96\\nmtu-plateaus: [1500, 20]|t.yaml:2: mtu-plateaus[1]: '20' is not valid: out of range"})
    void shouldNameKeyValueAndExpectation(final String yaml, final String message)
    {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> TranslatorConfigReader.read(ConfigNode.parse("t.yaml", yaml.replace("\\n", "\n"))));
        assertTrue(ex.getMessage().startsWith(message), ex.getMessage());
    }
}
