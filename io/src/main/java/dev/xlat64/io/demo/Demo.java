package dev.xlat64.io.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.agrona.concurrent.status.CountersReader;

import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.counters.CounterDescriptor;
import dev.xlat64.core.counters.CounterKind;
import dev.xlat64.core.counters.DropReason;
import dev.xlat64.core.counters.PipelineCounter;
import dev.xlat64.core.counters.TranslatorOutcome;
import dev.xlat64.io.afpacket.NetworkNamespace;
import dev.xlat64.io.counters.CounterCatalogue;
import dev.xlat64.io.counters.CounterSample;
import dev.xlat64.io.counters.CountersFile;
import dev.xlat64.io.counters.CountersTable;
import dev.xlat64.io.lab.NetnsLab;

/**
 * {@code xlat64 demo}: builds the namespace lab, starts the gateway in it, runs real kernel traffic across it,
 * says what happened in plain words, shows the gateway's counters and removes everything (also after Ctrl-C or a
 * failure), unless asked to keep the lab up.
 */
public final class Demo
{
    /** The IPv4 link is narrower than the IPv6 one, so a full-size IPv6 packet earns a Packet Too Big. */
    static final int IPV4_MTU = 1400;
    private static final int UDP_PORT = 7007;
    private static final int TCP_PORT_6TO4 = 7008;
    private static final int TCP_PORT_4TO6 = 7009;
    private static final long TCP_BYTES_6TO4 = 4L << 20;
    private static final long TCP_BYTES_4TO6 = 1L << 20;

    private final PrintStream out;
    private final boolean keep;
    private NetnsLab lab;
    private GatewayProcess gateway;
    private Path workDir;
    private Thread cleanupHook;
    private int failures;
    private LabZoneProcess zoneServer;
    /** The server as the client reaches it: the address the DNS64 step returned. */
    private String serverIpv6 = LabGatewayConfig.SERVER_IPV6;
    private volatile boolean interrupted;

    public Demo(final PrintStream out, final boolean keep)
    {
        this.out = out;
        this.keep = keep;
    }

