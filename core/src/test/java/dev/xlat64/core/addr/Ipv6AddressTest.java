package dev.xlat64.core.addr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6AddressTest
{
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2001:db8::1|20010db800000000|0000000000000001",
        "::|0000000000000000|0000000000000000",
        "::1|0000000000000000|0000000000000001",
        "1::|0001000000000000|0000000000000000",
        "2001:DB8:0:0:0:0:0:1|20010db800000000|0000000000000001",
        "2001:0db8:0000:0000:0000:0000:0000:0001|20010db800000000|0000000000000001",
        "1:2:3:4:5:6:7:8|0001000200030004|0005000600070008",
        "1:2:3:4:5:6:7::|0001000200030004|0005000600070000",
        "::2:3:4:5:6:7:8|0000000200030004|0005000600070008",
        "::ffff:198.51.100.1|0000000000000000|0000ffffc6336401",
        "64:ff9b::192.0.2.33|0064ff9b00000000|00000000c0000221",
        "1:2:3:4:5:6:1.2.3.4|0001000200030004|0005000601020304",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff|ffffffffffffffff|ffffffffffffffff",
    })
    void shouldParseEveryRfc4291TextForm(final String text, final String high, final String low)
    {
        assertEquals(Long.parseUnsignedLong(high, 16), Ipv6Address.parseHigh(text));
        assertEquals(Long.parseUnsignedLong(low, 16), Ipv6Address.parseLow(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        // RFC 5952 §4.1 leading zeros, §4.2.1 longest run, §4.2.2 not a single group, §4.2.3 first of equal runs, §4.3 lowercase
        "2001:0db8:0000:0000:0000:0000:0000:0001|2001:db8::1",
        "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
        "2001:db8:0:0:1:1:0:0|2001:db8::1:1:0:0",
        "2001:0:0:1:0:0:0:1|2001:0:0:1::1",
        "2001:DB8::ABCD|2001:db8::abcd",
        "0:0:0:0:0:0:0:0|::",
        "0:0:0:0:0:0:0:1|::1",
        "1:0:0:0:0:0:0:0|1::",
        "1:2:3:4:5:6:7:8|1:2:3:4:5:6:7:8",
        "0:1:2:3:4:5:6:0|0:1:2:3:4:5:6:0",
        "::ffff:c633:6401|::ffff:198.51.100.1",
        "64:ff9b::c000:221|64:ff9b::c000:221",
    })
    void shouldFormatPerRfc5952(final String text, final String canonical)
    {
        final Ipv6Address address = Ipv6Address.parse(text);
        assertEquals(canonical, Ipv6Address.format(address.high(), address.low()));
        assertEquals(canonical, address.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "\"\"|IPv6 address is empty",
        "1:2:3:4:5:6:7|'1:2:3:4:5:6:7': has 7 groups, expected 8",
        "1:2:3:4:5:6:7:8:9|'1:2:3:4:5:6:7:8:9': more than 8 groups",
        "1:2:3:4::5:6:7:8|'1:2:3:4::5:6:7:8': has 8 groups besides '::', at most 7 allowed",
        "1::2::3|'1::2::3': '::' may appear only once",
        ":1::|':1::': empty group at position 0",
        "1::2:|'1::2:': ends with a single ':'",
        "1:::2|'1:::2': '::' may appear only once",
        "12345::|'12345::': group '12345' has more than 4 hex digits",
        "g::|'g::': unexpected character 'g' in group 'g'",
        "fe80::1%eth0|'fe80::1%eth0': zone identifiers ('%...') are not accepted here",
        "[::1]|'[::1]': brackets are not part of an address",
        "::1.2.3.4:5|'::1.2.3.4:5': an embedded IPv4 address may only be the last part",
        "::1.2.3|'::1.2.3': embedded invalid IPv4 address '1.2.3': only 3 octets, expected 4",
        "::1.2.3.256|'::1.2.3.256': embedded invalid IPv4 address '1.2.3.256': octet 4 is greater than 255",
        "1:2:3:4:5:6:7:1.2.3.4|'1:2:3:4:5:6:7:1.2.3.4': too many groups before the embedded IPv4 address",
        "1.2.3.4|'1.2.3.4': has 2 groups, expected 8",
        "localhost|'localhost': group 'localhost' has more than 4 hex digits",
        "2001:db8::-1|'2001:db8::-1': unexpected character '-' in group '-1'",
    })
    void shouldRefuseMalformedTextWithAClearMessage(final String text, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }

    @Test
    void shouldRefuseNull()
    {
        assertEquals("IPv6 address is missing (null)",
            assertThrows(IllegalArgumentException.class, () -> Ipv6Address.parse(null)).getMessage());
    }

    @Test
    void shouldAgreeWithTheJdkOnRandomAddressesWithZeroRuns() throws Exception
    {
        final SplittableRandom random = new SplittableRandom(6052);
        for (int n = 0; n < 5000; n++)
        {
            long high = random.nextLong();
            long low = random.nextLong();
            // Zero some groups so that '::' runs of every length and position occur.
            final int zeroMask = random.nextInt(256);
            for (int g = 0; g < 8; g++)
            {
                if ((zeroMask & (1 << g)) != 0)
                {
                    if (g < 4)
                    {
                        high &= ~(0xFFFFL << (48 - 16 * g));
                    }
                    else
                    {
                        low &= ~(0xFFFFL << (48 - 16 * (g - 4)));
                    }
                }
            }
            final Ipv6Address address = Ipv6Address.of(high, low);
            final String text = address.toString();
            assertEquals(address, Ipv6Address.parse(text), text);
            assertArrayEquals(InetAddress.getByName(text).getAddress(), address.toBytes(), text);
            assertFalse(text.contains(":::"), text);
            assertFalse(text.matches(".*(^|:)0[0-9a-f].*"), text);
        }
    }

    @Test
    void shouldParsePrefixAndTestMembership()
    {
        final Ipv6Prefix prefix = Ipv6Prefix.parse("2001:db8:64::/96");
        assertEquals(96, prefix.length());
        assertEquals(0x20010db800640000L, prefix.high());
        assertEquals(0, prefix.low());
        assertTrue(prefix.contains(Ipv6Address.parseHigh("2001:db8:64::c633:640a"), Ipv6Address.parseLow("2001:db8:64::c633:640a")));
        assertFalse(prefix.contains(Ipv6Address.parseHigh("2001:db8:64::1:0:0"), Ipv6Address.parseLow("2001:db8:64::1:0:0")));
        final Ipv6Prefix slash32 = Ipv6Prefix.parse("2001:db8::/32");
        assertTrue(slash32.contains(0x20010db8ffffffffL, -1L));
        assertFalse(slash32.contains(0x20010db9_00000000L, 0));
        assertTrue(slash32.contains(prefix));
        assertFalse(prefix.contains(slash32));
        assertTrue(Ipv6Prefix.parse("::/0").contains(-1L, -1L));
        assertEquals(128, Ipv6Prefix.parse("::1").length());
        assertTrue(Ipv6Prefix.parse("::ffff:0:0/96").contains(0, 0x0000ffffc6336401L));
        assertTrue(Ipv6Prefix.parse("2001:db8::1:0/112").contains(0x20010db800000000L, 0x1ffffL));
        assertFalse(Ipv6Prefix.parse("2001:db8::1:0/112").contains(0x20010db800000000L, 0x2ffffL));
        assertEquals("2001:db8:64::/96", prefix.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "2001:db8::1/32|'2001:db8::1/32': host bits are set beyond /32 (did you mean 2001:db8::/32?)",
        "2001:db8::/129|'2001:db8::/129': length 129 must be 0 to 128",
        "2001:db8::/|'2001:db8::/': the length after '/' is missing",
        "2001:db8::/3 2|'2001:db8::/3 2': length '3 2' is not a decimal number",
        "2001:db8:::/32|invalid IPv6 prefix '2001:db8:::/32': invalid IPv6 address '2001:db8:::'",
    })
    void shouldRefuseMalformedPrefixWithAClearMessage(final String text, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> Ipv6Prefix.parse(text));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }
}
