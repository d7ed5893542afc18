package dev.xlat64.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;

/**
 * Parses {@code 127.0.0.1:53}, {@code [::1]:5353}, or a bare address (the default port), without any DNS
 * lookup: a DNS server's own upstreams must be addresses.
 */
public final class SocketAddresses
{
    private SocketAddresses()
    {
    }

    /**
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static InetSocketAddress parse(final String text, final int defaultPort)
    {
        if (text == null || text.isEmpty())
        {
            throw new IllegalArgumentException("address is empty; expected e.g. 127.0.0.1:53 or [::1]:53");
        }
        String host = text;
        int port = defaultPort;
        if (text.startsWith("["))
        {
            final int close = text.indexOf(']');
            if (close < 0)
            {
                throw new IllegalArgumentException("'" + text + "': '[' without ']'");
            }
            host = text.substring(1, close);
            if (close + 1 < text.length())
            {
                if (text.charAt(close + 1) != ':')
                {
                    throw new IllegalArgumentException("'" + text + "': expected ':port' after ']'");
                }
                port = port(text, text.substring(close + 2));
            }
        }
        else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') >= 0)
        {
            host = text.substring(0, text.indexOf(':'));
            port = port(text, text.substring(text.indexOf(':') + 1));
        }
        try
        {
            if (host.indexOf(':') >= 0)
            {
                return new InetSocketAddress(InetAddress.getByAddress(Ipv6Address.parse(host).toBytes()), port);
            }
            final int v4 = Ipv4Address.parse(host);
            return new InetSocketAddress(InetAddress.getByAddress(
                new byte[] {(byte)(v4 >>> 24), (byte)(v4 >>> 16), (byte)(v4 >>> 8), (byte)v4}), port);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException("'" + text + "': " + ex.getMessage(), ex);
        }
    }

    private static int port(final String text, final String port)
    {
        try
        {
            final int value = Integer.parseInt(port);
            if (value < 0 || value > 65_535)
            {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("'" + text + "': port '" + port + "' must be 0 to 65535");
        }
    }
}
