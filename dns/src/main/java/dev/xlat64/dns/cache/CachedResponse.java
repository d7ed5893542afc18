package dev.xlat64.dns.cache;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.nio.ByteBuffer;

import dev.xlat64.dns.wire.TtlScanner;

/**
 * One cached answer: the complete response message (ID zero), where its TTLs are, and when it expires.
 * Served by copying the bytes and patching the ID, RD, the question name's letter case and the TTLs, so a
 * cache hit allocates nothing.
 */
public final class CachedResponse
{
    final byte[] key;
    final int hash;
    final byte[] wire;
    final int[] ttlOffsets;
    final int[] ttls;
    final long storedNs;
    final long expiresNs;
    long lastUsedNs;

    /**
     * @param key       the cache key (copied by the caller; kept).
     * @param wire      the response as sent for the first query (kept).
     * @param storedNs  when it was stored.
     * @param ttlSeconds how long it may be served; the record TTLs count down from what is in {@code wire}.
     */
    public CachedResponse(final byte[] key, final byte[] wire, final long storedNs, final long ttlSeconds)
    {
        this.key = key;
        this.hash = ResponseCache.hash(key, key.length);
        this.wire = wire;
        this.ttlOffsets = TtlScanner.ttlOffsets(wire, wire.length);
        this.ttls = new int[ttlOffsets.length];
        for (int i = 0; i < ttlOffsets.length; i++)
        {
            final int o = ttlOffsets[i];
            ttls[i] = ((wire[o] & 0xFF) << 24) | ((wire[o + 1] & 0xFF) << 16) | ((wire[o + 2] & 0xFF) << 8) | (wire[o + 3] & 0xFF);
        }
        this.storedNs = storedNs;
        this.expiresNs = storedNs + ttlSeconds * 1_000_000_000L;
        this.lastUsedNs = storedNs;
    }

    /** @return the message length in bytes. */
    public int length()
    {
        return wire.length;
    }

    /**
     * Writes the answer for a new query at {@code out}'s position and sets its limit to the end.
     *
     * @param query         the new query (its question name is copied to keep the client's letter case).
     * @param id            the new query's ID.
     * @param queryFlags    the new query's flags (RD is copied).
     * @param nameLength    the question name's length in the query (equal to the cached one: same key).
     * @param nowNs         the clock, for counting the TTLs down.
     */
    public void writeTo(
        final ByteBuffer out, final ByteBuffer query, final int id, final int queryFlags, final int nameLength,
        final long nowNs)
    {
        final int start = out.position();
        out.put(start, wire);
        out.putShort(start + ID_OFFSET, (short)id);
        final int flags = (((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF)) & ~FLAG_RD | (queryFlags & FLAG_RD);
        out.putShort(start + FLAGS_OFFSET, (short)flags);
        // RFC 1035 §7.1 / dns-0x20: echo the question exactly as asked; the answer owners point at it.
        out.put(start + HEADER_LENGTH, query, query.position() + HEADER_LENGTH, nameLength);
        final long elapsed = (nowNs - storedNs) / 1_000_000_000L;
        for (int i = 0; i < ttlOffsets.length; i++)
        {
            out.putInt(start + ttlOffsets[i], (int)Math.max(0, ttls[i] - elapsed));
        }
        out.limit(start + wire.length);
    }
}
