package dev.xlat64.io.neighbor;

import dev.xlat64.core.packet.MacAddress;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Frames waiting for their next hop's link-layer address: a fixed pool of slots in one off-heap buffer,
 * each tagged with the next hop's key and an arrival sequence, released in arrival order. Keys rather than
 * table slots tag the frames, so the table may move entries. Small by design (Linux holds 3 per neighbor).
 */
final class PendingQueue
{
    private final UnsafeBuffer storage;
    private final int slotBytes;
    private final int[] length;
    private final byte[] family;
    private final long[] keyHigh;
    private final long[] keyLow;
    private final long[] sequence;
    private long nextSequence = 1;
    private int used;

    PendingQueue(final int slots, final int slotBytes)
    {
        this.slotBytes = slotBytes;
        this.storage = new UnsafeBuffer(BufferUtil.allocateDirectAligned(Math.max(1, slots) * slotBytes, 64));
        this.length = new int[slots];
        this.family = new byte[slots];
        this.keyHigh = new long[slots];
        this.keyLow = new long[slots];
        this.sequence = new long[slots];
    }

    int used()
    {
        return used;
    }

    int slotBytes()
    {
        return slotBytes;
    }

    /** Copies the frame in; false when no slot is free or it is longer than a slot. */
    boolean add(final int keyFamily, final long high, final long low, final DirectBuffer frame, final int offset,
        final int frameLength)
    {
        if (frameLength > slotBytes || frameLength < 6)
        {
            return false;
        }
        for (int slot = 0; slot < length.length; slot++)
        {
            if (0 == family[slot])
            {
                storage.putBytes(slot * slotBytes, frame, offset, frameLength);
                family[slot] = (byte)keyFamily;
                keyHigh[slot] = high;
                keyLow[slot] = low;
                length[slot] = frameLength;
                sequence[slot] = nextSequence++;
                used++;
                return true;
            }
        }
        return false;
    }

    /**
     * Writes {@code destinationMac} into every frame of the key and hands them to {@code sender} in arrival
     * order, freeing their slots.
     *
     * @return frames the sender accepted; the rest were refused and are gone too
     */
    int release(final int keyFamily, final long high, final long low, final long destinationMac,
        final FrameSender sender, final int[] refused)
    {
        int sent = 0;
        refused[0] = 0;
        while (true)
        {
            final int slot = oldest(keyFamily, high, low);
            if (slot < 0)
            {
                return sent;
            }
            final int base = slot * slotBytes;
            MacAddress.put(storage, base, destinationMac);
            if (sender.send(storage, base, length[slot]))
            {
                sent++;
            }
            else
            {
                refused[0]++;
            }
            free(slot);
        }
    }

    /** Frees every frame of the key; returns how many there were. */
    int discard(final int keyFamily, final long high, final long low)
    {
        int discarded = 0;
        for (int slot = 0; slot < length.length; slot++)
        {
            if (matches(slot, keyFamily, high, low))
            {
                free(slot);
                discarded++;
            }
        }
        return discarded;
    }

    private int oldest(final int keyFamily, final long high, final long low)
    {
        int best = -1;
        for (int slot = 0; slot < length.length; slot++)
        {
            if (matches(slot, keyFamily, high, low) && (best < 0 || sequence[slot] < sequence[best]))
            {
                best = slot;
            }
        }
        return best;
    }

    private boolean matches(final int slot, final int keyFamily, final long high, final long low)
    {
        return family[slot] == keyFamily && keyLow[slot] == low && keyHigh[slot] == high;
    }

    private void free(final int slot)
    {
        family[slot] = 0;
        used--;
    }
}
