package dev.xlat64.core.packet;

import org.agrona.DirectBuffer;

/**
 * Walks the IPv4 options area (RFC 791 §3.1). Two single-byte options exist (End of Option List = 0, No Operation = 1);
 * every other option is {@code type, length, data...} where length counts the type and length bytes, so it is at least 2.
 * Bytes after End of Option List are padding and are not looked at.
 *
 * <pre>
 * Loose (131) / Strict (137) Source and Record Route:
 * +--------+--------+--------+---------//--------+
 * |  type  | length | pointer|     route data    |
 * +--------+--------+--------+---------//--------+
 * </pre>
 *
 * The pointer is 1-based relative to the option; the route is used up when the pointer exceeds the length.
 */
public final class Ipv4Options
{
    public static final int END_OF_OPTION_LIST = 0;
    public static final int NO_OPERATION = 1;
    public static final int RECORD_ROUTE = 7;
    public static final int LOOSE_SOURCE_ROUTE = 131;
    public static final int STRICT_SOURCE_ROUTE = 137;

    private static final int NOT_FOUND = -1;
    private static final int MALFORMED = -2;

    private Ipv4Options()
    {
    }

    /**
     * Check that every option's length is at least 2 and ends within the options area.
     *
     * @param buffer  holding the header.
     * @param index   buffer index of the first option byte.
     * @param length  bytes of options (header length minus 20).
     * @return {@link HeaderFault#NONE} or {@link HeaderFault#BAD_IPV4_OPTION}.
     */
    public static HeaderFault validate(final DirectBuffer buffer, final int index, final int length)
    {
        return find(buffer, index, length, -1) == MALFORMED ? HeaderFault.BAD_IPV4_OPTION : HeaderFault.NONE;
    }

    /**
     * Find the first option of a type.
     *
     * @param buffer holding the header.
     * @param index  buffer index of the first option byte.
     * @param length bytes of options.
     * @param type   option type to look for (not 0 or 1).
     * @return buffer index of the option's type byte, or -1 if absent or the options are malformed.
     */
    public static int findOption(final DirectBuffer buffer, final int index, final int length, final int type)
    {
        final int found = find(buffer, index, length, type);
        return found < 0 ? -1 : found;
    }

    /**
     * RFC 7915 §4.1: "If any of an IPv4 header's options are source route options with unexpired routes, the packet
     * must be dropped" (and answered with ICMPv4 Destination Unreachable, Source Route Failed).
     *
     * @param buffer holding the header.
     * @param index  buffer index of the first option byte.
     * @param length bytes of options.
     * @return true if a Loose or Strict Source Route option has pointer &lt;= length.
     */
    public static boolean hasUnexpiredSourceRoute(final DirectBuffer buffer, final int index, final int length)
    {
        return unexpired(buffer, findOption(buffer, index, length, LOOSE_SOURCE_ROUTE)) ||
            unexpired(buffer, findOption(buffer, index, length, STRICT_SOURCE_ROUTE));
    }

    private static boolean unexpired(final DirectBuffer buffer, final int optionIndex)
    {
        if (optionIndex < 0)
        {
            return false;
        }
        final int optionLength = buffer.getByte(optionIndex + 1) & 0xFF;
        if (optionLength < 3)
        {
            return false; // no pointer byte, so no route to follow
        }
        final int pointer = buffer.getByte(optionIndex + 2) & 0xFF;
        return pointer <= optionLength;
    }

    private static int find(final DirectBuffer buffer, final int index, final int length, final int type)
    {
        final int end = index + length;
        int i = index;
        while (i < end)
        {
            final int optionType = buffer.getByte(i) & 0xFF;
            if (optionType == END_OF_OPTION_LIST)
            {
                return NOT_FOUND;
            }
            if (optionType == NO_OPERATION)
            {
                i++;
                continue;
            }
            if (i + 1 >= end)
            {
                return MALFORMED;
            }
            final int optionLength = buffer.getByte(i + 1) & 0xFF;
            if (optionLength < 2 || i + optionLength > end)
            {
                return MALFORMED;
            }
            if (optionType == type)
            {
                return i;
            }
            i += optionLength;
        }
        return NOT_FOUND;
    }
}
