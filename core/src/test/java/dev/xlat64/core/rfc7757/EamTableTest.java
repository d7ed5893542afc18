package dev.xlat64.core.rfc7757;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class EamTableTest
{
    // 2001:db8:6::/120 <-> 198.51.100.0/24 (RFC 7757 §3.1 example shape), a /128 <-> /32 inside it,
    // and 2001:db8:aaaa::/96 <-> 203.0.113.0/0... is not allowed; a /112 <-> /16.
    private static final long HIGH_6 = 0x2001_0db8_0006_0000L;
    private static final EamEntry NET = new EamEntry(HIGH_6, 0, 120, 0xC633_6400, 24);
    private static final EamEntry HOST = new EamEntry(HIGH_6, 0x0000_0000_0000_0100L, 128, 0xCB00_7107, 32);
    private static final EamEntry WIDE = new EamEntry(0x2001_0db8_0007_0000L, 0, 112, 0xC633_0000, 16);

    @Test
    void shouldTranslateIpv6AddressByItsLongestMatchingPrefix()
    {
        final EamTable table = new EamTable(List.of(NET, HOST, WIDE));

        final int netIndex = table.lookup6(HIGH_6, 0x25);
        assertEquals(0, netIndex);
        assertEquals(0xC633_6425, table.translate6to4(netIndex, 0x25));

        // 2001:db8:6::100 lies in no /120 of NET (that ends at ::ff) but matches HOST exactly.
        final int hostIndex = table.lookup6(HIGH_6, 0x100);
        assertEquals(1, hostIndex);
        assertEquals(0xCB00_7107, table.translate6to4(hostIndex, 0x100));

        final int wideIndex = table.lookup6(0x2001_0db8_0007_0000L, 0xABCD);
        assertEquals(2, wideIndex);
        assertEquals(0xC633_ABCD, table.translate6to4(wideIndex, 0xABCD));

        assertEquals(-1, table.lookup6(HIGH_6, 0x101));
        assertEquals(-1, table.lookup6(0x2001_0db8_0008_0000L, 0));
    }

    @Test
    void shouldPreferLongerIpv4PrefixOverShorterOne()
    {
        // 198.51.100.0/24 inside 198.51.0.0/16: the /24 wins for 198.51.100.x, the /16 for the rest.
        final EamTable table = new EamTable(List.of(WIDE, NET));
        final int inNet = table.lookup4(0xC633_6409);
        assertEquals(1, inNet);
        assertEquals(HIGH_6, table.translate4to6High(inNet));
        assertEquals(0x09L, table.translate4to6Low(inNet, 0xC633_6409));

        final int inWide = table.lookup4(0xC633_0102);
        assertEquals(0, inWide);
        assertEquals(0x2001_0db8_0007_0000L, table.translate4to6High(inWide));
        assertEquals(0x0102L, table.translate4to6Low(inWide, 0xC633_0102));

        assertEquals(-1, table.lookup4(0xCB00_7100));
    }

    @Test
    void shouldKeepHighSuffixBitUnsignedWhenTranslating4to6()
    {
        final EamEntry all = new EamEntry(HIGH_6, 0x1111_2222_0000_0000L, 96, 0, 0);
        final EamTable table = new EamTable(List.of(all));
        final int index = table.lookup4(0xF000_0001);
        assertEquals(0, index);
        assertEquals(0x1111_2222_F000_0001L, table.translate4to6Low(index, 0xF000_0001));
        assertEquals(0, table.lookup6(HIGH_6, 0x1111_2222_F000_0001L));
        assertEquals(0xF000_0001, table.translate6to4(0, 0x1111_2222_F000_0001L));
    }

    @Test
    void shouldFindEntriesAmongManyOfTheSameLength()
    {
        final EamEntry[] many = new EamEntry[300];
        for (int i = 0; i < many.length; i++)
        {
            many[i] = new EamEntry(HIGH_6, (long)i << 8, 120, 0x0A00_0000 | (i << 8), 24);
        }
        final EamTable table = new EamTable(List.of(many));
        for (int i = 0; i < many.length; i++)
        {
            assertEquals(i, table.lookup4(0x0A00_0000 | (i << 8) | 7));
            assertEquals(i, table.lookup6(HIGH_6, ((long)i << 8) | 7));
        }
        assertEquals(-1, table.lookup4(0x0A00_0000 | (300 << 8)));
    }

    @Test
    void shouldRejectEntriesWithUnequalSuffixes()
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new EamEntry(HIGH_6, 0, 120, 0xC633_6400, 28));
        assertTrue(ex.getMessage().contains("suffix lengths differ"), ex.getMessage());
    }

    @Test
    void shouldRejectPrefixesWithHostBits()
    {
        assertThrows(IllegalArgumentException.class, () -> new EamEntry(HIGH_6, 1, 120, 0xC633_6400, 24));
        assertThrows(IllegalArgumentException.class, () -> new EamEntry(HIGH_6, 0, 120, 0xC633_6401, 24));
    }

    @Test
    void shouldRejectDuplicatePrefixes()
    {
        final EamEntry sameV4 = new EamEntry(0x2001_0db8_0009_0000L, 0, 120, 0xC633_6400, 24);
        assertThrows(IllegalArgumentException.class, () -> new EamTable(List.of(NET, sameV4)));
    }
}
