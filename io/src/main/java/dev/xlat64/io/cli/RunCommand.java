package dev.xlat64.io.cli;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.io.config.ConfigException;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;
import dev.xlat64.io.gateway.GatewayConfig;
import dev.xlat64.io.gateway.GatewayDns64Config;
import dev.xlat64.io.gateway.GatewayRuntime;
import dev.xlat64.io.gateway.Privileges;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import sun.misc.Signal;

/**
 * {@code xlat64 run --config FILE}: runs the gateway until SIGINT or SIGTERM, then shuts down cleanly (rings
 * drained, sockets closed, counters file removed) and exits 0. What stands in the way of starting (a bad config,
 * a missing interface, no privileges) is one line on stderr saying what to fix, and a non-zero exit code.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run the gateway: translate between the IPv6 and the IPv4 interface of the config file, and answer "
        + "DNS64 queries to the gateway's addresses when the file has a dns64: section.")
public final class RunCommand implements Callable<Integer>
{
    /** Exit code for a configuration that cannot be used. */
    public static final int EXIT_CONFIG = 2;
    /** Exit code for an environment that does not allow starting (privileges, interfaces, sockets). */
    public static final int EXIT_ENVIRONMENT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The YAML configuration file.")
    Path config;

    @Override
    public Integer call() throws InterruptedException
    {
        final GatewayConfig gatewayConfig;
        final TranslatorConfig translatorConfig;
        final GatewayDns64Config dns64Config;
        try
        {
            final ConfigNode root = ConfigNode.load(config);
            final Set<String> topLevel = new HashSet<>(TranslatorConfigReader.KEYS);
            topLevel.addAll(Set.of(GatewayConfig.SECTION, "dns64"));
            root.rejectUnknownKeys(topLevel);
            gatewayConfig = GatewayConfig.read(root);
            translatorConfig = TranslatorConfigReader.read(root);
            dns64Config = GatewayDns64Config.read(root, gatewayConfig, translatorConfig);
        }
        catch (final ConfigException ex)
        {
            return fail(ex.getMessage(), EXIT_CONFIG);
        }
        for (final String[] port : new String[][] {
            {gatewayConfig.ipv6Interface(), "gateway.ipv6-interface"}, {gatewayConfig.ipv4Interface(), "gateway.ipv4-interface"}})
        {
            if (!interfaceExists(port[0]))
            {
                return fail("interface " + port[0] + " (" + port[1] + ") does not exist in this network namespace; " +
                    "`ip link` lists the interfaces", EXIT_ENVIRONMENT);
            }
        }
        final String privileges = Privileges.missingNetRaw();
        if (privileges != null)
        {
            return fail(privileges, EXIT_ENVIRONMENT);
        }
        final CountDownLatch stop = new CountDownLatch(1);
        Signal.handle(new Signal("INT"), signal -> stop.countDown());
        Signal.handle(new Signal("TERM"), signal -> stop.countDown());
        final GatewayRuntime runtime;
        try
        {
            runtime = GatewayRuntime.startSiit(gatewayConfig, translatorConfig, null, dns64Config, System.out);
        }
        catch (final IOException | RuntimeException ex)
        {
            return fail(ex.getMessage(), EXIT_ENVIRONMENT);
        }
        stop.await();
        System.out.println("xlat64: stopping");
        runtime.close();
        return 0;
    }

    private static boolean interfaceExists(final String name)
    {
        try
        {
            return NetworkInterface.getByName(name) != null;
        }
        catch (final SocketException ex)
        {
            return false;
        }
    }

    private int fail(final String message, final int code)
    {
        spec.commandLine().getErr().println("xlat64 run: " + message);
        spec.commandLine().getErr().flush();
        return code;
    }
}
