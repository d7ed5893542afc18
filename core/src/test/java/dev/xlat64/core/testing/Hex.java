package dev.xlat64.core.testing;

import java.util.HexFormat;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Readable hex for test vectors: whitespace, '|' and line breaks are ignored, so packets can be written one header
 * field or one header line at a time.
 */
public final class Hex
{
    private static final HexFormat HEX = HexFormat.of();

    private Hex()
    {
    }

    /**
     * @param text hex digits, with any whitespace or '|' between them.
     * @return the bytes.
     */
    public static byte[] bytes(final String text)
    {
        return HEX.parseHex(text.replaceAll("[\\s|]", ""));
    }

    /**
     * A packet placed at an offset inside a larger buffer, as it sits in a receive ring: an odd offset catches
     * alignment assumptions and offset mix-ups.
     *
     * @param offset     where the first byte goes; the bytes before it are zero.
     * @param text       hex as for {@link #bytes(String)}.
     * @param extraBytes zero bytes after the packet.
     * @return a buffer of {@code offset + packet length + extraBytes} bytes.
     */
    public static UnsafeBuffer bufferAt(final int offset, final String text, final int extraBytes)
    {
        final byte[] packet = bytes(text);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[offset + packet.length + extraBytes]);
        buffer.putBytes(offset, packet);
        return buffer;
    }

    /**
     * @param bytes to format.
     * @return lower-case hex, no separators.
     */
    public static String of(final byte[] bytes)
    {
        return HEX.formatHex(bytes);
    }

    /**
     * @param buffer to read.
     * @param offset first byte.
     * @param length number of bytes.
     * @return lower-case hex, no separators.
     */
    public static String of(final DirectBuffer buffer, final int offset, final int length)
    {
        final byte[] copy = new byte[length];
        buffer.getBytes(offset, copy);
        return HEX.formatHex(copy);
    }
}
