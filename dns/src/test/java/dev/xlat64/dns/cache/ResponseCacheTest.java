package dev.xlat64.dns.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ResponseCacheTest
{
    /** A minimal message: header only, no records. */
    private static final byte[] WIRE = new byte[12];

    private static byte[] key(final int n)
    {
        return new byte[] {0, 0, 28, 0, 1, (byte)(n >>> 24), (byte)(n >>> 16), (byte)(n >>> 8), (byte)n};
    }

    @Test
    void shouldNeverHoldMoreThanItsCapacity()
    {
        final ResponseCache cache = new ResponseCache(64);
        for (int n = 0; n < 10_000; n++)
        {
            cache.put(new CachedResponse(key(n), WIRE, 0, 60), n);
        }
        assertEquals(64, cache.capacity());
        assertTrue(cache.size() <= 64);
        assertEquals(64, cache.size(), "every way filled");
    }

    @Test
    void shouldServeOnlyBeforeExpiry()
    {
        final ResponseCache cache = new ResponseCache(16);
        final CachedResponse entry = new CachedResponse(key(1), WIRE, 0, 60);
        cache.put(entry, 0);
        assertSame(entry, cache.lookup(key(1), 9, 59_999_999_999L));
        assertNull(cache.lookup(key(1), 9, 60_000_000_000L));
        assertNull(cache.lookup(key(2), 9, 0));
    }

    @Test
    void shouldEvictTheLeastRecentlyUsedWayOfAFullSet()
    {
        final ResponseCache cache = new ResponseCache(4); // one set of four ways
        for (int n = 0; n < 4; n++)
        {
            cache.put(new CachedResponse(key(n), WIRE, n, 600), n);
        }
        cache.lookup(key(0), 9, 10); // 0 is now the most recent; 1 the least
        cache.put(new CachedResponse(key(4), WIRE, 11, 600), 11);
        assertNull(cache.lookup(key(1), 9, 12));
        for (final int n : new int[] {0, 2, 3, 4})
        {
            assertEquals(n, cache.lookup(key(n), 9, 12).key[8]);
        }
    }

    @Test
    void shouldReplaceTheEntryOfTheSameKey()
    {
        final ResponseCache cache = new ResponseCache(4);
        cache.put(new CachedResponse(key(7), WIRE, 0, 600), 0);
        final CachedResponse newer = new CachedResponse(key(7), WIRE, 5, 600);
        cache.put(newer, 5);
        assertEquals(1, cache.size());
        assertSame(newer, cache.lookup(key(7), 9, 6));
    }
}
