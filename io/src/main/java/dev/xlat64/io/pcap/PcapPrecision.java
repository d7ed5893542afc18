package dev.xlat64.io.pcap;

/**
 * Timestamp resolution of a pcap file, told by its magic number.
 */
public enum PcapPrecision
{
    /** Magic 0xA1B2C3D4: the sub-second field counts microseconds. */
    MICROSECONDS(0xA1B2C3D4, 1_000),
    /** Magic 0xA1B23C4D: the sub-second field counts nanoseconds. */
    NANOSECONDS(0xA1B23C4D, 1);

    private final int magic;
    private final int nanosPerUnit;

    PcapPrecision(final int magic, final int nanosPerUnit)
    {
        this.magic = magic;
        this.nanosPerUnit = nanosPerUnit;
    }

    /**
     * @return the precision whose magic number is {@code magic} (read in the file's own byte order), or null.
     */
    static PcapPrecision ofMagic(final int magic)
    {
        for (final PcapPrecision precision : values())
        {
            if (precision.magic == magic)
            {
                return precision;
            }
        }
        return null;
    }

    /**
     * @return the magic number as written in the file's own byte order.
     */
    public int magic()
    {
        return magic;
    }

    /**
     * @return nanoseconds per unit of the sub-second field.
     */
    public int nanosPerUnit()
    {
        return nanosPerUnit;
    }

    /**
     * @return how many sub-second units make one second.
     */
    public int unitsPerSecond()
    {
        return 1_000_000_000 / nanosPerUnit;
    }
}
