package dev.xlat64.core.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv4AddressTest
{
    @Test
    void shouldParseDottedQuadIntoNetworkOrderInt()
    {
        assertEquals(0xC6336414, Ipv4Address.parse("198.51.100.20"));
        assertEquals(0, Ipv4Address.parse("0.0.0.0"));
        assertEquals(-1, Ipv4Address.parse("255.255.255.255"));
        assertEquals(0x0A000001, Ipv4Address.parse("10.0.0.1"));
    }

    @Test
    void shouldFormatAsDottedQuad()
    {
        assertEquals("198.51.100.20", Ipv4Address.format(0xC6336414));
        assertEquals("255.255.255.255", Ipv4Address.format(-1));
        assertEquals("0.0.0.0", Ipv4Address.format(0));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|IPv4 address is empty",
        "1.2.3|'1.2.3': only 3 octets, expected 4",
        "1|'1': only 1 octet, expected 4",
        "1.2.3.4.5|'1.2.3.4.5': more than 4 octets",
        "1.2.3.256|'1.2.3.256': octet 4 is greater than 255",
        "1..3.4|'1..3.4': octet 2 is empty",
        "1.2.3.|'1.2.3.': octet 4 is empty",
        ".1.2.3|'.1.2.3': octet 1 is empty",
        "01.2.3.4|'01.2.3.4': octet 1 has a leading zero",
        "\"1.2.3.4 \"|'1.2.3.4 ': unexpected character ' ' at position 7",
        "a.b.c.d|'a.b.c.d': unexpected character 'a' at position 0",
        "1.2.3.-4|'1.2.3.-4': unexpected character '-' at position 6",
        "example.com|'example.com': unexpected character 'e' at position 0",
        "99999999999.1.1.1|'99999999999.1.1.1': octet 1 is greater than 255",
    })
    void shouldRefuseMalformedTextWithAClearMessage(final String text, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void shouldRefuseNull()
    {
        assertEquals("IPv4 address is missing (null)",
            assertThrows(IllegalArgumentException.class, () -> Ipv4Address.parse(null)).getMessage());
    }

    @Test
    void shouldRoundTripEveryOctetValue()
    {
        for (int i = 0; i < 256; i++)
        {
            final int address = (i << 24) | ((255 - i) << 16) | (i << 8) | i;
            assertEquals(address, Ipv4Address.parse(Ipv4Address.format(address)));
        }
    }

    @Test
    void shouldParsePrefixAndTestMembership()
    {
        final Ipv4Prefix prefix = Ipv4Prefix.parse("198.51.100.0/24");
        assertEquals(0xC6336400, prefix.address());
        assertEquals(24, prefix.length());
        assertTrue(prefix.contains(Ipv4Address.parse("198.51.100.255")));
        assertFalse(prefix.contains(Ipv4Address.parse("198.51.101.0")));
        assertEquals("198.51.100.0/24", prefix.toString());
        assertEquals(32, Ipv4Prefix.parse("203.0.113.7").length());
        assertTrue(Ipv4Prefix.parse("0.0.0.0/0").contains(-1));
        assertTrue(Ipv4Prefix.parse("10.1.2.3/32").contains(0x0A010203));
        assertFalse(Ipv4Prefix.parse("10.1.2.3/32").contains(0x0A010202));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "198.51.100.1/24|'198.51.100.1/24': host bits are set beyond /24 (did you mean 198.51.100.0/24?)",
        "198.51.100.0/33|'198.51.100.0/33': length 33 must be 0 to 32",
        "198.51.100.0/|'198.51.100.0/': the length after '/' is missing",
        "198.51.100.0/x|'198.51.100.0/x': length 'x' is not a decimal number",
        "198.51.100.0/024|'198.51.100.0/024': length '024' has a leading zero",
        "198.51.100.0/-1|'198.51.100.0/-1': length '-1' is not a decimal number",
        "198.51.100/24|'198.51.100/24': invalid IPv4 address '198.51.100': only 3 octets, expected 4",
    })
    void shouldRefuseMalformedPrefixWithAClearMessage(final String text, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Ipv4Prefix.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }
}
