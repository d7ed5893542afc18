package dev.xlat64.dns.wire;

/**
 * What {@link QueryParser} found wrong with a query, and what the server does about it.
 */
public enum QueryFault
{
    NONE(Action.ANSWER, "The query is well formed."),
    SHORTER_THAN_HEADER(Action.DROP, "Fewer than 12 bytes: no header to answer, dropped."),
    RESPONSE_BIT_SET(Action.DROP, "QR=1: a response, not a query; never answered (no reflection loops)."),
    OPCODE_NOT_QUERY(Action.NOTIMP, "An opcode other than QUERY (RFC 1035 §4.1.1): NOTIMP."),
    QDCOUNT_NOT_ONE(Action.FORMERR, "QDCOUNT is not 1 (RFC 9619): FORMERR."),
    NAME_TRUNCATED(Action.FORMERR, "A name runs past the end of the message: FORMERR."),
    NAME_TOO_LONG(Action.FORMERR, "A name longer than 255 bytes (RFC 1035 §3.1): FORMERR."),
    BAD_LABEL_TYPE(Action.FORMERR, "A label type 0x40/0x80 (extended/reserved): FORMERR."),
    COMPRESSION_IN_QUESTION(Action.FORMERR, "A compression pointer in the question name (nothing earlier to point at): FORMERR."),
    COMPRESSION_LOOP(Action.FORMERR, "A compression pointer that does not point strictly backwards (a loop): FORMERR."),
    RECORD_TRUNCATED(Action.FORMERR, "A record header or RDATA runs past the end (counts larger than the content): FORMERR."),
    OPT_NOT_IN_ADDITIONAL(Action.FORMERR, "An OPT record outside the additional section (RFC 6891 §6.1.1): FORMERR."),
    OPT_DUPLICATE(Action.FORMERR, "More than one OPT record (RFC 6891 §6.1.1): FORMERR."),
    OPT_OWNER_NOT_ROOT(Action.FORMERR, "An OPT record whose owner is not the root (RFC 6891 §6.1.2): FORMERR."),
    EDNS_VERSION_UNSUPPORTED(Action.BADVERS, "EDNS version above 0 (RFC 6891 §6.1.3): BADVERS.");

    /** What to send back. */
    public enum Action
    {
        ANSWER, DROP, FORMERR, NOTIMP, BADVERS
    }

    private final Action action;
    private final String description;

    QueryFault(final Action action, final String description)
    {
        this.action = action;
        this.description = description;
    }

    public Action action()
    {
        return action;
    }

    public String description()
    {
        return description;
    }
}
