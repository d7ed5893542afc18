package dev.xlat64.core.checksum;

/**
 * Incremental checksum update, RFC 1624 eqn. 3: {@code HC' = ~(~HC + ~m + m')}.
 *
 * <p>Eqn. 3 (not RFC 1141's eqn. 2) is used because it gives the right answer in the corner case RFC 1624
 * §3 works through: when the new sum of the covered data is 0xFFFF ("-0") the new checksum is 0x0000,
 * exactly what a full recomputation gives, where eqn. 2 would give 0xFFFF.
 *
 * <p>For a UDP checksum over IPv4 a result of 0x0000 must be sent as 0xFFFF (RFC 768: zero means
 * "no checksum"); that mapping is the caller's, as it depends on the protocol. No allocation.
 */
public final class IncrementalChecksum
{
    private IncrementalChecksum()
    {
    }

    /**
     * The checksum after one covered 16-bit word changed from {@code oldWord} to {@code newWord}.
     *
     * @param checksum the checksum field as it is, 0..0xFFFF.
     * @param oldWord  the word's old value, 0..0xFFFF.
     * @param newWord  the word's new value, 0..0xFFFF.
     * @return the new checksum field value.
     */
    public static int replaceWord(final int checksum, final int oldWord, final int newWord)
    {
        return update(checksum, oldWord, newWord);
    }

    /**
     * The checksum after a covered part whose folded sum was {@code oldSum} was replaced by one whose folded
     * sum is {@code newSum}: e.g. address translation, where an IPv6 pseudo-header sum gives way to an IPv4
     * one (RFC 7915 §4.5 and §5.5 recompute the upper-layer checksum this way), or several words at once.
     *
     * @param checksum the checksum field as it is, 0..0xFFFF.
     * @param oldSum   the folded sum of what was covered before (see {@link InternetChecksum}), 0..0xFFFF.
     * @param newSum   the folded sum of what is covered now, 0..0xFFFF.
     * @return the new checksum field value.
     */
    public static int replaceSum(final int checksum, final int oldSum, final int newSum)
    {
        return update(checksum, oldSum, newSum);
    }

    private static int update(final int checksum, final int oldValue, final int newValue)
    {
        // RFC 1624 eqn. 3, in 32-bit arithmetic with the carries folded back in.
        int sum = (~checksum & 0xFFFF) + (~oldValue & 0xFFFF) + (newValue & 0xFFFF);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        sum = (sum & 0xFFFF) + (sum >>> 16);
        return ~sum & 0xFFFF;
    }
}
