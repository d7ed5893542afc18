package dev.xlat64.core.pipeline;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;

/**
 * The SIIT selector: 6to4 by a hash of the IPv6 source address, 4to6 by a hash of the IPv4 destination
 * address. Stateless translation keeps no per-flow state, so any stable choice is correct; hashing the
 * addresses keeps one host's packets in order on one worker.
 */
public final class AddressHashWorkerSelector implements WorkerSelector
{
    private static final int IPV6_SOURCE_OFFSET = 8;
    private static final int IPV4_DESTINATION_OFFSET = 16;

    @Override
    public int select6to4(final DirectBuffer buffer, final int offset, final int workers)
    {
        if (workers == 1)
        {
            return 0;
        }
        final long high = buffer.getLong(offset + IPV6_SOURCE_OFFSET, ByteOrder.BIG_ENDIAN);
        final long low = buffer.getLong(offset + IPV6_SOURCE_OFFSET + 8, ByteOrder.BIG_ENDIAN);
        return index(mix(high * 31 + low), workers);
    }

    @Override
    public int select4to6(final DirectBuffer buffer, final int offset, final int workers)
    {
        if (workers == 1)
        {
            return 0;
        }
        final int destination = buffer.getInt(offset + IPV4_DESTINATION_OFFSET, ByteOrder.BIG_ENDIAN);
        return index(mix(destination & 0xFFFF_FFFFL), workers);
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
