package dev.xlat64.core.packet;

import static java.nio.ByteOrder.BIG_ENDIAN;

import org.agrona.DirectBuffer;

/**
 * Reusable walker over an IPv6 extension header chain (RFC 8200 §4). One instance per worker; {@link #walk} resets it.
 *
 * <p>It steps through Hop-by-Hop Options, Routing, Fragment and Destination Options headers, and stops at the first
 * Next Header value that is none of these: that value is the upper-layer protocol (TCP, UDP, ICMPv6, No Next Header,
 * ESP, AH or anything unknown, which the caller decides about). Generic extension headers have the form
 *
 * <pre>
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Next Header  |  Hdr Ext Len  |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               +
 * |                   (Hdr Ext Len + 1) * 8 octets                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * and the Fragment header is always 8 octets ({@link FragmentHeader}).
 *
 * <p>The walk never reads beyond {@code min(availableBytes, 40 + Payload Length)} and refuses, with a named
 * {@link HeaderFault}:
 * <ul>
 *     <li>a header that runs past that end ({@link HeaderFault#EXTENSION_CHAIN_TRUNCATED}; RFC 7112 requires the first
 *     fragment to hold the whole chain);</li>
 *     <li>more than {@link #MAX_EXTENSION_HEADERS} headers ({@link HeaderFault#EXTENSION_CHAIN_TOO_LONG}; every header is
 *     at least 8 bytes, so the walk always ends, and this bound keeps its cost small);</li>
 *     <li>Hop-by-Hop Options anywhere but first ({@link HeaderFault#HOP_BY_HOP_NOT_FIRST}, RFC 8200 §4.1);</li>
 *     <li>a second Fragment header ({@link HeaderFault#DUPLICATE_FRAGMENT_HEADER}).</li>
 * </ul>
 *
 * <p>A Fragment header with a non-zero offset ends the walk: the bytes after it are the middle of the original payload,
 * not headers. Then {@link #upperLayerProtocol()} is the Fragment header's Next Header and {@link #upperLayerOffset()}
 * points at the fragment data.
 */
public final class Ipv6ExtensionHeaders
{
    /**
     * Most extension headers accepted in one packet. RFC 8200 §4.1 recommends an order in which each of six kinds
     * appears once (Destination Options twice); eight leaves room for that and refuses padding attacks.
     */
    public static final int MAX_EXTENSION_HEADERS = 8;

    private int upperLayerProtocol = -1;
    private int upperLayerOffset = -1;
    private int fragmentHeaderOffset = -1;
    private int routingHeaderOffset = -1;
    private int routingSegmentsLeft;
    private int extensionBytes;
    private int headerCount;

