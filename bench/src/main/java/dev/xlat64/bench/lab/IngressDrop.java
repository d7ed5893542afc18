package dev.xlat64.bench.lab;

import java.io.IOException;

import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * An nftables rule on a device's netdev ingress hook that drops the frames matching an expression: the first hook
 * a received frame meets, after the device has counted it and after AF_PACKET taps have seen it, before the IP
 * stack. One table per namespace ({@code lab}), one chain per device; removed with the namespace.
 */
final class IngressDrop
{
    private static final String TABLE = "lab";

    private IngressDrop()
    {
    }

    /**
     * @param match an nft match expression, e.g. {@code ip6 daddr 2001:db8:64::/96} or {@code udp dport 9}.
     */
    static void install(final NetnsLab lab, final NetnsLab.Role role, final String device, final String match)
        throws IOException
    {
        final String chain = "in-" + device;
        final ExecResult result = lab.exec(role, "nft", "add table netdev " + TABLE + "; " +
            "add chain netdev " + TABLE + " " + chain + " { type filter hook ingress device " + device +
            " priority 0; }; add rule netdev " + TABLE + " " + chain + " " + match + " drop");
        if (!result.ok())
        {
            throw new IOException("nft: cannot drop '" + match + "' at the ingress of " + device + " in " +
                lab.namespace(role) + ": " + result.output().strip());
        }
    }
}
