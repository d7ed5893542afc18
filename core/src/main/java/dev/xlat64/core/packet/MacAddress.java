package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * 48-bit MAC addresses held in the low 48 bits of a {@code long}, first octet most significant
 * ({@code 02:00:5e:10:00:01} is {@code 0x02005E100001L}). Reads and writes are big-endian, without allocation.
 */
public final class MacAddress
{
    /** Length of a MAC address in bytes. */
    public static final int LENGTH = 6;
    /** ff:ff:ff:ff:ff:ff. */
    public static final long BROADCAST = 0xFFFF_FFFF_FFFFL;
    private static final long MASK = 0xFFFF_FFFF_FFFFL;

    private MacAddress()
    {
    }

    /**
     * @param buffer to read.
     * @param index  of the first octet.
     * @return the address in the low 48 bits.
     */
    public static long get(final DirectBuffer buffer, final int index)
    {
        return ((buffer.getShort(index, BIG_ENDIAN) & 0xFFFFL) << 32) | (buffer.getInt(index + 2, BIG_ENDIAN) & 0xFFFF_FFFFL);
    }

    /**
     * @param buffer  to write.
     * @param index   of the first octet.
     * @param address in the low 48 bits; the high 16 bits are ignored.
     */
    public static void put(final MutableDirectBuffer buffer, final int index, final long address)
    {
        buffer.putShort(index, (short)(address >>> 32), BIG_ENDIAN);
        buffer.putInt(index + 2, (int)address, BIG_ENDIAN);
    }

    /**
     * RFC 2464 §7: the Ethernet address for an IPv6 multicast address is 33:33 followed by its last four octets.
     *
     * @param ipv6Low the low 64 bits of the IPv6 multicast address.
     * @return the multicast MAC address.
     */
    public static long ipv6Multicast(final long ipv6Low)
    {
        return 0x3333_0000_0000L | (ipv6Low & 0xFFFF_FFFFL);
    }

    /**
     * @param address in the low 48 bits.
     * @return the address as {@code aa:bb:cc:dd:ee:ff} (allocates: for logs and configuration only).
     */
    public static String format(final long address)
    {
        final StringBuilder text = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            final int octet = (int)(address >>> shift) & 0xFF;
            text.append(Character.forDigit(octet >>> 4, 16)).append(Character.forDigit(octet & 0xF, 16));
            if (shift != 0)
            {
                text.append(':');
            }
        }
        return text.toString();
    }

    /**
     * @param text six hex octets separated by ':' or '-'.
     * @return the address in the low 48 bits.
     * @throws IllegalArgumentException naming the text if it is not a MAC address.
     */
    public static long parse(final String text)
    {
        final String[] octets = text.split("[:-]", -1);
        if (octets.length != LENGTH)
        {
            throw new IllegalArgumentException("not a MAC address (expected six hex octets like 02:00:5e:10:00:01): '" +
                text + "'");
        }
        long address = 0;
        for (final String octet : octets)
        {
            if (octet.isEmpty() || octet.length() > 2)
            {
                throw new IllegalArgumentException("not a MAC address (bad octet '" + octet + "'): '" + text + "'");
            }
            final int value;
            try
            {
                value = Integer.parseInt(octet, 16);
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("not a MAC address (bad octet '" + octet + "'): '" + text + "'", ex);
            }
            address = (address << 8) | value;
        }
        return address & MASK;
    }
}
