package dev.xlat64.dns.wire;

import java.nio.ByteBuffer;

/**
 * DNS message layout constants and small big-endian helpers (RFC 1035 §4.1).
 * <pre>
 *                                  1  1  1  1  1  1
 *    0  1  2  3  4  5  6  7  8  9  0  1  2  3  4  5
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  |                      ID                       |
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  |QR|   Opcode  |AA|TC|RD|RA| Z|AD|CD|   RCODE   |
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 *  |          QDCOUNT / ANCOUNT / NSCOUNT / ARCOUNT |
 *  +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
 * </pre>
 * {@link ByteBuffer}'s absolute {@code getShort}/{@code putShort} are big-endian unless the order is changed;
 * every buffer handed to this package is asserted BIG_ENDIAN by its owner.
 */
public final class DnsWire
{
    public static final int HEADER_LENGTH = 12;
    public static final int ID_OFFSET = 0;
    public static final int FLAGS_OFFSET = 2;
    public static final int QDCOUNT_OFFSET = 4;
    public static final int ANCOUNT_OFFSET = 6;
    public static final int NSCOUNT_OFFSET = 8;
    public static final int ARCOUNT_OFFSET = 10;

    public static final int FLAG_QR = 0x8000;
    public static final int FLAG_AA = 0x0400;
    public static final int FLAG_TC = 0x0200;
    public static final int FLAG_RD = 0x0100;
    public static final int FLAG_RA = 0x0080;
    public static final int FLAG_AD = 0x0020;
    public static final int FLAG_CD = 0x0010;
    public static final int OPCODE_SHIFT = 11;
    public static final int OPCODE_MASK = 0xF;
    public static final int RCODE_MASK = 0xF;

    public static final int OPCODE_QUERY = 0;

    public static final int RCODE_NOERROR = 0;
    public static final int RCODE_FORMERR = 1;
    public static final int RCODE_SERVFAIL = 2;
    public static final int RCODE_NXDOMAIN = 3;
    public static final int RCODE_NOTIMP = 4;
    public static final int RCODE_REFUSED = 5;
    /** RFC 6891 §6.1.3: extended RCODE 16, upper 8 bits (1) in the OPT TTL, lower 4 bits (0) in the header. */
    public static final int RCODE_BADVERS = 16;

    public static final int TYPE_A = 1;
    public static final int TYPE_CNAME = 5;
    public static final int TYPE_SOA = 6;
    public static final int TYPE_PTR = 12;
    public static final int TYPE_AAAA = 28;
    public static final int TYPE_OPT = 41;
    public static final int CLASS_IN = 1;

    /** RFC 3225: the DO bit in the OPT record's TTL field (bit 15 of the flags half). */
    public static final int EDNS_DO = 0x8000;
    /** RFC 6891 §6.2.5: the minimum payload a requestor may advertise; smaller values count as 512. */
    public static final int MIN_UDP_PAYLOAD = 512;
    public static final int OPT_RECORD_LENGTH = 11;
    public static final int MAX_NAME_LENGTH = 255;
    public static final int MAX_LABEL_LENGTH = 63;

    private DnsWire()
    {
    }

    public static int u16(final ByteBuffer buffer, final int index)
    {
        return buffer.getShort(index) & 0xFFFF;
    }

    /**
     * Writes an OPT pseudo-record (RFC 6891 §6.1.2) with no options.
     *
     * @return the index after it.
     */
    public static int putOpt(
        final ByteBuffer out, final int index, final int payloadSize, final int extendedRcode, final boolean dnssecOk)
    {
        out.put(index, (byte)0); // root owner
        out.putShort(index + 1, (short)TYPE_OPT);
        out.putShort(index + 3, (short)payloadSize);
        out.put(index + 5, (byte)(extendedRcode >>> 4));
        out.put(index + 6, (byte)0); // version 0
        out.putShort(index + 7, (short)(dnssecOk ? EDNS_DO : 0));
        out.putShort(index + 9, (short)0); // RDLENGTH
        return index + OPT_RECORD_LENGTH;
    }
}
