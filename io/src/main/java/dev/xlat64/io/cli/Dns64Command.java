package dev.xlat64.io.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.dns.ClientAddressSet;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.PtrMode;
import dev.xlat64.dns.SocketAddresses;
import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.io.config.ConfigException;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.Dns64ConfigReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xlat64 dns64}: the standalone DNS64 server (RFC 6147) on UDP and TCP. Settings come from the
 * {@code dns64:} section of {@code --config} and/or flags; a flag adds to (lists) or overrides (values) the file.
 */
@Command(
    name = "dns64",
    mixinStandardHelpOptions = true,
    description = "Run a standalone DNS64 server (RFC 6147) on UDP and TCP until interrupted.")
public final class Dns64Command implements Callable<Integer>
{
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML file; its dns64: section is read.")
    Path config;

    @Option(names = "--listen", paramLabel = "ADDR[:PORT]", description = "Listen address (repeatable), e.g. 127.0.0.1:5353 or [::1]:53.")
    List<String> listen = new ArrayList<>();

    @Option(names = "--upstream", paramLabel = "ADDR[:PORT]", description = "Upstream resolver (repeatable, in order of preference).")
    List<String> upstreams = new ArrayList<>();

    @Option(names = "--prefix", paramLabel = "PREFIX", description = "RFC 6052 synthesis prefix (repeatable); default 64:ff9b::/96.")
    List<String> prefixes = new ArrayList<>();

    @Option(names = "--allow-non-global", description = "Let 64:ff9b::/96 carry non-global IPv4 addresses (against RFC 6052 §3.1).")
    boolean allowNonGlobal;

    @Option(names = "--allow", paramLabel = "PREFIX", description = "Client prefix allowed to query (repeatable); default loopback only.")
    List<String> allow = new ArrayList<>();

    @Option(names = "--dns64-client", paramLabel = "PREFIX", description = "Client prefix that gets DNS64 (repeatable); default all.")
    List<String> dns64Clients = new ArrayList<>();

    @Option(names = "--exclude-aaaa", paramLabel = "PREFIX", description = "AAAA range treated as absent (repeatable), added to ::ffff:0:0/96.")
    List<String> excludeAaaa = new ArrayList<>();

    @Option(names = "--exclude-a", paramLabel = "PREFIX", description = "IPv4 range never mapped (repeatable).")
    List<String> excludeA = new ArrayList<>();

    @Option(names = "--ptr", paramLabel = "MODE", description = "PTR for ip6.arpa under a prefix: synthesize, cname or off.")
    String ptr;

    @Option(names = "--threads", paramLabel = "N", description = "Server threads (SO_REUSEPORT sockets each).")
    Integer threads;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "Upstream timeout per attempt.")
    Integer timeoutMs;

    @Option(names = "--cache-entries", paramLabel = "N", description = "Cache size per thread (0 disables).")
    Integer cacheEntries;

    /** Set by tests to stop the server; the command otherwise runs until the JVM is interrupted. */
    CountDownLatch stop = new CountDownLatch(1);
    /** The running server (for tests). */
    volatile Dns64Server server;

    @Override
    public Integer call() throws Exception
    {
        final Dns64Config dns64;
        try
        {
            dns64 = buildConfig();
        }
        catch (final ConfigException ex)
        {
            spec.commandLine().getErr().println("xlat64 dns64: " + ex.getMessage());
            return 2;
        }
        catch (final IllegalArgumentException ex)
        {
            spec.commandLine().getErr().println("xlat64 dns64: " + ex.getMessage());
            return 2;
        }
        try (Dns64Server running = Dns64Server.start(dns64))
        {
            server = running;
            final Thread hook = new Thread(stop::countDown, "dns64-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().println("xlat64 dns64: listening on " + running.boundAddresses() + " (UDP, TCP), " +
                dns64.threads() + " thread(s), prefixes " + dns64.prefixes() + ", upstreams " + dns64.upstreams());
            spec.commandLine().getOut().flush();
            stop.await();
            try
            {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
            catch (final IllegalStateException ex)
            {
                // already shutting down
            }
            spec.commandLine().getOut().println("xlat64 dns64: " + running.summary());
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    Dns64Config buildConfig()
    {
        final Dns64Config.Builder builder = config == null ? Dns64Config.builder() : Dns64ConfigReader.read(ConfigNode.load(config));
        for (final String text : listen)
        {
            builder.listen(flag("--listen", text, () -> SocketAddresses.parse(text, 53)));
        }
        for (final String text : upstreams)
        {
            builder.upstream(flag("--upstream", text, () -> SocketAddresses.parse(text, 53)));
        }
        for (final String text : prefixes)
        {
            builder.prefix(flag("--prefix", text, () -> Rfc6052Prefix.parse(text, allowNonGlobal)));
        }
        for (final String text : excludeAaaa)
        {
            builder.excludeIpv6(flag("--exclude-aaaa", text, () -> Ipv6Prefix.parse(text)));
        }
        for (final String text : excludeA)
        {
            builder.excludeIpv4(flag("--exclude-a", text, () -> Ipv4Prefix.parse(text)));
        }
        if (!allow.isEmpty())
        {
            builder.allowedClients(flag("--allow", String.join(",", allow), () -> ClientAddressSet.of(allow)));
        }
        if (!dns64Clients.isEmpty())
        {
            builder.dns64Clients(flag("--dns64-client", String.join(",", dns64Clients), () -> ClientAddressSet.of(dns64Clients)));
        }
        if (ptr != null)
        {
            builder.ptrMode(flag("--ptr", ptr, () -> PtrMode.valueOf(ptr.toUpperCase(Locale.ROOT))));
        }
        if (threads != null)
        {
            builder.threads(threads);
        }
        if (timeoutMs != null)
        {
            builder.upstreamTimeoutMs(timeoutMs);
        }
        if (cacheEntries != null)
        {
            builder.cacheEntries(cacheEntries);
        }
        final Dns64Config built = builder.build();
        if (built.listen().isEmpty())
        {
            throw new IllegalArgumentException("no listen address: give --listen or dns64.listen in --config");
        }
        return built;
    }

    private static <T> T flag(final String name, final String value, final java.util.function.Supplier<T> parse)
    {
        try
        {
            return parse.get();
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException(name + " '" + value + "': " + ex.getMessage(), ex);
        }
    }

    /** @return the bound addresses once the server runs (for tests). */
    List<InetSocketAddress> boundAddresses()
    {
        return server == null ? List.of() : server.boundAddresses();
    }
}
