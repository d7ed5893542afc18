package dev.xlat64.core.counters;

/**
 * What the translator did besides dropping: one counter each. {@link #id()} is stable like
 * {@link DropReason#id()}; counter type ids are {@code TYPE_ID_BASE + id()}.
 */
public enum TranslatorOutcome implements CounterDescriptor
{
    RECEIVED_6(1, "packets received on the IPv6 side"),
    RECEIVED_4(2, "packets received on the IPv4 side"),
    TRANSLATED_6TO4(3, "IPv6 packets translated to IPv4 (fragments emitted counted once per input)"),
    TRANSLATED_4TO6(4, "IPv4 packets translated to IPv6 (fragments emitted counted once per input)"),
    ICMP_ERRORS_TRANSLATED(5, "ICMP error messages translated with their packet in error"),
    ICMP_ERRORS_GENERATED(6, "ICMP errors the translator generated and sent back"),
    FRAGMENTED(7, "IPv4 packets without DF that the translator fragmented to fit the IPv6 side"),
    FRAGMENTS_EMITTED(8, "fragments the translator made"),
    HAIRPINNED(9, "packets hairpinned back to the IPv6 side (RFC 7757 §4.2)"),
    UDP_CHECKSUMS_AMENDED(10, "IPv4 UDP packets with zero checksum given a computed one"),
    RFC6791_SOURCES(11, "ICMP errors whose source was taken from an RFC 6791 pool or the translator's address");

    /** Counter type ids of outcomes are {@code TYPE_ID_BASE + id()} (900-999, see {@link CounterScope}). */
    public static final int TYPE_ID_BASE = 900;

    private final int id;
    private final String description;

    TranslatorOutcome(final int id, final String description)
    {
        this.id = id;
        this.description = description;
    }

    /**
     * @return the stable number of this outcome in the counters file.
     */
    public int id()
    {
        return id;
    }

    @Override
    public int typeId()
    {
        return TYPE_ID_BASE + id;
    }

    @Override
    public CounterScope scope()
    {
        return CounterScope.TRANSLATOR;
    }

    /**
     * @return one sentence for operators.
     */
    @Override
    public String description()
    {
        return description;
    }
}
