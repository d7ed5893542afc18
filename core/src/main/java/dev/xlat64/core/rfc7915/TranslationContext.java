package dev.xlat64.core.rfc7915;

import org.agrona.concurrent.UnsafeBuffer;

import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.TranslatorCounters;

/**
 * What every step of one worker's translator shares: configuration, counters, the address mapper, a scratch
 * buffer for the slow paths (ICMP errors, fragmentation), the fragment identification generator and the last
 * drop reason. Made once per {@link Translator}; nothing here allocates per packet.
 */
final class TranslationContext
{
    /** Largest packet the slow paths build: an IPv6 fragment or ICMPv6 error is at most 1280 + slack, but
     *  fragments of a big lowest-ipv6-mtu can reach 65535. */
    static final int SCRATCH_BYTES = 65_536 + 128;

    final TranslatorConfig config;
    final TranslatorCounters counters;
    final AddressMapper mapper;
    final UnsafeBuffer scratch = new UnsafeBuffer(new byte[SCRATCH_BYTES]);
    DropReason lastDropReason;
    private int identification;

    TranslationContext(final TranslatorConfig config, final TranslatorCounters counters, final AddressMapper mapper)
    {
        this.config = config;
        this.counters = counters;
        this.mapper = mapper;
        this.identification = (int)System.nanoTime() | 1;
    }

    /**
     * Counts a drop and remembers its reason.
     */
    Verdict drop(final DropReason reason)
    {
        lastDropReason = reason;
        counters.drop(reason);
        return Verdict.DROPPED;
    }

    /**
     * RFC 7915 §5.1 "Identification: set according to a Fragment Identification generator at the translator";
     * RFC 7739 asks for values that are hard to predict: a xorshift sequence, 16 bits used.
     */
    int nextIdentification()
    {
        int x = identification;
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        identification = x;
        return x & 0xFFFF;
    }

    /**
     * @param tc an IPv6 Traffic Class.
     * @return the IPv4 TOS by the configured policy (RFC 7915 §5.1).
     */
    int tosFor(final int tc)
    {
        final int tos = config.tos();
        return tos == TranslatorConfig.COPY ? tc : tos;
    }

    /**
     * @param tos an IPv4 TOS.
     * @return the IPv6 Traffic Class by the configured policy (RFC 7915 §4.1).
     */
    int trafficClassFor(final int tos)
    {
        final int tc = config.trafficClass();
        return tc == TranslatorConfig.COPY ? tos : tc;
    }
}
