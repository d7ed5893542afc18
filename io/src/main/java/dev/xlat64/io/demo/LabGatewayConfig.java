package dev.xlat64.io.demo;

import java.io.IOException;
import java.nio.file.Path;

import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * The configuration file for a gateway in a {@link NetnsLab}: SIIT with the lab's pool6, one EAM entry mapping
 * the client to an address of the pool4 range, and the gateway's two veth ends. The next hops (client and server)
 * are resolved with NDP and ARP from the gateway's lab addresses, or given as static MACs read from the lab.
 */
public final class LabGatewayConfig
{
    /** The client as the IPv4 side sees it (RFC 7757 EAM entry 2001:db8:1::2/128 - 203.0.113.2/32). */
    public static final String CLIENT_IPV4 = "203.0.113.2";
    /** The server as the IPv6 side sees it: 198.51.100.10 embedded in 2001:db8:64::/96 (RFC 6052 §2.2). */
    public static final String SERVER_IPV6 = "2001:db8:64::c633:640a";
    /** The data-path lines of the lab's {@code gateway:} section: one worker on one shared thread, poll, TPACKET_V2. */
    private static final String DATA_PATH = """
          workers: 1
          threading: shared
          threads: 1
          idle-strategy: poll
          tpacket-version: 2
        """;

    private LabGatewayConfig()
    {
    }

    /**
     * @param ipv4MtuBytes the MTU of the gateway-server link, which the translator must know to send Packet Too Big.
     */
    public static String yaml(final NetnsLab lab, final int ipv4MtuBytes, final Path countersFile) throws IOException
    {
        return yaml(lab, ipv4MtuBytes, countersFile, false);
    }

    /**
     * @param staticNextHops true to configure the client's and the server's MACs instead of resolving them.
     */
    public static String yaml(final NetnsLab lab, final int ipv4MtuBytes, final Path countersFile,
        final boolean staticNextHops) throws IOException
    {
        return yaml(lab, ipv4MtuBytes, countersFile, staticNextHops, DATA_PATH);
    }

    /**
     * @param dataPath the data-path lines of the {@code gateway:} section (workers, threading, idle strategy,
     *     TPACKET version, ...), each indented by two spaces, in place of the lab's (one worker on one shared
     *     thread, idle strategy poll, TPACKET_V2).
     */
    public static String yaml(final NetnsLab lab, final int ipv4MtuBytes, final Path countersFile,
        final boolean staticNextHops, final String dataPath) throws IOException
    {
        final String nextHops = staticNextHops ?
            "  ipv6-next-hop-mac: " + mac(lab, NetnsLab.Role.CLIENT, lab.clientInterface()) + "\n" +
            "  ipv4-next-hop-mac: " + mac(lab, NetnsLab.Role.SERVER, lab.serverInterface()) + "\n" :
            "  ipv6-address: " + NetnsLab.GATEWAY_IPV6 + "\n" + "  ipv4-address: " + NetnsLab.GATEWAY_IPV4 + "\n";
        return """
            # xlat64 in the namespace lab: SIIT (RFC 7915) with an explicit address mapping (RFC 7757).
            pool6: %s
            eamt:
              - ipv6-prefix: %s/128
                ipv4-prefix: %s/32
            translator-ipv6-address: %s
            translator-ipv4-address: %s
            ipv4-mtu: %d
            gateway:
              ipv6-interface: %s
              ipv4-interface: %s
            %s%s  counters-file: %s
            """.formatted(lab.pool6(), NetnsLab.CLIENT_IPV6, CLIENT_IPV4, NetnsLab.GATEWAY_IPV6,
            NetnsLab.GATEWAY_IPV4, ipv4MtuBytes, lab.gatewayIpv6Interface(), lab.gatewayIpv4Interface(),
            nextHops, dataPath, countersFile);
    }

    /**
     * @return a {@code dns64:} section for the lab: the gateway answers DNS64 on its own addresses (the default
     *     listen), for the client's prefix, asking the lab's zone server on the IPv4-only server; the prefix is
     *     pool6 (the default), so the translator and the DNS64 agree.
     */
    public static String dns64Section()
    {
        return """
            dns64:
              upstreams: ["%s"]
              allow-clients: ["2001:db8:1::/64"]
              upstream-timeout-ms: 500
            """.formatted(NetnsLab.SERVER_IPV4);
    }

    /**
     * @return the MAC address of {@code device} in the namespace of {@code role}, e.g. {@code 02:ab:...}.
     */
    public static String mac(final NetnsLab lab, final NetnsLab.Role role, final String device) throws IOException
    {
        // ip netns exec mounts the namespace's own sysfs, so /sys/class/net shows its devices.
        final ExecResult result = lab.exec(role, "cat", "/sys/class/net/" + device + "/address");
        if (!result.ok())
        {
            throw new IOException("cannot read the MAC of " + device + ": " + result.output().strip());
        }
        return result.output().strip();
    }
}
