package dev.xlat64.io.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.CloseHelper;

import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.core.pipeline.PacketPort;
import dev.xlat64.core.pipeline.RxDiverter;
import dev.xlat64.core.pipeline.SiitWorkerSelector;
import dev.xlat64.core.pipeline.WorkerSelector;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.core.addr.Ipv4Address;
import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.packet.MacAddress;
import dev.xlat64.io.counters.CountersFile;
import dev.xlat64.io.counters.PrometheusEndpoint;
import dev.xlat64.io.neighbor.NeighborConfig;
import dev.xlat64.io.neighbor.NeighborCounters;
import dev.xlat64.io.neighbor.NeighborResolver;

/**
 * A running gateway process: the counters file, the ports, the data path and the metrics endpoint, started in
 * that order with one log line each, and closed in the reverse order (the rings drained first, the counters
 * file removed last).
 */
public final class GatewayRuntime implements AutoCloseable
{
    /** Room for every counter: per port RX/TX and socket counters, per worker its own and its translator's. */
    private static final int MAX_COUNTERS = 4096;

    private final PrintStream log;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private CountersFile counters;
    private Gateway gateway;
    private GatewayDns64 dns64;
    private boolean closed;

    private GatewayRuntime(final PrintStream log)
    {
        this.log = log;
    }

    /**
     * Starts the SIIT gateway {@code xlat64 run} runs: an AF_PACKET port per interface (inside network namespace
     * {@code namespace} when not null), one RFC 7915 translator per worker with its counters labelled
     * {@code worker-N}, packets spread over the workers by {@link SiitWorkerSelector}, and the colocated DNS64 when
     * {@code dns64} is not null; on failure closes what was started and rethrows.
     */
    public static GatewayRuntime startSiit(
        final GatewayConfig config, final TranslatorConfig translator, final String namespace,
        final GatewayDns64Config dns64, final PrintStream log) throws IOException
    {
        return start(config,
            (name, counters) -> PacketSocketPort.open(name, counters, namespace, config.tpacketVersion()),
            (worker, counters) -> new TranslatorProcessor(
                new Translator(translator, new TranslatorCounters(counters, "worker-" + worker))),
            new SiitWorkerSelector(translator.pool6(), translator.eamt()), describe(translator), dns64, log);
    }

    /**
     * @return the start-up log line describing the translation.
     */
    static String describe(final TranslatorConfig config)
    {
        final StringBuilder sb = new StringBuilder("SIIT (RFC 7915)");
        if (config.pool6() != null)
        {
            sb.append(", pool6 ").append(config.pool6());
        }
        final int eams = config.eamt().size();
        sb.append(", ").append(eams).append(eams == 1 ? " EAMT entry" : " EAMT entries");
        sb.append(", MTU IPv6 ").append(config.ipv6MtuBytes()).append(" IPv4 ").append(config.ipv4MtuBytes());
        return sb.toString();
    }

    /**
     * Starts everything, with the colocated DNS64 when {@code dns64} is not null; on failure closes what was
     * started and rethrows.
     *
     * @param selector picks each packet's worker.
     * @param describeTranslator one line describing the translation config, for the log.
     */
    public static GatewayRuntime start(
        final GatewayConfig config, final PortOpener ports, final ProcessorFactory processors,
        final WorkerSelector selector, final String describeTranslator, final GatewayDns64Config dns64,
        final PrintStream log) throws IOException
    {
        final long startNs = System.nanoTime();
        final GatewayRuntime runtime = new GatewayRuntime(log);
        try
        {
            runtime.startComponents(config, ports, processors, selector, describeTranslator, dns64);
        }
        catch (final IOException | RuntimeException ex)
        {
            runtime.close();
            throw ex;
        }
        log.printf("xlat64: running, started in %d ms; SIGINT or SIGTERM stops it%n",
            (System.nanoTime() - startNs) / 1_000_000);
        return runtime;
    }