    /**
     * Walk the chain after the IPv6 header at {@code ipv6Offset}.
     *
     * @param buffer         holding the packet.
     * @param ipv6Offset     buffer index of the IPv6 header.
     * @param availableBytes bytes from {@code ipv6Offset} to the end of the received data.
     * @return {@link HeaderFault#NONE} when the accessors are valid, else the fault (the accessors are then undefined).
     */
    public HeaderFault walk(final DirectBuffer buffer, final int ipv6Offset, final int availableBytes)
    {
        upperLayerProtocol = -1;
        upperLayerOffset = -1;
        fragmentHeaderOffset = -1;
        routingHeaderOffset = -1;
        routingSegmentsLeft = 0;
        extensionBytes = 0;
        headerCount = 0;

        if (availableBytes < Ipv6Header.HEADER_LENGTH)
        {
            return HeaderFault.TRUNCATED;
        }
        final int payloadLength = buffer.getShort(ipv6Offset + Ipv6Header.PAYLOAD_LENGTH_OFFSET, BIG_ENDIAN) & 0xFFFF;
        final int end = ipv6Offset + Math.min(availableBytes, Ipv6Header.HEADER_LENGTH + payloadLength);
        final int firstExtension = ipv6Offset + Ipv6Header.HEADER_LENGTH;

        int nextHeader = buffer.getByte(ipv6Offset + Ipv6Header.NEXT_HEADER_OFFSET) & 0xFF;
        int position = firstExtension;
        while (IpProtocol.isWalkedExtensionHeader(nextHeader))
        {
            if (headerCount == MAX_EXTENSION_HEADERS)
            {
                return HeaderFault.EXTENSION_CHAIN_TOO_LONG;
            }
            if (nextHeader == IpProtocol.HOPOPT && headerCount != 0)
            {
                return HeaderFault.HOP_BY_HOP_NOT_FIRST;
            }
            if (position + ExtensionHeader.HEADER_LENGTH > end)
            {
                return HeaderFault.EXTENSION_CHAIN_TRUNCATED;
            }

            final int following = buffer.getByte(position + ExtensionHeader.NEXT_HEADER_OFFSET) & 0xFF;
            final int length;
            if (nextHeader == IpProtocol.FRAGMENT)
            {
                if (fragmentHeaderOffset >= 0)
                {
                    return HeaderFault.DUPLICATE_FRAGMENT_HEADER;
                }
                fragmentHeaderOffset = position;
                length = FragmentHeader.HEADER_LENGTH;
                final int offsetWord = buffer.getShort(position + FragmentHeader.FRAGMENT_OFFSET_OFFSET, BIG_ENDIAN);
                if ((offsetWord & FragmentHeader.OFFSET_MASK) != 0)
                {
                    headerCount++;
                    return finish(following, position + length, firstExtension);
                }
            }
            else
            {
                length = ((buffer.getByte(position + ExtensionHeader.HEADER_EXTENSION_LENGTH_OFFSET) & 0xFF) + 1) << 3;
                if (position + length > end)
                {
                    return HeaderFault.EXTENSION_CHAIN_TRUNCATED;
                }
                if (nextHeader == IpProtocol.ROUTING)
                {
                    // The first routing header with segments left is the one the destination would act on.
                    final int segmentsLeft = buffer.getByte(position + RoutingHeader.SEGMENTS_LEFT_OFFSET) & 0xFF;
                    if (routingHeaderOffset < 0 || (routingSegmentsLeft == 0 && segmentsLeft != 0))
                    {
                        routingHeaderOffset = position;
                        routingSegmentsLeft = segmentsLeft;
                    }
                }
            }
            headerCount++;
            position += length;
            nextHeader = following;
        }
        return finish(nextHeader, position, firstExtension);
    }

    private HeaderFault finish(final int protocol, final int position, final int firstExtension)
    {
        upperLayerProtocol = protocol;
        upperLayerOffset = position;
        extensionBytes = position - firstExtension;
        return HeaderFault.NONE;
    }

    /**
     * @return Next Header value of the last extension header (or of the IPv6 header if there is none).
     */
    public int upperLayerProtocol()
    {
        return upperLayerProtocol;
    }

    /**
     * @return buffer index of the upper-layer header (for a non-first fragment, of the fragment data).
     */
    public int upperLayerOffset()
    {
        return upperLayerOffset;
    }

    /**
     * @return buffer index of the Fragment header, or -1 if there is none.
     */
    public int fragmentHeaderOffset()
    {
        return fragmentHeaderOffset;
    }

    /**
     * @return buffer index of the Routing header that matters (the first with Segments Left non-zero, else the first),
     * or -1 if there is none.
     */
    public int routingHeaderOffset()
    {
        return routingHeaderOffset;
    }

    /**
     * @return Segments Left of {@link #routingHeaderOffset()}'s header, 0 if there is none. RFC 7915 §5.1: a non-zero
     * value means the packet must not be translated (ICMPv6 Parameter Problem pointing at this field).
     */
    public int routingSegmentsLeft()
    {
        return routingSegmentsLeft;
    }

    /**
     * @return bytes of extension headers between the fixed IPv6 header and {@link #upperLayerOffset()}.
     */
    public int extensionBytes()
    {
        return extensionBytes;
    }

    /**
     * @return how many extension headers were walked.
     */
    public int headerCount()
    {
        return headerCount;
    }
}
