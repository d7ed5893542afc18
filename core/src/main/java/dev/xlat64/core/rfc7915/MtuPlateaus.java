package dev.xlat64.core.rfc7915;

import java.util.Arrays;

/**
 * The MTU plateau table of RFC 1191 §7, for ICMPv4 Fragmentation Needed messages from old routers that leave the
 * Next-Hop MTU at zero (RFC 1191 §5): the translator then assumes the largest plateau below the Total Length of
 * the packet in error (RFC 7915 §4.2, "Packet Too Big").
 */
public final class MtuPlateaus
{
    /** RFC 1191 §7 Table 7-1, the values Jool and Linux use too. */
    public static final MtuPlateaus RFC1191 =
        new MtuPlateaus(new int[]{65535, 32000, 17914, 8166, 4352, 2002, 1492, 1006, 508, 296, 68});

    private final int[] descending;

    /**
     * @param plateaus MTU values 68..65535, in any order, at least one.
     * @throws IllegalArgumentException if empty or a value is out of range.
     */
    public MtuPlateaus(final int[] plateaus)
    {
        if (plateaus.length == 0)
        {
            throw new IllegalArgumentException("the MTU plateau list is empty");
        }
        for (final int plateau : plateaus)
        {
            if (plateau < 68 || plateau > 65535)
            {
                throw new IllegalArgumentException("MTU plateau " + plateau + " is not in 68..65535");
            }
        }
        descending = Arrays.stream(plateaus).distinct().map(p -> -p).sorted().map(p -> -p).toArray();
    }

    /**
     * @param totalLength the Total Length of the packet in error.
     * @return the greatest plateau strictly below it, or the smallest plateau if none is.
     */
    public int plateauBelow(final int totalLength)
    {
        for (final int plateau : descending)
        {
            if (plateau < totalLength)
            {
                return plateau;
            }
        }
        return descending[descending.length - 1];
    }

    /**
     * @return a copy of the plateaus, largest first.
     */
    public int[] values()
    {
        return descending.clone();
    }
}
