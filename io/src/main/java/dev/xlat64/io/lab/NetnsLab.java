package dev.xlat64.io.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The namespace lab of LAB.md, built by {@link #create()} and removed by {@link #close()}:
 *
 * <pre>
 *  client ns (IPv6 only)          gateway ns                          server ns (IPv4 only)
 *  x6c&lt;id&gt; 2001:db8:1::2/64 ==veth== x6g&lt;id&gt; 2001:db8:1::1/64
 *                                    x4g&lt;id&gt; 198.51.100.1/24 ==veth== x4s&lt;id&gt; 198.51.100.10/24
 *  route pool6 via 2001:db8:1::1      forwarding off, rp_filter 0,        route pool4 via 198.51.100.1
 *                                     blackhole pool6 and pool4
 * </pre>
 *
 * <p>Every end has its offloads off ({@code ethtool -K rx tx sg tso gso gro off}), so an AF_PACKET reader
 * gets MTU-sized frames with complete checksums; IPv6 DAD is off so addresses work at once; no namespace
 * has a default route, so nothing in the lab can reach the host's uplink. Names carry a random id (namespaces
 * {@code xlat64-client-<id>} etc., veth names of 9 characters) so parallel runs don't collide.
 *
 * <p>{@link #close()} is idempotent and removes whatever exists even after a failed {@link #create()}; a JVM
 * shutdown hook calls it if the owner does not.
 */
public final class NetnsLab implements AutoCloseable
{
    /** The three namespaces of the lab. */
    public enum Role
    {
        CLIENT, GATEWAY, SERVER
    }

    public static final String CLIENT_IPV6 = "2001:db8:1::2";
    public static final String GATEWAY_IPV6 = "2001:db8:1::1";
    public static final String GATEWAY_IPV4 = "198.51.100.1";
    public static final String SERVER_IPV4 = "198.51.100.10";
    public static final String DEFAULT_POOL6 = "2001:db8:64::/96";
    public static final String DEFAULT_POOL4 = "203.0.113.0/24";

    static final long COMMAND_TIMEOUT_MS = 30_000;

    private static volatile String unavailableReason;
    private static volatile boolean probed;

    private final NetnsLabConfig config;
    private final String id;
    private final List<String> createdNamespaces = new ArrayList<>();
    private final Thread shutdownHook;
    private boolean closed;

    private NetnsLab(final NetnsLabConfig config)
    {
        this.config = config;
        this.id = Long.toString(ProcessHandle.current().pid() % 1296, 36) +
            Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36 * 36), 36);
        this.shutdownHook = new Thread(this::removeAll, "netns-lab-cleanup-" + id);
    }

    /** A builder for a lab with non-default prefix, pool, MTUs or extra addresses. */
    public static NetnsLabConfig builder()
    {
        return new NetnsLabConfig();
    }

    /** Builds the default lab (pool6 2001:db8:64::/96, pool4 203.0.113.0/24, MTU 1500 everywhere). */
    public static NetnsLab create() throws IOException
    {
        return create(builder());
    }

    static NetnsLab create(final NetnsLabConfig config) throws IOException
    {
        final NetnsLab lab = new NetnsLab(config.copy());
        Runtime.getRuntime().addShutdownHook(lab.shutdownHook);
        try
        {
            lab.build();
            return lab;
        }
        catch (final IOException | RuntimeException ex)
        {
            lab.close();
            throw ex;
        }
    }

    /**
     * Why a lab can't be built here (not root, no {@code ip netns}, no ethtool), or null when it can. Tests
     * skip with this reason. The answer is probed once per JVM by adding and deleting a namespace.
     */
    public static String unavailableReason()
    {
        if (!probed)
        {
            synchronized (NetnsLab.class)
            {
                if (!probed)
                {
                    unavailableReason = probe();
                    probed = true;
                }
            }
        }
        return unavailableReason;
    }

    /** The network namespace name of {@code role}. */
    public String namespace(final Role role)
    {
        return "xlat64-" + role.name().toLowerCase(Locale.ROOT) + "-" + id;
    }

    /** The client's veth end (in the client namespace). */
    public String clientInterface()
    {
        return "x6c" + id;
    }

    /** The gateway's IPv6-side veth end, facing the client. */
    public String gatewayIpv6Interface()
    {
        return "x6g" + id;
    }

    /** The gateway's IPv4-side veth end, facing the server. */
    public String gatewayIpv4Interface()
    {
        return "x4g" + id;
    }

    /** The server's veth end (in the server namespace). */
    public String serverInterface()
    {
        return "x4s" + id;
    }

    public String pool6()
    {
        return config.pool6;
    }

    public String pool4()
    {
        return config.pool4;
    }

    /** Runs {@code command} inside namespace {@code namespace} ({@code ip netns exec}), 30 s at most. */
    public ExecResult exec(final String namespace, final String... command) throws IOException
    {
        final List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        argv.addAll(List.of(command));
        return Commands.run(COMMAND_TIMEOUT_MS, argv);
    }

    /** Runs {@code command} inside the namespace of {@code role}. */
    public ExecResult exec(final Role role, final String... command) throws IOException
    {
        return exec(namespace(role), command);
    }

    /** Removes the namespaces (and with them the veth pairs); safe to call more than once. */
    @Override
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        removeAll();
        try
        {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (final IllegalStateException ignored)
        {
            // Already shutting down: the hook is running or has run.
        }
    }

    private void build() throws IOException
    {
        final String client = namespace(Role.CLIENT);
        final String gateway = namespace(Role.GATEWAY);
        final String server = namespace(Role.SERVER);
        for (final String ns : List.of(client, gateway, server))
        {
            createdNamespaces.add(ns);
            ip("netns", "add", ns);
            ip("-n", ns, "link", "set", "lo", "up");
        }
        ip("link", "add", clientInterface(), "netns", client, "type", "veth",
            "peer", "name", gatewayIpv6Interface(), "netns", gateway);
        ip("link", "add", gatewayIpv4Interface(), "netns", gateway, "type", "veth",
            "peer", "name", serverInterface(), "netns", server);

        sysctl(client, "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0",
            "net.ipv6.conf." + clientInterface() + ".accept_dad=0", "net.ipv6.conf.all.forwarding=0");
        sysctl(gateway, "net.ipv4.ip_forward=0", "net.ipv6.conf.all.forwarding=0",
            "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf." + gatewayIpv6Interface() + ".accept_dad=0",
            "net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0",
            "net.ipv4.conf." + gatewayIpv4Interface() + ".rp_filter=0");
        // The server is IPv4-only: no IPv6 at all, not even link-local.
        sysctl(server, "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1",
            "net.ipv6.conf." + serverInterface() + ".disable_ipv6=1");

        bringUp(client, clientInterface(), config.clientLinkMtu);
        bringUp(gateway, gatewayIpv6Interface(), config.clientLinkMtu);
        bringUp(gateway, gatewayIpv4Interface(), config.serverLinkMtu);
        bringUp(server, serverInterface(), config.serverLinkMtu);

        ip("-n", client, "-6", "addr", "add", CLIENT_IPV6 + "/64", "dev", clientInterface(), "nodad");
        ip("-n", gateway, "-6", "addr", "add", GATEWAY_IPV6 + "/64", "dev", gatewayIpv6Interface(), "nodad");
        ip("-n", gateway, "-4", "addr", "add", GATEWAY_IPV4 + "/24", "dev", gatewayIpv4Interface());
        ip("-n", server, "-4", "addr", "add", SERVER_IPV4 + "/24", "dev", serverInterface());
        for (final NetnsLabConfig.ExtraAddress extra : config.extraAddresses)
        {
            final boolean ipv6 = extra.cidr().indexOf(':') >= 0;
            final String device = switch (extra.role())
            {
                case CLIENT -> clientInterface();
                case SERVER -> serverInterface();
                case GATEWAY -> ipv6 ? gatewayIpv6Interface() : gatewayIpv4Interface();
            };
            if (ipv6)
            {
                ip("-n", namespace(extra.role()), "-6", "addr", "add", extra.cidr(), "dev", device, "nodad");
            }
            else
            {
                ip("-n", namespace(extra.role()), "-4", "addr", "add", extra.cidr(), "dev", device);
            }
        }

        ip("-n", client, "-6", "route", "add", config.pool6, "via", GATEWAY_IPV6);
        ip("-n", server, "-4", "route", "add", config.pool4, "via", GATEWAY_IPV4);
        // The gateway's kernel must not route what the translator takes off the wire (LAB.md).
        ip("-n", gateway, "-6", "route", "add", "blackhole", config.pool6);
        ip("-n", gateway, "-4", "route", "add", "blackhole", config.pool4);
    }

    private void bringUp(final String ns, final String device, final int mtu) throws IOException
    {
        ip("-n", ns, "link", "set", device, "mtu", Integer.toString(mtu), "up");
        Commands.check(COMMAND_TIMEOUT_MS, "ip", "netns", "exec", ns, "ethtool", "-K", device,
            "rx", "off", "tx", "off", "sg", "off", "tso", "off", "gso", "off", "gro", "off");
    }

    private void sysctl(final String ns, final String... settings) throws IOException
    {
        final List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", ns, "sysctl", "-q", "-w"));
        argv.addAll(List.of(settings));
        final ExecResult result = Commands.run(COMMAND_TIMEOUT_MS, argv);
        if (!result.ok())
        {
            throw new IOException("sysctl in " + ns + " failed (exit " + result.exitCode() + "): " +
                String.join(" ", settings) + ": " + result.output().strip());
        }
    }

    private static void ip(final String... args) throws IOException
    {
        final String[] argv = new String[args.length + 1];
        argv[0] = "ip";
        System.arraycopy(args, 0, argv, 1, args.length);
        Commands.check(COMMAND_TIMEOUT_MS, argv);
    }

    private synchronized void removeAll()
    {
        for (int i = createdNamespaces.size() - 1; i >= 0; i--)
        {
            final String ns = createdNamespaces.get(i);
            try
            {
                // Deleting a namespace destroys its veth ends, and with them the peers in the other namespaces.
                Commands.run(COMMAND_TIMEOUT_MS, "ip", "netns", "del", ns);
            }
            catch (final IOException ex)
            {
                System.err.println("netns lab: could not delete namespace " + ns + ": " + ex.getMessage());
            }
        }
        createdNamespaces.clear();
    }

    private static String probe()
    {
        final String name = "xlat64-probe-" + ProcessHandle.current().pid() + "-" +
            Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36);
        try
        {
            final ExecResult add = Commands.run(COMMAND_TIMEOUT_MS, "ip", "netns", "add", name);
            if (!add.ok())
            {
                return "'ip netns add' fails here (root and CAP_SYS_ADMIN needed): " + add.output().strip();
            }
            Commands.run(COMMAND_TIMEOUT_MS, "ip", "netns", "del", name);
            final ExecResult ethtool = Commands.run(COMMAND_TIMEOUT_MS, "ethtool", "--version");
            if (!ethtool.ok())
            {
                return "ethtool is missing (apt-get install ethtool): " + ethtool.output().strip();
            }
            return null;
        }
        catch (final IOException ex)
        {
            return "cannot run ip/ethtool: " + ex.getMessage();
        }
    }
}