    private void startComponents(
        final GatewayConfig config, final PortOpener opener, final ProcessorFactory processors,
        final WorkerSelector selector, final String describeTranslator, final GatewayDns64Config dns64Config)
        throws IOException
    {
        counters = CountersFile.create(config.countersFile(), MAX_COUNTERS);
        log.printf("xlat64: counters in %s (xlat64 stats --counters-file %s)%n", counters.path(), counters.path());

        final List<PacketPort> ports = new ArrayList<>();
        final PacketPort ipv6Port = opener.open(config.ipv6Interface(), counters.manager());
        ports.add(ipv6Port);
        closeables.add(ipv6Port instanceof AutoCloseable c ? c : () -> {});
        if (config.singlePort())
        {
            log.printf("xlat64: port %s, IPv6 and IPv4 side, mac %s%n", ipv6Port.name(),
                MacAddress.format(ipv6Port.macAddress()));
        }
        else
        {
            final PacketPort ipv4Port = opener.open(config.ipv4Interface(), counters.manager());
            ports.add(ipv4Port);
            closeables.add(ipv4Port instanceof AutoCloseable c ? c : () -> {});
            log.printf("xlat64: port %s, IPv6 side, mac %s%n", ipv6Port.name(),
                MacAddress.format(ipv6Port.macAddress()));
            log.printf("xlat64: port %s, IPv4 side, mac %s%n", ipv4Port.name(),
                MacAddress.format(ipv4Port.macAddress()));
        }
        log.println("xlat64: translator: " + describeTranslator);

        final NextHopResolver[] nextHops = nextHops(config, ports);
        final CountersFile file = counters;
        if (dns64Config != null)
        {
            dns64 = new GatewayDns64(dns64Config, counters.manager(), GatewayRuntime::logAgentError);
            closeables.add(dns64);
            log.println("xlat64: " + dns64.describe());
        }
        gateway = Gateway.start(new Gateway.Parts(ports, 0, ports.size() - 1,
            w -> processors.create(w, file.manager()), selector, p -> nextHops[p], !staticNextHops(config),
            dns64 == null ? RxDiverter.NONE : dns64.diverter(), counters.manager(), GatewayRuntime::logAgentError,
            dns64 == null ? null : dns64::agent), Gateway.Settings.of(config));
        log.printf("xlat64: %d worker%s, threading %s, idle %s, TPACKET_V%d, threads %s%n", config.workers(),
            config.workers() == 1 ? "" : "s", config.threading().configName(), config.idleStrategy().configName(),
            config.tpacketVersion(), String.join(" ", gateway.threadLayout()));

        if (config.prometheus() != null)
        {
            final PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                config.prometheus().getAddress(), config.prometheus().getPort(), counters.reader());
            closeables.add(endpoint);
            log.printf("xlat64: metrics at http://%s:%d/metrics%n",
                hostForUrl(config.prometheus().getAddress().getHostAddress()), endpoint.port());
        }
    }

    private static boolean staticNextHops(final GatewayConfig config)
    {
        return config.ipv6NextHopMac().isPresent() && config.ipv4NextHopMac().isPresent();
    }

    /**
     * One resolver per port: fixed MACs when both are configured, else the port's own ARP/NDP neighbor cache
     * (with a fixed MAC for a family that has one).
     */
    private NextHopResolver[] nextHops(final GatewayConfig config, final List<PacketPort> ports)
    {
        final NextHopResolver[] resolvers = new NextHopResolver[ports.size()];
        final long ipv6Mac = config.ipv6NextHopMac().orElse(NextHopResolver.UNRESOLVED);
        final long ipv4Mac = config.ipv4NextHopMac().orElse(NextHopResolver.UNRESOLVED);
        if (staticNextHops(config))
        {
            Arrays.fill(resolvers, NextHopResolver.fixed(ipv6Mac, ipv4Mac));
            log.printf("xlat64: next hops: IPv6 side %s, IPv4 side %s (static)%n", MacAddress.format(ipv6Mac),
                MacAddress.format(ipv4Mac));
            return resolvers;
        }
        final int ipv4Port = ports.size() - 1;
        for (int p = 0; p < ports.size(); p++)
        {
            final PacketPort port = ports.get(p);
            final boolean ipv6Side = p == 0;
            final boolean ipv4Side = p == ipv4Port;
            final Ipv6Address own6 = ipv6Side && config.ipv6NextHopMac().isEmpty() ? config.ipv6Address() : null;
            final Integer own4 = ipv4Side && config.ipv4NextHopMac().isEmpty() ? config.ipv4Address() : null;
            final NeighborResolver resolver = new NeighborResolver(port::send, port.macAddress(),
                own4 == null ? 0 : own4, own6 == null ? 0 : own6.high(), own6 == null ? 0 : own6.low(),
                new NeighborConfig(), new NeighborCounters(counters.manager(), port.name()));
            final Ipv6Address router6 = config.ipv6NextHop();
            resolvers[p] = new NeighborNextHops(resolver, ipv6Mac, ipv4Mac,
                router6 == null ? null : new long[] {router6.high(), router6.low()}, config.ipv4NextHop());
            final List<String> how = new ArrayList<>();
            if (ipv6Side)
            {
                how.add(own6 != null ? "IPv6 by NDP from " + own6 + (router6 != null ? " via " + router6 : " (on-link)") :
                    "IPv6 static " + MacAddress.format(ipv6Mac));
            }
            if (ipv4Side)
            {
                how.add(own4 != null ? "IPv4 by ARP from " + Ipv4Address.format(own4) +
                    (config.ipv4NextHop() != null ? " via " + Ipv4Address.format(config.ipv4NextHop()) : " (on-link)") :
                    "IPv4 static " + MacAddress.format(ipv4Mac));
            }
            log.printf("xlat64: next hops on %s: %s%n", port.name(), String.join(", ", how));
        }
        return resolvers;
    }

    private static void logAgentError(final Throwable error)
    {
        System.err.println("xlat64: " + error.getMessage() +
            (error.getCause() != null ? ": " + error.getCause() : ""));
    }

    private static String hostForUrl(final String host)
    {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /**
     * @return the counters file (for tests and the demo's summary).
     */
    public CountersFile counters()
    {
        return counters;
    }

    /**
     * Drains and stops the data path, then closes the metrics endpoint, the ports and the counters file.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (gateway != null)
        {
            final boolean drained = gateway.drainAndStop();
            log.println(drained ? "xlat64: rings drained, agents stopped" :
                "xlat64: agents stopped (rings not drained within 2 s)");
        }
        for (int i = closeables.size() - 1; i >= 0; i--)
        {
            CloseHelper.quietClose(closeables.get(i));
        }
        if (counters != null)
        {
            counters.close();
        }
        log.println("xlat64: ports closed, counters file removed, stopped");
    }
}
