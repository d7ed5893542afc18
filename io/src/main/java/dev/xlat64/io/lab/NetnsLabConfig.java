package dev.xlat64.io.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Settings of a {@link NetnsLab}: prefixes, link MTUs and extra addresses. */
public final class NetnsLabConfig
{
    /** An additional address for one namespace's lab interface. */
    record ExtraAddress(NetnsLab.Role role, String cidr)
    {
    }

    String pool6 = NetnsLab.DEFAULT_POOL6;
    String pool4 = NetnsLab.DEFAULT_POOL4;
    int clientLinkMtu = 1500;
    int serverLinkMtu = 1500;
    final List<ExtraAddress> extraAddresses = new ArrayList<>();

    NetnsLabConfig()
    {
    }

    /** The NAT64 prefix the client routes to the gateway and the gateway blackholes (default 2001:db8:64::/96). */
    public NetnsLabConfig pool6(final String prefix)
    {
        this.pool6 = requirePrefix("pool6", prefix, true);
        return this;
    }

    /** The IPv4 pool the server routes to the gateway and the gateway blackholes (default 203.0.113.0/24). */
    public NetnsLabConfig pool4(final String prefix)
    {
        this.pool4 = requirePrefix("pool4", prefix, false);
        return this;
    }

    /** MTU of the client-gateway link (default 1500). */
    public NetnsLabConfig clientLinkMtu(final int mtu)
    {
        this.clientLinkMtu = requireMtu("clientLinkMtu", mtu, 1280);
        return this;
    }

    /** MTU of the gateway-server link (default 1500); lower it for Packet Too Big / Fragmentation Needed demos. */
    public NetnsLabConfig serverLinkMtu(final int mtu)
    {
        this.serverLinkMtu = requireMtu("serverLinkMtu", mtu, 576);
        return this;
    }

    /** Adds {@code cidr} (e.g. "198.51.100.20/24") to the lab interface of {@code role} (the gateway: by family). */
    public NetnsLabConfig extraAddress(final NetnsLab.Role role, final String cidr)
    {
        final boolean ipv6 = requirePrefix("extraAddress", cidr, cidr.indexOf(':') >= 0).indexOf(':') >= 0;
        if (role == NetnsLab.Role.CLIENT && !ipv6 || role == NetnsLab.Role.SERVER && ipv6)
        {
            throw new IllegalArgumentException("extraAddress " + cidr + " for " + role +
                ": expected an IPv6 address for the client and an IPv4 address for the server");
        }
        extraAddresses.add(new ExtraAddress(role, cidr));
        return this;
    }

    /** Builds the lab. */
    public NetnsLab create() throws IOException
    {
        return NetnsLab.create(this);
    }

    NetnsLabConfig copy()
    {
        final NetnsLabConfig c = new NetnsLabConfig();
        c.pool6 = pool6;
        c.pool4 = pool4;
        c.clientLinkMtu = clientLinkMtu;
        c.serverLinkMtu = serverLinkMtu;
        c.extraAddresses.addAll(extraAddresses);
        return c;
    }

    private static String requirePrefix(final String key, final String value, final boolean ipv6)
    {
        final String pattern = ipv6 ? "[0-9a-fA-F:]+/[0-9]{1,3}" : "[0-9]{1,3}(\\.[0-9]{1,3}){3}/[0-9]{1,2}";
        if (null == value || !value.matches(pattern))
        {
            throw new IllegalArgumentException(key + " '" + value + "': expected an " + (ipv6 ? "IPv6" : "IPv4") +
                " address/length such as " + (ipv6 ? "2001:db8:64::/96" : "203.0.113.0/24"));
        }
        return value;
    }

    private static int requireMtu(final String key, final int mtu, final int min)
    {
        if (mtu < min || mtu > 9000)
        {
            throw new IllegalArgumentException(key + " " + mtu + ": expected " + min + " to 9000");
        }
        return mtu;
    }
}
