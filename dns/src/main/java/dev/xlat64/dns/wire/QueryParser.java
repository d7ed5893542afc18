package dev.xlat64.dns.wire;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.nio.ByteBuffer;

/**
 * Validates a query in place and keeps what the server needs from it: header fields, the question (with
 * its name lower-cased into a reusable array, the cache key) and the EDNS OPT record. No allocation: one
 * parser per thread, reused for every query.
 * <p>
 * Every record of every section is walked, so counts larger than the content, compression loops and bad
 * label types are found here (RFC 1035 §4.1.4: a pointer refers to a prior occurrence, so a pointer that
 * does not point strictly backwards is refused, which rules out loops without a hop counter).
 */
public final class QueryParser
{
    private final byte[] lowerName = new byte[MAX_NAME_LENGTH];

    private int base;
    private int length;
    private int id;
    private int flags;
    private int nameLength;
    private int questionEnd;
    private int qtype;
    private int qclass;
    private boolean edns;
    private int ednsPayload;
    private int ednsVersion;
    private boolean dnssecOk;
    private int scanEnd;

    /**
     * Parses the query in [position, limit) of {@code query} (BIG_ENDIAN), without moving its position.
     *
     * @return NONE, or the first fault found.
     */
    public QueryFault parse(final ByteBuffer query)
    {
        base = query.position();
        length = query.remaining();
        nameLength = 0;
        edns = false;
        ednsPayload = 0;
        ednsVersion = 0;
        dnssecOk = false;
        qtype = 0;
        qclass = 0;
        questionEnd = -1;
        if (length < HEADER_LENGTH)
        {
            return QueryFault.SHORTER_THAN_HEADER;
        }
        id = u16(query, base + ID_OFFSET);
        flags = u16(query, base + FLAGS_OFFSET);
        if ((flags & FLAG_QR) != 0)
        {
            return QueryFault.RESPONSE_BIT_SET;
        }
        if (opcode() != OPCODE_QUERY)
        {
            return QueryFault.OPCODE_NOT_QUERY;
        }
        if (u16(query, base + QDCOUNT_OFFSET) != 1)
        {
            return QueryFault.QDCOUNT_NOT_ONE;
        }
        final QueryFault nameFault = readQuestionName(query);
        if (nameFault != QueryFault.NONE)
        {
            return nameFault;
        }
        int i = HEADER_LENGTH + nameLength;
        if (i + 4 > length)
        {
            return QueryFault.RECORD_TRUNCATED;
        }
        qtype = u16(query, base + i);
        qclass = u16(query, base + i + 2);
        i += 4;
        questionEnd = i;
        final int answers = u16(query, base + ANCOUNT_OFFSET) + u16(query, base + NSCOUNT_OFFSET);
        final int additional = u16(query, base + ARCOUNT_OFFSET);
        for (int r = 0; r < answers + additional; r++)
        {
            final int ownerStart = i;
            final QueryFault fault = skipName(query, i);
            if (fault != QueryFault.NONE)
            {
                return fault;
            }
            i = scanEnd;
            if (i + 10 > length)
            {
                return QueryFault.RECORD_TRUNCATED;
            }
            final int type = u16(query, base + i);
            final int rdLength = u16(query, base + i + 8);
            if (i + 10 + rdLength > length)
            {
                return QueryFault.RECORD_TRUNCATED;
            }
            if (type == TYPE_OPT)
            {
                if (r < answers)
                {
                    return QueryFault.OPT_NOT_IN_ADDITIONAL;
                }
                if (edns)
                {
                    return QueryFault.OPT_DUPLICATE;
                }
                if (i - ownerStart != 1)
                {
                    return QueryFault.OPT_OWNER_NOT_ROOT;
                }
                edns = true;
                ednsPayload = u16(query, base + i + 2);
                ednsVersion = query.get(base + i + 5) & 0xFF;
                dnssecOk = (u16(query, base + i + 6) & EDNS_DO) != 0;
            }
            i += 10 + rdLength;
        }
        // Bytes after the last counted record are ignored, as most servers do.
        return edns && ednsVersion != 0 ? QueryFault.EDNS_VERSION_UNSUPPORTED : QueryFault.NONE;
    }