    /**
     * @return the exit code: 0 when every step did what it should, 1 otherwise.
     */
    public int run() throws IOException, InterruptedException
    {
        if (!isRoot())
        {
            out.println("xlat64 demo must run as root: it builds network namespaces and opens AF_PACKET sockets. " +
                "Run: sudo ./xlat64 demo");
            return 1;
        }
        ToolInstaller.ensure(ToolInstaller.DEMO_TOOLS, out);
        cleanupHook = new Thread(() ->
        {
            interrupted = true;
            out.println();
            out.println("Interrupted: removing what the demo made.");
            cleanUp();
        }, "xlat64-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanupHook);
        try
        {
            buildLab();
            if (!startGateway())
            {
                return 1;
            }
            dns64();
            ping();
            udp();
            tcp();
            hopLimit();
            packetTooBig();
            counters();
        }
        catch (final IOException | RuntimeException ex)
        {
            if (interrupted)
            {
                return 130; // the cleanup hook is removing the lab under our feet
            }
            out.println("xlat64 demo failed: " + ex.getMessage());
            failures++;
        }
        if (keep && lab != null && gateway != null && gateway.isAlive())
        {
            leaveUp();
            return failures == 0 ? 0 : 1;
        }
        cleanUp();
        Runtime.getRuntime().removeShutdownHook(cleanupHook);
        out.println();
        out.println(failures == 0 ? "Everything crossed the gateway as it should." :
            failures + " step(s) did not do what they should; see above.");
        return failures == 0 ? 0 : 1;
    }

    private void buildLab() throws IOException
    {
        out.println("Building the lab: three network namespaces joined by veth pairs, documentation addresses, " +
            "no route out of the lab.");
        lab = NetnsLab.builder().serverLinkMtu(IPV4_MTU).create();
        workDir = Files.createTempDirectory("xlat64-demo-");
        // Three columns of 36 characters: client, gateway, server.
        final String row = "  %-36s%-36s%s";
        out.println();
        out.println(String.format(row, "client, IPv6 only", "gateway: xlat64 (SIIT)", "server, IPv4 only").stripTrailing());
        out.println(String.format(row, "netns " + lab.namespace(NetnsLab.Role.CLIENT),
            "netns " + lab.namespace(NetnsLab.Role.GATEWAY),
            "netns " + lab.namespace(NetnsLab.Role.SERVER)).stripTrailing());
        out.println(String.format(row, lab.clientInterface() + " " + NetnsLab.CLIENT_IPV6 + "  <-veth->",
            lab.gatewayIpv6Interface() + " " + NetnsLab.GATEWAY_IPV6, "").stripTrailing());
        out.println(String.format(row, "", lab.gatewayIpv4Interface() + " " + NetnsLab.GATEWAY_IPV4 + "  <-veth->",
            lab.serverInterface() + " " + NetnsLab.SERVER_IPV4).stripTrailing());
        out.println(String.format(row, "", "(the IPv4 link has MTU " + IPV4_MTU + ")", "").stripTrailing());
        out.println();
        out.printf("  The client reaches the server at %s: pool6 2001:db8:64::/96 with 198.51.100.10 inside.%n",
            LabGatewayConfig.SERVER_IPV6);
        out.printf("  The server sees the client as %s: the EAM entry 2001:db8:1::2/128 <-> 203.0.113.2/32.%n%n",
            LabGatewayConfig.CLIENT_IPV4);
    }

    private void dns64() throws IOException
    {
        zoneServer = LabZoneProcess.start(lab.namespace(NetnsLab.Role.SERVER), NetnsLab.SERVER_IPV4, 53);
        step("1. DNS64 in the gateway: the client asks the gateway (" + NetnsLab.GATEWAY_IPV6 + ") about lab.example",
            "the zone lives on the IPv4-only server (" + NetnsLab.SERVER_IPV4 + "), which the gateway asks in turn");
        final String address = new Dns64Steps(lab, out, this::verdict).run();
        if (address != null)
        {
            serverIpv6 = address;
            out.println("The next steps use " + address + ", the address dig returned.");
        }
        else
        {
            out.println("dig returned no address; the next steps use " + serverIpv6 + " (198.51.100.10 in pool6).");
        }
        out.println();
    }

    private boolean startGateway() throws IOException, InterruptedException
    {
        final Path config = workDir.resolve("xlat64.yaml");
        Files.writeString(config,
            LabGatewayConfig.yaml(lab, IPV4_MTU, workDir.resolve("counters")) + LabGatewayConfig.dns64Section());
        out.println("Starting the gateway in " + lab.namespace(NetnsLab.Role.GATEWAY) + ": xlat64 run --config " +
            config);
        gateway = GatewayProcess.start(lab.namespace(NetnsLab.Role.GATEWAY), config, workDir.resolve("gateway.log"),
            line ->
            {
                if (!line.startsWith("WARNING: Using incubator modules"))
                {
                    out.println("    | " + line);
                }
            });
        if (!gateway.awaitRunning(30_000))
        {
            out.println("The gateway did not start" +
                (gateway.isAlive() ? " within 30 s." : " (exit code " + gateway.exitCode() + ")."));
            failures++;
            return false;
        }
        out.println();
        return true;
    }

    private void ping() throws IOException
    {
        step("2. ping from the IPv6-only client to the IPv4-only server",
            "ping -6 -c 3 " + serverIpv6 + " in the client namespace");
        final PingResult result = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
            "ping", "-6", "-n", "-c", "3", "-i", "0.2", "-W", "2", serverIpv6).output());
        verdict(result.received() == result.transmitted() && result.transmitted() == 3,
            String.format("%d echo requests sent, %d replies back (average round trip %.2f ms): each ICMPv6 echo " +
                "became an ICMPv4 echo to 198.51.100.10 and each reply came back as ICMPv6.",
                result.transmitted(), result.received(), result.averageRttMs()),
            "ping saw " + result.received() + " of " + result.transmitted() + " replies:\n" + result.output());
    }

    private void udp() throws IOException
    {
        step("3. a UDP exchange", "10 datagrams of 512 bytes to [" + serverIpv6 + "]:" + UDP_PORT +
            ", an echo server on 198.51.100.10 sends each back");
        try (UdpEchoServer echo = new UdpEchoServer(NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER), () ->
                DatagramChannel.open(StandardProtocolFamily.INET)
                    .bind(new InetSocketAddress(InetAddress.getByName(NetnsLab.SERVER_IPV4), UDP_PORT))));
            DatagramChannel client = NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
                () -> DatagramChannel.open(StandardProtocolFamily.INET6)))
        {
            final UdpExchange.Result result = UdpExchange.run(client,
                new InetSocketAddress(InetAddress.getByName(serverIpv6), UDP_PORT), 10, 512, 2000);
            verdict(result.ok(), String.format("%d of %d came back byte for byte; the server saw them come from %s " +
                    "(the client's EAM address).", result.echoed(), result.sent(), format(echo.lastPeer())),
                result.echoed() + " of " + result.sent() + " came back intact, " + result.corrupted() + " corrupted");
        }
    }

    private void tcp() throws IOException
    {
        step("4. TCP both ways, content verified with SHA-256",
            (TCP_BYTES_6TO4 >> 20) + " MiB from the client to the server, " + (TCP_BYTES_4TO6 >> 20) +
            " MiB from the server to the client (to " + LabGatewayConfig.CLIENT_IPV4 + ")");
        try (TcpSink sink = new TcpSink(NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER), () ->
            ServerSocketChannel.open(StandardProtocolFamily.INET)
                .bind(new InetSocketAddress(InetAddress.getByName(NetnsLab.SERVER_IPV4), TCP_PORT_6TO4)))))
        {
            final TcpTransfer.Result result = TcpTransfer.run(
                NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
                    () -> SocketChannel.open(StandardProtocolFamily.INET6)),
                new InetSocketAddress(InetAddress.getByName(serverIpv6), TCP_PORT_6TO4),
                TCP_BYTES_6TO4, 6);
            verdict(result.ok(), String.format("client -> server: %d bytes arrived, SHA-256 equal on both ends " +
                "(%.0f Mbit/s through the translator).", result.received(), result.megabitsPerSecond()),
                "client -> server: " + result.received() + " of " + result.bytes() + " bytes, digests " +
                (result.digestsMatch() ? "equal" : "differ"));
        }
        try (TcpSink sink = new TcpSink(NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT), () ->
            ServerSocketChannel.open(StandardProtocolFamily.INET6)
                .bind(new InetSocketAddress(InetAddress.getByName(NetnsLab.CLIENT_IPV6), TCP_PORT_4TO6)))))
        {
            final TcpTransfer.Result result = TcpTransfer.run(
                NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER),
                    () -> SocketChannel.open(StandardProtocolFamily.INET)),
                new InetSocketAddress(InetAddress.getByName(LabGatewayConfig.CLIENT_IPV4), TCP_PORT_4TO6),
                TCP_BYTES_4TO6, 4);
            verdict(result.ok(), String.format("server -> client: %d bytes arrived, SHA-256 equal; the client saw " +
                "the connection come from %s.", result.received(), format(sink.lastPeer())),
                "server -> client: " + result.received() + " of " + result.bytes() + " bytes, digests " +
                (result.digestsMatch() ? "equal" : "differ"));
        }
    }

    private void hopLimit() throws IOException
    {
        step("5. a hop limit that runs out at the gateway (what traceroute relies on)",
            "ping -6 -t 1: the packet may make only one hop");
        final PingResult result = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
            "ping", "-6", "-n", "-c", "1", "-t", "1", "-W", "2", serverIpv6).output());
        verdict(result.error() != null && result.error().startsWith("Time exceeded"),
            "the gateway answered with ICMPv6 \"" + result.error() + "\" from " + result.errorFrom() +
            " instead of translating (RFC 7915 §5.1).",
            "no Time Exceeded came back:\n" + result.output());
    }

    private void packetTooBig() throws IOException
    {
        step("6. a packet too big for the IPv4 side (MTU " + IPV4_MTU + ")",
            "ping -6 -M do -s 1452: a 1500-byte IPv6 packet that may not be fragmented");
        final PingResult big = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
            "ping", "-6", "-n", "-c", "1", "-M", "do", "-s", "1452", "-W", "2", serverIpv6).output());
        final int ipv6Mtu = IPV4_MTU + 20;
        verdict(big.error() != null && big.error().contains("mtu=" + ipv6Mtu),
            "the gateway answered \"" + big.error() + "\" from " + big.errorFrom() + ": " + IPV4_MTU +
            " on the IPv4 side plus the 20 bytes an IPv6 header adds (RFC 7915 §4.4, §5.1).",
            "no Packet Too Big with mtu=" + ipv6Mtu + " came back:\n" + big.output());
        final int fitting = ipv6Mtu - 48;
        final PingResult fits = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
            "ping", "-6", "-n", "-c", "1", "-M", "do", "-s", Integer.toString(fitting), "-W", "2",
            serverIpv6).output());
        verdict(fits.received() == 1,
            "a " + ipv6Mtu + "-byte packet (ping -s " + fitting + ") fits and is answered.",
            "the " + ipv6Mtu + "-byte ping got no reply:\n" + fits.output());
    }

    private void counters() throws IOException
    {
        final Path file = workDir.resolve("counters");
        out.println();
        out.println("The gateway's counters, read live from " + file + " (what `xlat64 stats` shows):");
        try (CountersFile counters = CountersFile.openForReading(file))
        {
            final CountersReader reader = counters.reader();
            final List<CounterSample> samples = new ArrayList<>(CounterSample.read(reader));
            samples.removeIf(sample -> sample.kind() == CounterKind.GAUGE); // duty-cycle maxima: noise here
            CountersTable.lines(samples, false, null, 0).forEach(out::println);
            out.println();
            out.println(summary(reader));
        }
    }

    /**
     * @return the counters in a sentence: what was translated, generated and dropped, and why.
     */
    static String summary(final CountersReader reader)
    {
        final long[] outcomes = new long[TranslatorOutcome.values().length];
        final Map<String, Long> drops = new TreeMap<>();
        reader.forEach((value, id, label) ->
        {
            final CounterDescriptor descriptor = CounterCatalogue.byTypeId(reader.getCounterTypeId(id));
            if (descriptor instanceof TranslatorOutcome outcome)
            {
                outcomes[outcome.ordinal()] += value;
            }
            else if (value != 0 && descriptor instanceof DropReason reason)
            {
                drops.merge(CounterDescriptor.counterNameOf(reason.name()), value, Long::sum);
            }
            else if (value != 0 && descriptor instanceof PipelineCounter pipeline && pipeline.isDrop())
            {
                drops.merge(pipeline.counterName().substring("drop-".length()), value, Long::sum);
            }
        });
        final long dropped = drops.values().stream().mapToLong(Long::longValue).sum();
        final StringBuilder sb = new StringBuilder(String.format(
            "In plain words: the gateway translated %d packets from IPv6 to IPv4 and %d from IPv4 to IPv6 " +
            "(%d of them ICMP errors with the packet inside), sent %d ICMP errors of its own, and dropped %d",
            outcomes[TranslatorOutcome.TRANSLATED_6TO4.ordinal()], outcomes[TranslatorOutcome.TRANSLATED_4TO6.ordinal()],
            outcomes[TranslatorOutcome.ICMP_ERRORS_TRANSLATED.ordinal()],
            outcomes[TranslatorOutcome.ICMP_ERRORS_GENERATED.ordinal()],
            dropped));
        if (dropped > 0)
        {
            sb.append(" (");
            drops.forEach((reason, count) -> sb.append(reason).append(' ').append(count).append(", "));
            sb.setLength(sb.length() - 2);
            sb.append(')');
        }
        return sb.append('.').toString();
    }

    private void leaveUp()
    {
        gateway.detach();
        final String client = lab.namespace(NetnsLab.Role.CLIENT);
        final String server = lab.namespace(NetnsLab.Role.SERVER);
        final String gw = lab.namespace(NetnsLab.Role.GATEWAY);
        out.printf("""

            The lab stays up (--keep); the gateway runs as pid %d, logging to %s. Try:
              sudo ip netns exec %s dig AAAA server.lab.example @%s
              sudo ip netns exec %s ping %s
              sudo ip netns exec %s ping -t 1 %s
              sudo ip netns exec %s ping %s
              sudo ./xlat64 stats --watch --counters-file %s
              sudo ip netns exec %s ip -s link
            When done:
              sudo kill %d %d; sudo ip netns del %s; sudo ip netns del %s; sudo ip netns del %s; rm -r %s
            """, gateway.pid(), workDir.resolve("gateway.log"), client, NetnsLab.GATEWAY_IPV6,
            client, LabGatewayConfig.SERVER_IPV6, client,
            LabGatewayConfig.SERVER_IPV6, server, LabGatewayConfig.CLIENT_IPV4, workDir.resolve("counters"), gw,
            gateway.pid(), zoneServer == null ? gateway.pid() : zoneServer.pid(), client, gw, server, workDir);
        out.flush();
        // The lab removes itself from a JVM shutdown hook; --keep means exactly not that, so skip the hooks.
        Runtime.getRuntime().removeShutdownHook(cleanupHook);
        Runtime.getRuntime().halt(failures == 0 ? 0 : 1);
    }

    private synchronized void cleanUp()
    {
        if (zoneServer != null)
        {
            zoneServer.close();
            zoneServer = null;
        }
        if (gateway != null)
        {
            out.println();
            out.println("Stopping the gateway (SIGTERM):");
            try
            {
                final int code = gateway.stop(10_000);
                out.println("The gateway exited with code " + code + (code == 0 ? " (clean shutdown)." : "."));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
            gateway = null;
        }
        if (lab != null)
        {
            lab.close();
            out.println("Removed the namespaces " + lab.namespace(NetnsLab.Role.CLIENT) + ", " +
                lab.namespace(NetnsLab.Role.GATEWAY) + ", " + lab.namespace(NetnsLab.Role.SERVER) +
                " and their veth pairs.");
            lab = null;
        }
        if (workDir != null)
        {
            try (Stream<Path> files = Files.walk(workDir))
            {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            catch (final IOException ignored)
            {
                // a temporary directory left behind is harmless
            }
            workDir = null;
        }
        out.flush();
    }

    private void step(final String title, final String how)
    {
        out.println(title);
        out.println("   " + how);
    }

    private void verdict(final boolean ok, final String success, final String failure)
    {
        if (ok)
        {
            out.println("   OK: " + success);
        }
        else
        {
            failures++;
            out.println("   FAILED: " + failure);
        }
        out.println();
    }

    private static String format(final Object address)
    {
        if (address instanceof InetSocketAddress socket)
        {
            final byte[] bytes = socket.getAddress().getAddress();
            final String ip = bytes.length == 16 ?
                Ipv6Address.format(ByteBuffer.wrap(bytes).getLong(0), ByteBuffer.wrap(bytes).getLong(8)) :
                socket.getAddress().getHostAddress();
            return ip + " port " + socket.getPort();
        }
        return String.valueOf(address);
    }

    static boolean isRoot()
    {
        try
        {
            for (final String line : Files.readAllLines(Path.of("/proc/self/status")))
            {
                if (line.startsWith("Uid:"))
                {
                    return "0".equals(line.substring(4).trim().split("\\s+")[1]); // effective uid
                }
            }
        }
        catch (final IOException ignored)
        {
            // not Linux
        }
        return false;
    }
}
