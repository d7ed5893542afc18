package dev.xlat64.dns.wire;

import static dev.xlat64.dns.wire.DnsWire.*;

import java.nio.ByteBuffer;

/**
 * Cuts an answer that does not fit the client's UDP limit down to header and question with TC set
 * (RFC 1035 §4.1.1, RFC 2181 §9), keeping an OPT record if the query had one (RFC 6891 §7).
 */
public final class Truncation
{
    private Truncation()
    {
    }

    /**
     * @param out         holds the complete answer from its position; rewritten in place, limit set to the end.
     * @param questionEnd the offset after the question, from the start of the message.
     */
    public static void truncateInPlace(
        final ByteBuffer out, final int questionEnd, final boolean edns, final boolean dnssecOk, final int udpPayload)
    {
        final int start = out.position();
        out.putShort(start + FLAGS_OFFSET, (short)(u16(out, start + FLAGS_OFFSET) | FLAG_TC));
        out.putShort(start + ANCOUNT_OFFSET, (short)0);
        out.putShort(start + NSCOUNT_OFFSET, (short)0);
        out.putShort(start + ARCOUNT_OFFSET, (short)(edns ? 1 : 0));
        int end = start + questionEnd;
        if (edns)
        {
            end = putOpt(out, end, udpPayload, 0, dnssecOk);
        }
        out.limit(end);
    }
}
