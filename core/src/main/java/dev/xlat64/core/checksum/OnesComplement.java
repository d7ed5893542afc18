package dev.xlat64.core.checksum;

/**
 * Folding helpers shared by the checksum kernels.
 *
 * <p>Both kernels add the data as <em>little-endian</em> 16-bit words, which on x86 and ARM are the
 * machine's own loads and need no byte shuffles. RFC 1071 §2(B) ("byte order independence") says the
 * ones'-complement sum of byte-swapped words is the byte-swapped sum, so the folded little-endian sum
 * is swapped once at the end to give the big-endian (network order) sum.
 */
final class OnesComplement
{
    private OnesComplement()
    {
    }

    /**
     * Folds a non-negative sum of 16-bit (or 32-bit) pieces to 16 bits with end-around carries.
     * The result is 0 only when {@code sum} is 0; otherwise it lies in 1..0xFFFF (so an all-ones
     * word sums to 0xFFFF, "negative zero", as a plain 16-bit loop with carries gives).
     *
     * @param sum a sum of non-negative pieces, below 2^63.
     * @return the 16-bit ones'-complement sum.
     */
    static int fold(final long sum)
    {
        long s = (sum & 0xFFFF_FFFFL) + (sum >>> 32);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        s = (s & 0xFFFF) + (s >>> 16);
        return (int)s;
    }

    /**
     * Folds a sum of little-endian words and returns the network-order (big-endian) 16-bit sum.
     *
     * @param littleEndianSum a sum of little-endian 16-bit (or 32-bit) pieces, below 2^63.
     * @return the 16-bit ones'-complement sum of the same bytes read as big-endian words.
     */
    static int foldSwapped(final long littleEndianSum)
    {
        final int s = fold(littleEndianSum);
        return ((s & 0xFF) << 8) | (s >>> 8);
    }
}
