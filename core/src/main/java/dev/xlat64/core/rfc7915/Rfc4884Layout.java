package dev.xlat64.core.rfc7915;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Where the packet in error and an RFC 4884 extension go in a translated ICMP error that must not exceed a size
 * (576 for ICMPv4, 1280 for ICMPv6). RFC 4884 §4: with an extension, the original datagram is zero-padded to a
 * multiple of the length unit (4 bytes ICMPv4, 8 bytes ICMPv6) and to at least 128 bytes. RFC 7915 §4.2/§5.2:
 * the extension is passed opaque and truncated when it does not fit; here, as in Jool, it is kept whole or
 * removed, and the first 128 bytes of the packet in error come first, then the extension, then the rest.
 * One instance per worker; {@link #fit} overwrites the result fields.
 */
final class Rfc4884Layout
{
    static final int MIN_ORIGINAL_DATAGRAM = 128;

    /** Bytes of the (translated) packet in error to keep. */
    int innerBytes;
    /** Bytes from the start of the packet in error to the extension (innerBytes plus padding); 0 without extension. */
    int paddedBytes;
    /** True if the extension is kept. */
    boolean extensionKept;

    /**
     * @param headerBytes outer IP header plus ICMP header.
     * @param innerAvailable bytes of the translated packet in error at hand.
     * @param extensionBytes length of the extension, 0 if none.
     * @param maxBytes limit of the whole ICMP error packet.
     * @param unit 4 (ICMPv4) or 8 (ICMPv6).
     */
    void fit(final int headerBytes, final int innerAvailable, final int extensionBytes, final int maxBytes, final int unit)
    {
        final int room = maxBytes - headerBytes;
        if (extensionBytes > 0 && MIN_ORIGINAL_DATAGRAM + extensionBytes <= room)
        {
            final int innerRoom = (room - extensionBytes) & -unit;
            innerBytes = Math.min(innerAvailable, innerRoom);
            paddedBytes = Math.max(MIN_ORIGINAL_DATAGRAM, (innerBytes + unit - 1) & -unit);
            extensionKept = true;
        }
        else
        {
            innerBytes = Math.min(innerAvailable, room);
            paddedBytes = 0;
            extensionKept = false;
        }
    }

    /**
     * After {@link #fit}: zero-pads the packet in error already written at {@code innerAt} and copies the extension
     * behind it, when it is kept.
     *
     * @param extension where the received extension is.
     * @param extensionAt its start.
     * @param extensionBytes its length, as given to {@link #fit}.
     * @return the bytes of the ICMP body: the packet in error, with padding and extension when kept.
     */
    int place(
        final MutableDirectBuffer out, final int innerAt, final DirectBuffer extension, final int extensionAt,
        final int extensionBytes)
    {
        if (!extensionKept)
        {
            return innerBytes;
        }
        out.setMemory(innerAt + innerBytes, paddedBytes - innerBytes, (byte)0);
        out.putBytes(innerAt + paddedBytes, extension, extensionAt, extensionBytes);
        return paddedBytes + extensionBytes;
    }
}
