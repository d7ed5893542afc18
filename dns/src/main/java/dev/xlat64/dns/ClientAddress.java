package dev.xlat64.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * A client's IP address as plain fields, filled in by whoever received the query (a socket, or a packet
 * ring in the colocated gateway), so that ACL checks allocate nothing. IPv4 is kept as an {@code int};
 * IPv6 as two {@code long} halves; an IPv4-mapped IPv6 address (::ffff:0:0/96, a dual-stack socket) counts
 * as IPv4.
 */
public final class ClientAddress
{
    private boolean ipv6;
    private int ipv4;
    private long high;
    private long low;

    /** Sets an IPv4 client. */
    public ClientAddress ipv4(final int address)
    {
        ipv6 = false;
        ipv4 = address;
        high = 0;
        low = 0x0000_FFFF_0000_0000L | (address & 0xFFFF_FFFFL);
        return this;
    }

    /** Sets an IPv6 client (an IPv4-mapped address becomes IPv4). */
    public ClientAddress ipv6(final long addressHigh, final long addressLow)
    {
        if (addressHigh == 0 && (addressLow >>> 32) == 0xFFFFL)
        {
            return ipv4((int)addressLow);
        }
        ipv6 = true;
        high = addressHigh;
        low = addressLow;
        ipv4 = 0;
        return this;
    }

    /** Sets the client from a JDK address (allocates a byte array: call it once per distinct sender). */
    public ClientAddress set(final InetAddress address)
    {
        final byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address)
        {
            return ipv4(((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF));
        }
        if (address instanceof Inet6Address)
        {
            long h = 0;
            long l = 0;
            for (int i = 0; i < 8; i++)
            {
                h = (h << 8) | (bytes[i] & 0xFF);
                l = (l << 8) | (bytes[i + 8] & 0xFF);
            }
            return ipv6(h, l);
        }
        throw new IllegalArgumentException("not an IP address: " + address);
    }

    public boolean isIpv6()
    {
        return ipv6;
    }

    /** @return the IPv4 address (valid when not {@link #isIpv6()}). */
    public int ipv4()
    {
        return ipv4;
    }

    public long high()
    {
        return high;
    }

    public long low()
    {
        return low;
    }

    @Override
    public String toString()
    {
        return ipv6 ? dev.xlat64.core.addr.Ipv6Address.format(high, low) : dev.xlat64.core.addr.Ipv4Address.format(ipv4);
    }
}
