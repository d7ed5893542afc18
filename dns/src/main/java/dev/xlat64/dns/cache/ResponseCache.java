package dev.xlat64.dns.cache;

import java.util.Arrays;

/**
 * A size-bounded answer cache (positive and negative, RFC 2308), owned by one thread.
 * <p>
 * Set-associative: a key hashes to a set of {@value #WAYS} entries; a new entry takes the way of the same
 * key, else an expired or empty way, else the least recently used one. Lookups compare key bytes in place
 * and allocate nothing. Entries are served only before their expiry; the clock is passed in.
 */
public final class ResponseCache
{
    static final int WAYS = 4;

    private final CachedResponse[] entries;
    private final int setMask;
    private int size;

    /**
     * @param maxEntries upper bound on stored answers (rounded up to a power of two, at least {@value #WAYS}).
     */
    public ResponseCache(final int maxEntries)
    {
        final int sets = Math.max(1, Integer.highestOneBit(Math.max(1, (maxEntries + WAYS - 1) / WAYS) * 2 - 1));
        entries = new CachedResponse[sets * WAYS];
        setMask = sets - 1;
    }

    /** @return the most entries this cache holds. */
    public int capacity()
    {
        return entries.length;
    }

    /** @return the entries currently held (expired ones included until replaced). */
    public int size()
    {
        return size;
    }

    /**
     * @return the live entry for the key, or null.
     */
    public CachedResponse lookup(final byte[] key, final int keyLength, final long nowNs)
    {
        final int hash = hash(key, keyLength);
        final int first = (hash & setMask) * WAYS;
        for (int w = first; w < first + WAYS; w++)
        {
            final CachedResponse entry = entries[w];
            if (entry != null && entry.hash == hash && entry.key.length == keyLength &&
                Arrays.equals(entry.key, 0, keyLength, key, 0, keyLength))
            {
                if (nowNs - entry.expiresNs >= 0)
                {
                    return null;
                }
                entry.lastUsedNs = nowNs;
                return entry;
            }
        }
        return null;
    }

    /** Stores an entry, replacing the same key, an expired or empty way, or the least recently used. */
    public void put(final CachedResponse response, final long nowNs)
    {
        final int first = (response.hash & setMask) * WAYS;
        int victim = -1;
        long oldest = Long.MAX_VALUE;
        for (int w = first; w < first + WAYS; w++)
        {
            final CachedResponse entry = entries[w];
            if (entry == null)
            {
                if (victim < 0 || entries[victim] != null)
                {
                    victim = w;
                    oldest = Long.MIN_VALUE;
                }
                continue;
            }
            if (entry.hash == response.hash && Arrays.equals(entry.key, response.key))
            {
                victim = w;
                break;
            }
            final long age = nowNs - entry.expiresNs >= 0 ? Long.MIN_VALUE + 1 : entry.lastUsedNs;
            if (age < oldest)
            {
                oldest = age;
                victim = w;
            }
        }
        if (entries[victim] == null)
        {
            size++;
        }
        entries[victim] = response;
    }

    /** FNV-1a over the key bytes. */
    static int hash(final byte[] key, final int length)
    {
        int h = 0x811C9DC5;
        for (int i = 0; i < length; i++)
        {
            h = (h ^ (key[i] & 0xFF)) * 0x01000193;
        }
        return h ^ (h >>> 16);
    }
}
