package dev.xlat64.io.neighbor;

/**
 * Storage of the neighbor cache: open addressing with linear probing over parallel arrays, keyed by an
 * IPv4 address or an IPv6 address (two longs), preallocated at a fixed power-of-two capacity. Lookups
 * and inserts allocate nothing; removal uses backward-shift deletion, so there are no tombstones.
 * Not thread-safe: one owner.
 */
final class NeighborTable
{
    static final int IPV4 = 4;
    static final int IPV6 = 6;
    private static final NeighborState[] STATES = NeighborState.values();

    private final int mask;
    private final int maxSize;
    private final byte[] family;
    private final long[] keyHigh;
    private final long[] keyLow;
    private final long[] mac;
    private final byte[] state;
    private final long[] deadlineNs;
    private final int[] solicitations;
    private final int[] queued;
    private int size;

    NeighborTable(final int capacity)
    {
        if (capacity < 2 || Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("capacity " + capacity + ": expected a power of two >= 2");
        }
        mask = capacity - 1;
        maxSize = capacity - capacity / 4;
        family = new byte[capacity];
        keyHigh = new long[capacity];
        keyLow = new long[capacity];
        mac = new long[capacity];
        state = new byte[capacity];
        deadlineNs = new long[capacity];
        solicitations = new int[capacity];
        queued = new int[capacity];
    }

    int capacity()
    {
        return mask + 1;
    }

    int size()
    {
        return size;
    }

    /** Slot of the key, or -1. */
    int find(final int keyFamily, final long high, final long low)
    {
        int slot = home(keyFamily, high, low);
        while (family[slot] != 0)
        {
            if (family[slot] == keyFamily && keyLow[slot] == low && keyHigh[slot] == high)
            {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Slot of a new EMPTY-state entry for the key (which must not be present), or -1 when the table is full. */
    int insert(final int keyFamily, final long high, final long low)
    {
        if (size >= maxSize)
        {
            return -1;
        }
        int slot = home(keyFamily, high, low);
        while (family[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        family[slot] = (byte)keyFamily;
        keyHigh[slot] = high;
        keyLow[slot] = low;
        mac[slot] = 0;
        state[slot] = (byte)NeighborState.EMPTY.ordinal();
        deadlineNs[slot] = 0;
        solicitations[slot] = 0;
        queued[slot] = 0;
        size++;
        return slot;
    }

    /** Removes the entry in {@code slot}; entries after it in its probe run move back (slots change). */
    void remove(final int slot)
    {
        int hole = slot;
        int next = slot;
        while (true)
        {
            next = (next + 1) & mask;
            if (family[next] == 0)
            {
                break;
            }
            final int home = home(family[next], keyHigh[next], keyLow[next]);
            // The entry at `next` may fill the hole only if its home is not cyclically within (hole, next].
            final boolean stays = hole <= next ? (hole < home && home <= next) : (hole < home || home <= next);
            if (!stays)
            {
                move(next, hole);
                hole = next;
            }
        }
        family[hole] = 0;
        size--;
    }

    boolean occupied(final int slot)
    {
        return family[slot] != 0;
    }

    int family(final int slot)
    {
        return family[slot];
    }

    long keyHigh(final int slot)
    {
        return keyHigh[slot];
    }

    long keyLow(final int slot)
    {
        return keyLow[slot];
    }

    long mac(final int slot)
    {
        return mac[slot];
    }

    void mac(final int slot, final long value)
    {
        mac[slot] = value;
    }

    NeighborState state(final int slot)
    {
        return STATES[state[slot]];
    }

    void state(final int slot, final NeighborState value)
    {
        state[slot] = (byte)value.ordinal();
    }

    long deadlineNs(final int slot)
    {
        return deadlineNs[slot];
    }

    void deadlineNs(final int slot, final long value)
    {
        deadlineNs[slot] = value;
    }

    int solicitations(final int slot)
    {
        return solicitations[slot];
    }

    void solicitations(final int slot, final int value)
    {
        solicitations[slot] = value;
    }

    int queued(final int slot)
    {
        return queued[slot];
    }

    void queued(final int slot, final int value)
    {
        queued[slot] = value;
    }

    private void move(final int from, final int to)
    {
        family[to] = family[from];
        keyHigh[to] = keyHigh[from];
        keyLow[to] = keyLow[from];
        mac[to] = mac[from];
        state[to] = state[from];
        deadlineNs[to] = deadlineNs[from];
        solicitations[to] = solicitations[from];
        queued[to] = queued[from];
    }

    private int home(final int keyFamily, final long high, final long low)
    {
        long h = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL) ^ keyFamily;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return (int)h & mask;
    }
}
