package dev.xlat64.io.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.counters.CountersFile;

/**
 * The {@code gateway:} section of the configuration file: ports, threads, rings, counters. The translation
 * itself is configured by the top-level keys (pool6, eamt, ...), read elsewhere.
 * <p>
 * Defaults, chosen by measurement in the namespace lab ({@code scripts/lab-throughput},
 * perf-reports/gateway-vs-tayga.md): one worker on one shared thread (on a small machine, dedicated threads would
 * share the same CPU and add hand-offs between them); {@code idle-strategy: poll}, which spins for
 * {@code idle-spin-us} (10 µs) after the last work and then sleeps in poll(2) on the ports' sockets, waking on the
 * first frame (at most 1 ms, for timers), so a packet meets a wake-up of microseconds instead of {@code backoff}'s
 * park of up to 1 ms, an idle gateway uses almost no CPU, and on a CPU shared with other busy tasks the scheduler
 * wakes the gateway ahead of them (a thread that spins for long is treated as CPU-bound and waits for its slice); {@code tpacket-version: 2}, whose RX ring wakes poll(2) for
 * every frame, where TPACKET_V3 hands a block over only when it is full or its 1 ms retire timer fires.
 * {@code busy-spin} keeps a core at 100 % for the lowest latency; {@code backoff}, {@code yield}, {@code sleep}
 * remain for comparison.
 *
 * <pre>
 * gateway:
 *   ipv6-interface: eth1          # the IPv6 side
 *   ipv4-interface: eth2          # the IPv4 side; the same name as ipv6-interface (or `interface: eth0`) for one port
 *   ipv6-address: 2001:db8:1::1   # the gateway's own address on the IPv6 side: source of Neighbor Solicitations
 *   ipv4-address: 198.51.100.1    # the gateway's own address on the IPv4 side: sender of ARP requests
 *   ipv6-next-hop: 2001:db8:1::ff # optional: a router for every IPv6 destination (default: destinations on-link)
 *   ipv4-next-hop: 198.51.100.254 # optional: a router for every IPv4 destination (default: destinations on-link)
 *   ipv6-next-hop-mac: 02:00:00:00:00:02   # optional: a static next-hop MAC instead of neighbor discovery
 *   ipv4-next-hop-mac: 02:00:00:00:00:03
 *   workers: 1                    # translating threads
 *   threading: shared             # shared (agents composed onto `threads` threads) or dedicated (one thread each)
 *   threads: 1                    # shared mode only
 *   cpus: [0, 1]                  # optional: pin the threads round-robin onto these CPUs (the JVM's own threads
 *                                 #   stay where the process started, e.g. on housekeeping CPUs)
 *   idle-strategy: poll           # poll (default), busy-spin, backoff, yield, sleep
 *   idle-spin-us: 10              # poll only: how long a thread spins after its last work before it sleeps
 *   batch-size: 64                # frames per RX poll, batches per ring read
 *   tpacket-version: 2            # AF_PACKET ring: 2 (frame ring, latency first; default) or 3 (block ring)
 *   ring-size-kb: 4096            # each ring between two agents (a power of two): 256 batches of 16 KiB
 *   counters-file: /dev/shm/xlat64/counters
 *   prometheus: 127.0.0.1:9464    # optional: serve /metrics on this loopback address
 * </pre>
 *
 * @param ipv6Interface the port of the IPv6 side.
 * @param ipv4Interface the port of the IPv4 side; equal to {@code ipv6Interface} when one port serves both.
 * @param ipv6Address the gateway's IPv6 address on its IPv6 side (NDP source), or null with a static IPv6 MAC.
 * @param ipv4Address the gateway's IPv4 address on its IPv4 side (ARP sender), or null with a static IPv4 MAC.
 * @param ipv6NextHop a router all IPv6 packets go to, or null for on-link destinations.
 * @param ipv4NextHop a router all IPv4 packets go to, or null for on-link destinations.
 * @param ipv6NextHopMac a static Ethernet destination for packets leaving as IPv6, if configured.
 * @param ipv4NextHopMac a static Ethernet destination for packets leaving as IPv4, if configured.
 */
