package dev.xlat64.core.rfc6052;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Rfc6052PrefixTest
{
    /** RFC 6052 §2.4, the whole table. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2001:db8::/32        |192.0.2.33|2001:db8:c000:221::",
        "2001:db8:100::/40    |192.0.2.33|2001:db8:1c0:2:21::",
        "2001:db8:122::/48    |192.0.2.33|2001:db8:122:c000:2:2100::",
        "2001:db8:122:300::/56|192.0.2.33|2001:db8:122:3c0:0:221::",
        "2001:db8:122:344::/64|192.0.2.33|2001:db8:122:344:c0:2:2100:0",
        "2001:db8:122:344::/96|192.0.2.33|2001:db8:122:344::192.0.2.33",
    })
    void shouldEmbedAndExtractEveryRowOfTheRfc6052Table(final String prefixText, final String ipv4Text, final String embedded)
    {
        final Rfc6052Prefix prefix = Rfc6052Prefix.parse(prefixText.strip());
        final int ipv4 = Ipv4Address.parse(ipv4Text);
        final Ipv6Address expected = Ipv6Address.parse(embedded);

        assertEquals(expected.high(), prefix.embedHigh(ipv4), "high half");
        assertEquals(expected.low(), prefix.embedLow(ipv4), "low half");
        assertEquals(ipv4, prefix.extract(expected.high(), expected.low()));
        assertTrue(prefix.contains(expected.high(), expected.low()));
        assertTrue(prefix.isValidEmbedded(expected.high(), expected.low()));
        assertTrue(prefix.permits(ipv4), "network-specific prefixes carry any IPv4 address");
        assertEquals(expected.toString(), prefix.embedToString(ipv4));
    }

    @Test
    void shouldRoundTripRandomAddressesUnderEveryLengthWithTheUOctetZero()
    {
        final SplittableRandom random = new SplittableRandom(52);
        for (final String text : new String[] {"2001:db8::/32", "2001:db8:ff00::/40", "2001:db8:ffff::/48",
            "2001:db8:ffff:ff00::/56", "2001:db8:ffff:ffff::/64", "2001:db8:ffff:ffff:ff:ffff::/96"})
        {
            final Rfc6052Prefix prefix = Rfc6052Prefix.parse(text);
            for (int n = 0; n < 10_000; n++)
            {
                final int ipv4 = random.nextInt();
                final long high = prefix.embedHigh(ipv4);
                final long low = prefix.embedLow(ipv4);
                assertEquals(0, low >>> 56, "u-octet of " + Ipv6Address.format(high, low));
                assertTrue(prefix.isValidEmbedded(high, low));
                assertEquals(ipv4, prefix.extract(high, low), text);
            }
        }
    }

    @Test
    void shouldWriteTheSuffixAsZero()
    {
        // RFC 6052 §2.2: the bits after the embedded IPv4 address (the suffix) are set to zero.
        final Rfc6052Prefix prefix = Rfc6052Prefix.parse("2001:db8::/32");
        assertEquals(0, prefix.embedLow(-1));
        assertEquals(0xFFL, Rfc6052Prefix.parse("2001:db8:100::/40").embedLow(-1) >>> 48);
        assertEquals(0, Rfc6052Prefix.parse("2001:db8:100::/40").embedLow(-1) & 0xFFFF_FFFF_FFFFL);
    }

    @Test
    void shouldRejectAnAddressWithANonZeroUOctetAsEmbedded()
    {
        final Rfc6052Prefix prefix = Rfc6052Prefix.parse("2001:db8:122:344::/64");
        final Ipv6Address withU = Ipv6Address.parse("2001:db8:122:344:1c0:2:2100:0");
        assertTrue(prefix.contains(withU.high(), withU.low()));
        assertFalse(prefix.isValidEmbedded(withU.high(), withU.low()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2001:db8::/33|'2001:db8::/33': length /33 is not one of /32, /40, /48, /56, /64, /96 (RFC 6052 §2.2)",
        "2001:db8::/128|length /128 is not one of",
        "2001:db8::|'2001:db8::': the length is missing; expected one of /32, /40, /48, /56, /64, /96",
        "2001:db8:0:0:100::/96|'2001:db8:0:0:100::/96': bits 64-71 (the u-octet) are 0x1 but must be zero (RFC 6052 §2.2)",
        "2001:db8:0:0:ff00::/96|bits 64-71 (the u-octet) are 0xff but must be zero",
        "2001:db8::1/96|host bits are set beyond /96 (did you mean 2001:db8::/96?)",
        "2001:db8:zz::/96|invalid RFC 6052 prefix: invalid IPv6 prefix '2001:db8:zz::/96'",
        "\"\"|the length is missing",
    })
    void shouldRefuseBadPrefixesWithAClearMessage(final String text, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Rfc6052Prefix.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void shouldRefuseNull()
    {
        assertThrows(IllegalArgumentException.class, () -> Rfc6052Prefix.parse(null));
    }

    @ParameterizedTest
    @CsvSource({
        "10.1.2.3", "127.0.0.1", "0.1.2.3", "100.64.0.1", "169.254.1.1", "172.16.0.1", "172.31.255.255",
        "192.0.0.1", "192.0.0.170", "192.0.0.171", "192.0.2.33", "192.168.1.1", "198.18.0.1", "198.19.255.255",
        "198.51.100.10", "203.0.113.5", "240.0.0.1", "255.255.255.255"})
    void shouldRefuseNonGlobalIpv4UnderTheWellKnownPrefix(final String ipv4Text)
    {
        final int ipv4 = Ipv4Address.parse(ipv4Text);
        final Rfc6052Prefix wkp = Rfc6052Prefix.parse("64:ff9b::/96");
        assertTrue(wkp.isWellKnown());
        assertFalse(wkp.isLocalUse());
        assertFalse(SpecialPurposeIpv4.isGlobal(ipv4));
        assertFalse(wkp.permits(ipv4));
        assertTrue(wkp.whyNotPermitted(ipv4).startsWith(ipv4Text + " is not global ("), wkp.whyNotPermitted(ipv4));
        assertTrue(Rfc6052Prefix.parse("64:ff9b::/96", true).permits(ipv4), "allowNonGlobal lifts the limit");
        assertTrue(Rfc6052Prefix.parse("64:ff9b:1::/48").permits(ipv4), "RFC 8215 local-use has no such limit");
        assertTrue(Rfc6052Prefix.parse("2001:db8:64::/96").permits(ipv4), "network-specific prefix has no such limit");
    }

    @ParameterizedTest
    @CsvSource({
        "8.8.8.8", "1.1.1.1", "9.255.255.255", "11.0.0.0", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "192.0.0.9", "192.0.0.10", "192.0.1.0", "192.0.3.0", "192.31.196.1", "192.52.193.1",
        "192.167.255.255", "192.169.0.0", "192.175.48.1", "198.17.255.255", "198.20.0.0", "203.0.114.1",
        "223.255.255.255", "224.0.0.1"})
    void shouldPermitGlobalIpv4UnderTheWellKnownPrefix(final String ipv4Text)
    {
        final int ipv4 = Ipv4Address.parse(ipv4Text);
        assertTrue(SpecialPurposeIpv4.isGlobal(ipv4));
        assertTrue(Rfc6052Prefix.parse("64:ff9b::/96").permits(ipv4));
        assertNull(Rfc6052Prefix.parse("64:ff9b::/96").whyNotPermitted(ipv4));
    }

    @Test
    void shouldNameTheRegistryBlock()
    {
        assertEquals("Private-Use (RFC 1918)", SpecialPurposeIpv4.blockName(Ipv4Address.parse("10.9.8.7")));
        assertEquals("Port Control Protocol Anycast (RFC 7723)", SpecialPurposeIpv4.blockName(Ipv4Address.parse("192.0.0.9")));
        assertNull(SpecialPurposeIpv4.blockName(Ipv4Address.parse("8.8.8.8")));
    }

    @Test
    void shouldEmbedTheWellKnownPrefixAsInRfc6052Section24()
    {
        // RFC 6052 §2.4: 192.0.2.33 under the WKP is 64:ff9b::192.0.2.33 (the text example; §3.1 still refuses it).
        final Rfc6052Prefix wkp = Rfc6052Prefix.parse("64:ff9b::/96");
        final int ipv4 = Ipv4Address.parse("192.0.2.33");
        assertEquals(Ipv6Address.parse("64:ff9b::192.0.2.33"), Ipv6Address.of(wkp.embedHigh(ipv4), wkp.embedLow(ipv4)));
        assertEquals("64:ff9b::808:808", wkp.embedToString(Ipv4Address.parse("8.8.8.8")));
    }

    @Test
    void shouldTreatPrefixesInsideTheLocalUsePrefixAsLocalUse()
    {
        final Rfc6052Prefix local = Rfc6052Prefix.parse("64:ff9b:1::/48");
        assertTrue(local.isLocalUse());
        assertFalse(local.isWellKnown());
        assertTrue(Rfc6052Prefix.parse("64:ff9b:1:abcd::/96").isLocalUse());
        assertFalse(Rfc6052Prefix.parse("64:ff9b:2::/48").isLocalUse());
        assertEquals("64:ff9b:1:a01:2:300::", local.embedToString(Ipv4Address.parse("10.1.2.3")));
        assertEquals(48, local.length());
    }
}
