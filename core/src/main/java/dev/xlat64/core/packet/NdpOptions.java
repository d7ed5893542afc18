package dev.xlat64.core.packet;

import org.agrona.DirectBuffer;

/**
 * Walks the options that follow a Neighbor Discovery message (RFC 4861 §4.6).
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |    Length     |              ...              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * ~                              ...                              ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Length counts 8-octet units, type and length included. "Nodes MUST silently discard an ND packet that contains an
 * option with length zero" (RFC 4861 §4.6); an option that runs past the message is refused the same way.
 */
public final class NdpOptions
{
    /** Source Link-Layer Address option type (RFC 4861 §4.6.1). */
    public static final int SOURCE_LINK_LAYER_ADDRESS = 1;
    /** Target Link-Layer Address option type (RFC 4861 §4.6.1). */
    public static final int TARGET_LINK_LAYER_ADDRESS = 2;
    /** Prefix Information option type (RFC 4861 §4.6.2). */
    public static final int PREFIX_INFORMATION = 3;
    /** Redirected Header option type (RFC 4861 §4.6.3). */
    public static final int REDIRECTED_HEADER = 4;
    /** MTU option type (RFC 4861 §4.6.4). */
    public static final int MTU = 5;

    private static final int NOT_FOUND = -1;
    private static final int MALFORMED = -2;

    private NdpOptions()
    {
    }

    /**
     * @param buffer holding the message.
     * @param index  buffer index of the first option.
     * @param length bytes from the first option to the end of the ICMPv6 message.
     * @return {@link HeaderFault#NONE} or {@link HeaderFault#NDP_BAD_OPTION_LENGTH}.
     */
    public static HeaderFault validate(final DirectBuffer buffer, final int index, final int length)
    {
        return scan(buffer, index, length, -1) == MALFORMED ? HeaderFault.NDP_BAD_OPTION_LENGTH : HeaderFault.NONE;
    }

    /**
     * @param buffer holding the message.
     * @param index  buffer index of the first option.
     * @param length bytes from the first option to the end of the ICMPv6 message.
     * @param type   option type to look for.
     * @return buffer index of the first option of that type, or -1 if absent or the options before it are malformed.
     */
    public static int find(final DirectBuffer buffer, final int index, final int length, final int type)
    {
        final int found = scan(buffer, index, length, type);
        return found < 0 ? -1 : found;
    }

    private static int scan(final DirectBuffer buffer, final int index, final int length, final int type)
    {
        final int end = index + length;
        int i = index;
        while (i < end)
        {
            if (i + 2 > end)
            {
                return MALFORMED;
            }
            final int optionLength = (buffer.getByte(i + 1) & 0xFF) << 3;
            if (optionLength == 0 || i + optionLength > end)
            {
                return MALFORMED;
            }
            if ((buffer.getByte(i) & 0xFF) == type)
            {
                return i;
            }
            i += optionLength;
        }
        return NOT_FOUND;
    }
}
