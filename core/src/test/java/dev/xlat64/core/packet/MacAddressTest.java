package dev.xlat64.core.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MacAddressTest
{
    @Test
    void shouldParseAndFormatColonAndDashForms()
    {
        assertEquals(0x02005E100001L, MacAddress.parse("02:00:5e:10:00:01"));
        assertEquals(0xFFFFFFFFFFFFL, MacAddress.parse("FF-FF-FF-FF-FF-FF"));
        assertEquals(0x0A0000000001L, MacAddress.parse("a:0:0:0:0:1"));
        assertEquals("02:00:5e:10:00:01", MacAddress.format(0x02005E100001L));
        assertEquals("ff:ff:ff:ff:ff:ff", MacAddress.format(MacAddress.BROADCAST));
    }

    @Test
    void shouldRefuseMalformedTextNamingIt()
    {
        final IllegalArgumentException tooShort =
            assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:00:5e:10:00"));
        assertTrue(tooShort.getMessage().contains("'02:00:5e:10:00'"), tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:00:5e:10:00:zz"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02:00:5e:10:00:100"));
        assertThrows(IllegalArgumentException.class, () -> MacAddress.parse("02::5e:10:00:01"));
    }

    @Test
    void shouldMapIpv6MulticastToThirtyThreeThirtyThree()
    {
        // RFC 2464 §7: ff02::1:ff10:1 -> 33:33:ff:10:00:01
        assertEquals(0x3333FF100001L, MacAddress.ipv6Multicast(0x00000001FF100001L));
    }
}
