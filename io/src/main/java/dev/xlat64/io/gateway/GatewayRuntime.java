package dev.xlat64.io.gateway;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.agrona.CloseHelper;

import dev.xlat64.core.pipeline.NextHopResolver;
import dev.xlat64.core.pipeline.PacketPort;
import dev.xlat64.core.pipeline.RxDiverter;
import dev.xlat64.io.counters.CountersFile;
import dev.xlat64.io.counters.PrometheusEndpoint;

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
    private boolean closed;

    private GatewayRuntime(final PrintStream log)
    {
        this.log = log;
    }

    /**
     * Starts everything; on failure closes what was started and rethrows.
     *
     * @param describeTranslator one line describing the translation config, for the log.
     */
    public static GatewayRuntime start(
        final GatewayConfig config, final PortOpener ports, final ProcessorFactory processors,
        final String describeTranslator, final PrintStream log) throws IOException
    {
        final long startNs = System.nanoTime();
        final GatewayRuntime runtime = new GatewayRuntime(log);
        try
        {
            runtime.startComponents(config, ports, processors, describeTranslator);
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
        final String describeTranslator) throws IOException
    {
        counters = CountersFile.create(config.countersFile(), MAX_COUNTERS);
        log.printf("xlat64: counters in %s (xlat64 stats --counters-file %s)%n", counters.path(), counters.path());

        final List<PacketPort> ports = new ArrayList<>();
        final PacketPort ipv6Port = opener.open(config.ipv6Interface(), counters.manager());
        ports.add(ipv6Port);
        closeables.add(ipv6Port instanceof AutoCloseable c ? c : () -> {});
        if (config.singlePort())
        {
            log.printf("xlat64: port %s, IPv6 and IPv4 side, mac %s%n", ipv6Port.name(), mac(ipv6Port.macAddress()));
        }
        else
        {
            final PacketPort ipv4Port = opener.open(config.ipv4Interface(), counters.manager());
            ports.add(ipv4Port);
            closeables.add(ipv4Port instanceof AutoCloseable c ? c : () -> {});
            log.printf("xlat64: port %s, IPv6 side, mac %s%n", ipv6Port.name(), mac(ipv6Port.macAddress()));
            log.printf("xlat64: port %s, IPv4 side, mac %s%n", ipv4Port.name(), mac(ipv4Port.macAddress()));
        }
        log.println("xlat64: translator: " + describeTranslator);

        final NextHopResolver nextHops = NextHopResolver.fixed(
            config.ipv6NextHopMac().orElseThrow(), config.ipv4NextHopMac().orElseThrow());
        log.printf("xlat64: next hops: IPv6 side %s, IPv4 side %s (static)%n",
            mac(config.ipv6NextHopMac().getAsLong()), mac(config.ipv4NextHopMac().getAsLong()));

        final CountersFile file = counters;
        gateway = Gateway.start(new Gateway.Parts(ports, 0, ports.size() - 1,
            w -> processors.create(w, file.manager()), p -> nextHops, false, RxDiverter.NONE,
            counters.manager(), GatewayRuntime::logAgentError), Gateway.Settings.of(config));
        log.printf("xlat64: %d worker%s, threading %s, idle %s, threads %s%n", config.workers(),
            config.workers() == 1 ? "" : "s", config.threading().configName(), config.idleStrategy().configName(),
            String.join(" ", gateway.threadLayout()));

        if (config.prometheus() != null)
        {
            final PrometheusEndpoint endpoint = PrometheusEndpoint.start(
                config.prometheus().getAddress(), config.prometheus().getPort(), counters.reader());
            closeables.add(endpoint);
            log.printf("xlat64: metrics at http://%s:%d/metrics%n",
                hostForUrl(config.prometheus().getAddress().getHostAddress()), endpoint.port());
        }
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

    static String mac(final long mac)
    {
        final StringBuilder sb = new StringBuilder(17);
        for (int shift = 40; shift >= 0; shift -= 8)
        {
            if (sb.length() > 0)
            {
                sb.append(':');
            }
            sb.append(String.format("%02x", (mac >>> shift) & 0xFF));
        }
        return sb.toString();
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