public record GatewayConfig(
    String ipv6Interface,
    String ipv4Interface,
    Ipv6Address ipv6Address,
    Integer ipv4Address,
    Ipv6Address ipv6NextHop,
    Integer ipv4NextHop,
    OptionalLong ipv6NextHopMac,
    OptionalLong ipv4NextHopMac,
    int workers,
    ThreadingMode threading,
    int threads,
    List<Integer> cpus,
    IdleStrategyName idleStrategy,
    int idleSpinUs,
    int batchSize,
    int tpacketVersion,
    int ringBytes,
    Path countersFile,
    InetSocketAddress prometheus)
{
    public static final String SECTION = "gateway";
    private static final Set<String> KEYS = Set.of("interface", "ipv6-interface", "ipv4-interface",
        "ipv6-address", "ipv4-address", "ipv6-next-hop", "ipv4-next-hop", "ipv6-next-hop-mac", "ipv4-next-hop-mac",
        "workers", "threading", "threads", "cpus", "idle-strategy", "idle-spin-us",
        "batch-size", "tpacket-version", "ring-size-kb", "counters-file", "prometheus");

    /**
     * @return true when one interface carries both families.
     */
    public boolean singlePort()
    {
        return ipv6Interface.equals(ipv4Interface);
    }

    /**
     * Reads the {@code gateway:} section of {@code root}.
     *
     * @throws dev.xlat64.io.config.ConfigException naming the key, the value and what was expected.
     */
    public static GatewayConfig read(final ConfigNode root)
    {
        final ConfigNode node = root.child(SECTION).rejectUnknownKeys(KEYS);
        final String ipv6Interface;
        final String ipv4Interface;
        if (node.has("interface"))
        {
            if (node.has("ipv6-interface") || node.has("ipv4-interface"))
            {
                throw node.invalid("interface", node.string("interface"),
                    "either `interface` (one port for both sides) or ipv6-interface and ipv4-interface, not both");
            }
            ipv6Interface = interfaceName(node, "interface");
            ipv4Interface = ipv6Interface;
        }
        else
        {
            if (!node.has("ipv6-interface") || !node.has("ipv4-interface"))
            {
                throw node.invalid(node.has("ipv6-interface") ? "ipv4-interface" : "ipv6-interface", "(missing)",
                    "the interface name of that side (or `interface` for one port carrying both)");
            }
            ipv6Interface = interfaceName(node, "ipv6-interface");
            ipv4Interface = interfaceName(node, "ipv4-interface");
        }
        final ThreadingMode threading = ThreadingMode.of(node.oneOf("threading", "shared", "shared", "dedicated"));
        if (threading == ThreadingMode.DEDICATED && node.has("threads"))
        {
            throw node.invalid("threads", node.string("threads"),
                "no `threads` with threading: dedicated (it runs one thread per agent)");
        }
        final OptionalLong ipv6NextHopMac = optionalMac(node, "ipv6-next-hop-mac");
        final OptionalLong ipv4NextHopMac = optionalMac(node, "ipv4-next-hop-mac");
        final Ipv6Address ipv6Address = node.parsed("ipv6-address", Ipv6Address::parse, "an IPv6 address", null);
        final Integer ipv4Address = node.parsed("ipv4-address", Ipv4Address::parse, "an IPv4 address", null);
        if (ipv6NextHopMac.isEmpty() && ipv6Address == null)
        {
            throw node.invalid("ipv6-address", "(missing)", "the gateway's IPv6 address on the IPv6 side, the source " +
                "of its Neighbor Solicitations (RFC 4861), or a static gateway.ipv6-next-hop-mac");
        }
        if (ipv4NextHopMac.isEmpty() && ipv4Address == null)
        {
            throw node.invalid("ipv4-address", "(missing)", "the gateway's IPv4 address on the IPv4 side, the sender " +
                "of its ARP requests (RFC 826), or a static gateway.ipv4-next-hop-mac");
        }
        final int cpuCount = CpuAffinity.onlineCpuCount();
        final int ringKb = node.integer("ring-size-kb", 128, 1 << 20, 4096);
        if (Integer.bitCount(ringKb) != 1)
        {
            throw node.invalid("ring-size-kb", Integer.toString(ringKb), "a power of two from 128 to 1048576");
        }
        return new GatewayConfig(
            ipv6Interface,
            ipv4Interface,
            ipv6Address,
            ipv4Address,
            node.parsed("ipv6-next-hop", Ipv6Address::parse, "an IPv6 address", null),
            node.parsed("ipv4-next-hop", Ipv4Address::parse, "an IPv4 address", null),
            ipv6NextHopMac,
            ipv4NextHopMac,
            node.integer("workers", 1, 64, 1),
            threading,
            node.integer("threads", 1, 64, 1),
            node.parsedList("cpus", text -> cpu(text, cpuCount), "a CPU number from 0 to " + (cpuCount - 1)),
            IdleStrategyName.of(node.oneOf("idle-strategy", "poll", IdleStrategyName.configNames())),
            node.integer("idle-spin-us", 0, 10_000, IdleStrategyName.DEFAULT_POLL_SPIN_US),
            node.integer("batch-size", 1, 1024, 64),
            Integer.parseInt(node.oneOf("tpacket-version", "2", "2", "3")),
            ringKb * 1024,
            node.parsed("counters-file", Path::of, "a file path", CountersFile.DEFAULT_PATH),
            node.parsed("prometheus", GatewayConfig::loopbackEndpoint,
                "a loopback address and port such as 127.0.0.1:9464 or [::1]:9464", null));
    }

    private static String interfaceName(final ConfigNode node, final String key)
    {
        final String name = node.string(key);
        // Linux IFNAMSIZ is 16 including the terminating NUL; '/' and whitespace are refused by the kernel.
        if (name.isEmpty() || name.length() > 15 || name.contains("/") || name.chars().anyMatch(Character::isWhitespace))
        {
            throw node.invalid(key, name, "a Linux interface name of 1 to 15 characters without '/' or spaces");
        }
        return name;
    }

    private static OptionalLong optionalMac(final ConfigNode node, final String key)
    {
        return node.has(key) ?
            OptionalLong.of(node.parsed(key, GatewayConfig::mac, "a MAC address such as 02:00:00:00:00:01")) :
            OptionalLong.empty();
    }

    /**
     * Parses {@code 02:00:5e:00:53:01} into the low 48 bits of a long.
     */
    static long mac(final String text)
    {
        final String[] octets = text.split(":", -1);
        if (octets.length != 6)
        {
            throw new IllegalArgumentException("six octets separated by ':' expected");
        }
        long mac = 0;
        for (final String octet : octets)
        {
            if (octet.length() != 2 || Character.digit(octet.charAt(0), 16) < 0 || Character.digit(octet.charAt(1), 16) < 0)
            {
                throw new IllegalArgumentException("octet '" + octet + "' is not two hex digits");
            }
            mac = (mac << 8) | Integer.parseInt(octet, 16);
        }
        return mac;
    }

    private static Integer cpu(final String text, final int cpuCount)
    {
        final int cpu;
        try
        {
            cpu = Integer.parseInt(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("not a number");
        }
        if (cpu < 0 || cpu >= cpuCount)
        {
            throw new IllegalArgumentException("this machine has CPUs 0 to " + (cpuCount - 1));
        }
        return cpu;
    }

    static InetSocketAddress loopbackEndpoint(final String text)
    {
        final int colon = text.lastIndexOf(':');
        if (colon <= 0)
        {
            throw new IllegalArgumentException("no port");
        }
        String host = text.substring(0, colon);
        final int port;
        try
        {
            port = Integer.parseInt(text.substring(colon + 1));
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("port is not a number");
        }
        if (port < 1 || port > 65535)
        {
            throw new IllegalArgumentException("port out of range 1-65535");
        }
        if (host.startsWith("[") && host.endsWith("]"))
        {
            host = host.substring(1, host.length() - 1);
        }
        final InetAddress address;
        if ("localhost".equals(host))
        {
            address = InetAddress.getLoopbackAddress();
        }
        else if (host.matches("[0-9.]+") || host.contains(":"))
        {
            try
            {
                address = InetAddress.getByName(host); // a literal: never a DNS lookup
            }
            catch (final UnknownHostException ex)
            {
                throw new IllegalArgumentException("'" + host + "' is not an IP address");
            }
        }
        else
        {
            throw new IllegalArgumentException("'" + host + "' is not an IP address literal");
        }
        if (!address.isLoopbackAddress())
        {
            throw new IllegalArgumentException(host + " is not a loopback address (metrics are not served to the network)");
        }
        return new InetSocketAddress(address, port);
    }
}
