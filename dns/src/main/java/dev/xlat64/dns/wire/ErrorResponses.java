package dev.xlat64.dns.wire;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.nio.ByteBuffer;

/**
 * Writes short answers that need no upstream: FORMERR, NOTIMP, REFUSED, SERVFAIL, BADVERS. Header and
 * question only (the question is echoed only when it was read in full), plus an OPT record when the query
 * had one (RFC 6891 §7).
 */
public final class ErrorResponses
{
    private ErrorResponses()
    {
    }

    /**
     * @param query       the query, from its position.
     * @param parser      the parser that read it (its question and EDNS state are used when present).
     * @param rcode       the (possibly extended) RCODE.
     * @param out         where the answer goes, from its position; its limit is set to the end of the answer.
     * @param udpPayload  the payload size to advertise in the OPT record.
     */
    public static void write(
        final ByteBuffer query, final QueryParser parser, final int rcode, final ByteBuffer out, final int udpPayload)
    {
        final int base = query.position();
        final int start = out.position();
        final int questionEnd = parser.questionEnd();
        final boolean withQuestion = questionEnd > 0;
        writeHeader(parser, rcode & RCODE_MASK, out, start, withQuestion, parser.edns());
        int i = start + HEADER_LENGTH;
        if (withQuestion)
        {
            for (int k = HEADER_LENGTH; k < questionEnd; k++)
            {
                out.put(i++, query.get(base + k));
            }
        }
        if (parser.edns())
        {
            i = putOpt(out, i, udpPayload, rcode, parser.dnssecOk());
        }
        out.limit(i);
    }

    private static void writeHeader(
        final QueryParser parser, final int rcode, final ByteBuffer out, final int start,
        final boolean withQuestion, final boolean withOpt)
    {
        out.putShort(start + ID_OFFSET, (short)parser.id());
        // QR, the query's opcode, RD and CD copied (RFC 1035 §4.1.1, RFC 4035 §3.2.2), RA: we recurse.
        final int flags = FLAG_QR | (parser.flags() & (OPCODE_MASK << OPCODE_SHIFT)) | (parser.flags() & (FLAG_RD | FLAG_CD)) |
            FLAG_RA | rcode;
        out.putShort(start + FLAGS_OFFSET, (short)flags);
        out.putShort(start + QDCOUNT_OFFSET, (short)(withQuestion ? 1 : 0));
        out.putShort(start + ANCOUNT_OFFSET, (short)0);
        out.putShort(start + NSCOUNT_OFFSET, (short)0);
        out.putShort(start + ARCOUNT_OFFSET, (short)(withOpt ? 1 : 0));
    }
}
