package dev.xlat64.core.pipeline;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * The SIIT selector: 6to4 by a hash of the IPv6 source address, 4to6 by a hash of the IPv4 destination
 * address. Stateless translation keeps no per-flow state, so any stable choice is correct; hashing the
 * addresses keeps one host's packets in order on one worker.
 */
public final class AddressHashWorkerSelector implements WorkerSelector
{
    @Override
    public int select6to4(final DirectBuffer buffer, final int offset, final int workers)
    {
        if (workers == 1)
        {
            return 0;
        }
        final long high = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
        final long low = buffer.getLong(offset + Ipv6Header.SOURCE_OFFSET + 8, ByteOrder.BIG_ENDIAN);
        return index(mix(high * 31 + low), workers);
    }

    @Override
    public int select4to6(final DirectBuffer buffer, final int offset, final int workers)
    {
        if (workers == 1)
        {
            return 0;
        }
        return ipv4Index(buffer.getInt(offset + Ipv4Header.DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN), workers);
    }

    /**
     * @return the worker for an IPv4 address: the 4to6 choice, and the SIIT 6to4 one for the address a source maps to.
     */
    static int ipv4Index(final int ipv4, final int workers)
    {
        return index(mix(ipv4 & 0xFFFF_FFFFL), workers);
    }

    // The 64-bit finalizer of MurmurHash3: every input bit affects every output bit.
    static long mix(final long value)
    {
        long h = value;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static int index(final long hash, final int workers)
    {
        return (int)((hash >>> 1) % workers);
    }
}
