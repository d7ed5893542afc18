package dev.xlat64.dns.wire;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.util.Arrays;

/**
 * Finds the TTL field of every resource record in a complete DNS message (the OPT pseudo-record excepted,
 * whose TTL field holds EDNS flags), so that a cached answer's TTLs can be counted down in place.
 */
public final class TtlScanner
{
    private TtlScanner()
    {
    }

    /**
     * @param wire   a well-formed message (one this server built).
     * @param length its length.
     * @return the offsets of the 32-bit TTL fields, in message order.
     * @throws IllegalArgumentException if the message is malformed.
     */
    public static int[] ttlOffsets(final byte[] wire, final int length)
    {
        if (length < HEADER_LENGTH)
        {
            throw new IllegalArgumentException("message shorter than a header");
        }
        final int questions = u16(wire, QDCOUNT_OFFSET);
        final int records = u16(wire, ANCOUNT_OFFSET) + u16(wire, NSCOUNT_OFFSET) + u16(wire, ARCOUNT_OFFSET);
        int i = HEADER_LENGTH;
        for (int q = 0; q < questions; q++)
        {
            i = skipName(wire, length, i) + 4;
        }
        final int[] offsets = new int[records];
        int count = 0;
        for (int r = 0; r < records; r++)
        {
            i = skipName(wire, length, i);
            if (i + 10 > length)
            {
                throw new IllegalArgumentException("record header truncated at " + i);
            }
            final int type = u16(wire, i);
            if (type != TYPE_OPT)
            {
                offsets[count++] = i + 4;
            }
            i += 10 + u16(wire, i + 8);
        }
        if (i > length)
        {
            throw new IllegalArgumentException("record data truncated");
        }
        return count == records ? offsets : Arrays.copyOf(offsets, count);
    }

    private static int skipName(final byte[] wire, final int length, final int start)
    {
        int i = start;
        while (i < length)
        {
            final int b = wire[i] & 0xFF;
            if ((b & 0xC0) == 0xC0)
            {
                return i + 2;
            }
            if (b == 0)
            {
                return i + 1;
            }
            i += 1 + b;
        }
        throw new IllegalArgumentException("name truncated at " + start);
    }

    static int u16(final byte[] wire, final int i)
    {
        return ((wire[i] & 0xFF) << 8) | (wire[i + 1] & 0xFF);
    }
}