    private QueryFault readQuestionName(final ByteBuffer query)
    {
        int i = HEADER_LENGTH;
        int out = 0;
        while (true)
        {
            if (i >= length)
            {
                return QueryFault.NAME_TRUNCATED;
            }
            final int labelLength = query.get(base + i) & 0xFF;
            if ((labelLength & 0xC0) == 0xC0)
            {
                return QueryFault.COMPRESSION_IN_QUESTION;
            }
            if ((labelLength & 0xC0) != 0)
            {
                return QueryFault.BAD_LABEL_TYPE;
            }
            if (out + 1 + labelLength > MAX_NAME_LENGTH)
            {
                return QueryFault.NAME_TOO_LONG;
            }
            if (i + 1 + labelLength > length)
            {
                return QueryFault.NAME_TRUNCATED;
            }
            lowerName[out++] = (byte)labelLength;
            i++;
            for (int k = 0; k < labelLength; k++)
            {
                final byte b = query.get(base + i + k);
                lowerName[out++] = (b >= 'A' && b <= 'Z') ? (byte)(b + 32) : b;
            }
            i += labelLength;
            if (labelLength == 0)
            {
                nameLength = out;
                return QueryFault.NONE;
            }
        }
    }

    /** Skips a possibly compressed name starting at {@code start}; sets {@link #scanEnd} to the index after it. */
    private QueryFault skipName(final ByteBuffer query, final int start)
    {
        int i = start;
        int end = -1;
        int total = 0;
        int limitForPointer = start;
        while (true)
        {
            if (i >= length)
            {
                return QueryFault.NAME_TRUNCATED;
            }
            final int labelLength = query.get(base + i) & 0xFF;
            if ((labelLength & 0xC0) == 0xC0)
            {
                if (i + 1 >= length)
                {
                    return QueryFault.NAME_TRUNCATED;
                }
                final int target = ((labelLength & 0x3F) << 8) | (query.get(base + i + 1) & 0xFF);
                if (target >= limitForPointer || target < HEADER_LENGTH)
                {
                    return QueryFault.COMPRESSION_LOOP;
                }
                if (end < 0)
                {
                    end = i + 2;
                }
                limitForPointer = target;
                i = target;
                continue;
            }
            if ((labelLength & 0xC0) != 0)
            {
                return QueryFault.BAD_LABEL_TYPE;
            }
            total += labelLength + 1;
            if (total > MAX_NAME_LENGTH)
            {
                return QueryFault.NAME_TOO_LONG;
            }
            if (i + 1 + labelLength > length)
            {
                return QueryFault.NAME_TRUNCATED;
            }
            i += 1 + labelLength;
            if (labelLength == 0)
            {
                scanEnd = end < 0 ? i : end;
                return QueryFault.NONE;
            }
        }
    }

    public int id()
    {
        return id;
    }

    public int flags()
    {
        return flags;
    }

    public int opcode()
    {
        return (flags >>> OPCODE_SHIFT) & OPCODE_MASK;
    }

    public boolean recursionDesired()
    {
        return (flags & FLAG_RD) != 0;
    }

    public boolean checkingDisabled()
    {
        return (flags & FLAG_CD) != 0;
    }

    public boolean authenticData()
    {
        return (flags & FLAG_AD) != 0;
    }

    /** @return the question name in wire form, lower-cased (ASCII), valid for {@link #nameLength()} bytes. */
    public byte[] lowerName()
    {
        return lowerName;
    }

    public int nameLength()
    {
        return nameLength;
    }

    /** @return the offset (from the start of the message) after QTYPE/QCLASS, or -1 if the question was not read. */
    public int questionEnd()
    {
        return questionEnd;
    }

    public int qtype()
    {
        return qtype;
    }

    public int qclass()
    {
        return qclass;
    }

    public boolean edns()
    {
        return edns;
    }

    /** @return the advertised UDP payload size as sent (may be below 512). */
    public int ednsPayload()
    {
        return ednsPayload;
    }

    public int ednsVersion()
    {
        return ednsVersion;
    }

    public boolean dnssecOk()
    {
        return dnssecOk;
    }

    /** @return the largest UDP response this client accepts (RFC 6891 §6.2.5, capped by {@code serverPayload}). */
    public int udpLimit(final int serverPayload)
    {
        if (!edns)
        {
            return MIN_UDP_PAYLOAD;
        }
        return Math.max(MIN_UDP_PAYLOAD, Math.min(ednsPayload, serverPayload));
    }
}
