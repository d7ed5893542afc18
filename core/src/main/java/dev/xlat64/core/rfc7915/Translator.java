package dev.xlat64.core.rfc7915;

import org.agrona.MutableDirectBuffer;

import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.counters.TranslatorOutcome;

/**
 * The stateless IP/ICMP translator (RFC 7915) of one worker: not thread-safe, allocation-free per packet.
 * <p>
 * The packet is an IP packet (no link-layer header) at {@code [offset, offset + length)}; the caller guarantees
 * {@link #HEADROOM} writable bytes before {@code offset}. The translator rewrites the buffer in place where it can
 * (headers grow into the headroom) and builds ICMP errors and fragments in a scratch buffer of its own; whatever it
 * outputs goes through the {@link PacketSink} before the call returns. Bytes after the IP packet's own length
 * (Ethernet padding) are ignored.
 * <p>
 * Address mapping is a replaceable step ({@link AddressMapper}): SIIT by default, a stateful NAT64 table later.
 */
public final class Translator
{
    /** Writable bytes the caller leaves before the packet: IPv4 to IPv6 with a Fragment header grows by 28. */
    public static final int HEADROOM = 64;
    /** Writable bytes needed after the packet: none, the translator never grows a packet at its end. */
    public static final int TAILROOM = 0;

    private final TranslationContext context;
    private final Xlat64 xlat64;
    private final Xlat46 xlat46;

    /**
     * A SIIT translator (pool6 + EAMT).
     *
     * @param config the translator settings.
     * @param counters where drops and outcomes are counted.
     */
    public Translator(final TranslatorConfig config, final TranslatorCounters counters)
    {
        this(config, counters, new SiitAddressMapper(config));
    }

    /**
     * A translator with another address mapping step (e.g. a stateful NAT64's).
     *
     * @param config the translator settings (MTUs, policies, the translator's own addresses).
     * @param counters where drops and outcomes are counted.
     * @param mapper the address mapping step.
     */
    public Translator(final TranslatorConfig config, final TranslatorCounters counters, final AddressMapper mapper)
    {
        context = new TranslationContext(config, counters, mapper);
        final IcmpErrorGenerator errors = new IcmpErrorGenerator(context);
        final Fragmenter fragmenter = new Fragmenter(context);
        xlat64 = new Xlat64(context, errors, fragmenter);
        xlat46 = new Xlat46(context, errors, fragmenter);
        xlat64.hairpinTo(xlat46);
    }

    /**
     * Translates an IPv6 packet that arrived on the IPv6 side.
     *
     * @return {@link Verdict#TRANSLATED}, {@link Verdict#DROPPED} or {@link Verdict#ICMP_ERROR_SENT}.
     */
    public Verdict translate6to4(
        final MutableDirectBuffer buffer, final int offset, final int length, final PacketSink sink)
    {
        context.lastDropReason = null;
        context.counters.count(TranslatorOutcome.RECEIVED_6);
        return xlat64.translate(buffer, offset, length, sink);
    }

    /**
     * Translates an IPv4 packet that arrived on the IPv4 side.
     *
     * @return {@link Verdict#TRANSLATED}, {@link Verdict#DROPPED} or {@link Verdict#ICMP_ERROR_SENT}.
     */
    public Verdict translate4to6(
        final MutableDirectBuffer buffer, final int offset, final int length, final PacketSink sink)
    {
        context.lastDropReason = null;
        context.counters.count(TranslatorOutcome.RECEIVED_4);
        return xlat46.translate(buffer, offset, length, sink, false);
    }

    /**
     * @return why the last packet was dropped (also when an ICMP error was sent instead), or null if it was not.
     */
    public DropReason lastDropReason()
    {
        return context.lastDropReason;
    }

    /**
     * @return the configuration this translator runs with.
     */
    public TranslatorConfig config()
    {
        return context.config;
    }
}
