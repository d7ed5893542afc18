package dev.xlat64.core.pipeline;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import dev.xlat64.core.packet.Ipv6Header;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamTable;

/**
 * Flow affinity for SIIT in both directions: a flow's packets meet on one worker whichever way they travel.
 * The key is the IPv4 address of the IPv6-side host: for 6to4 packets the address the IPv6 source translates to
 * (its EAMT entry, RFC 7757 §3.2, or the address embedded under pool6, RFC 6052 §2.2), for 4to6 packets the IPv4
 * destination, which SIIT translates back to that same host. A source neither maps (the translator will drop it)
 * falls back to a hash of the IPv6 source. The tables are immutable, so the RX threads may share them.
 */
public final class SiitWorkerSelector implements WorkerSelector
{
    private final Rfc6052Prefix pool6;
    private final EamTable eamt;
    private final AddressHashWorkerSelector fallback = new AddressHashWorkerSelector();

    /**
     * @param pool6 the translator's RFC 6052 prefix, or null.
     * @param eamt the translator's EAMT.
     */
    public SiitWorkerSelector(final Rfc6052Prefix pool6, final EamTable eamt)
    {
        this.pool6 = pool6;
        this.eamt = eamt;
    }

    @Override
    public int select6to4(final DirectBuffer buffer, final int offset, final int workers)
    {
        if (workers == 1)
        {
            return 0;
        }
        final long high = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
        final long low = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET + 8, ByteOrder.BIG_ENDIAN);
        final int entry = eamt.lookup6(high, low);
        if (entry >= 0)
        {
            return AddressHashWorkerSelector.ipv4Index(eamt.translate6to4(entry, low), workers);
        }
        if (pool6 != null && pool6.contains(high, low))
        {
            return AddressHashWorkerSelector.ipv4Index(pool6.extract(high, low), workers);
        }
        return fallback.select6to4(buffer, offset, workers);
    }

    @Override
    public int select4to6(final DirectBuffer buffer, final int offset, final int workers)
    {
        // The same hash of the IPv4 destination that select6to4 applies to the address the source maps to.
        return fallback.select4to6(buffer, offset, workers);
    }
}
