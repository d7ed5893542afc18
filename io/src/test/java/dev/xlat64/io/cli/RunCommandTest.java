package dev.xlat64.io.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.io.demo.GatewayProcess;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.demo.PingResult;
import dev.xlat64.io.lab.NetnsLab;
import picocli.CommandLine;
import dev.xlat64.io.lab.Requirements;

/**
 * {@code xlat64 run}: what a user sees when something is wrong, and a clean stop of a real gateway process.
 */
class RunCommandTest
{
    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int run(final String... args)
    {
        final CommandLine cli = Xlat64Command.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldRefuseABadConfigWithOneLineNamingTheKeyAndExit2() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("bad.yaml"), """
            pool6: 2001:db8:64::/96
            gateway:
              interface: eth0
              ipv6-address: 2001:db8:1::1
              ipv4-address: 198.51.100.1
              workers: many
            """);

        assertEquals(RunCommand.EXIT_CONFIG, run("run", "--config", config.toString()));

        assertEquals("xlat64 run: " + config + ":6: gateway.workers: 'many' is not valid " +
            "(expected a whole number from 1 to 64)\n", err.toString());
    }

    @Test
    void shouldRefuseAConfigThatTranslatesNothing() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("empty.yaml"), """
            gateway:
              interface: eth0
              ipv6-next-hop-mac: 02:00:00:00:00:01
              ipv4-next-hop-mac: 02:00:00:00:00:02
            """);

        assertEquals(RunCommand.EXIT_CONFIG, run("run", "--config", config.toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().contains("pool6: '(absent)' is not valid (expected pool6 or at least one eamt entry"), err.toString());
    }

    @Test
    void shouldRefuseAMisspelledTopLevelKey() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("typo.yaml"), """
            pool6: 2001:db8:64::/96
            eamtt: []
            gateway:
              interface: eth0
            """);

        assertEquals(RunCommand.EXIT_CONFIG, run("run", "--config", config.toString()));

        assertEquals(1, err.toString().lines().count(), err.toString());
        assertTrue(err.toString().startsWith("xlat64 run: " + config + ":2: "), err.toString());
        assertTrue(err.toString().contains("eamtt"), err.toString());
    }

    @Test
    void shouldNameAMissingInterfaceAndExit3() throws Exception
    {
        final Path config = Files.writeString(dir.resolve("noif.yaml"), """
            pool6: 2001:db8:64::/96
            gateway:
              ipv6-interface: xlat64-none6
              ipv4-interface: xlat64-none4
              ipv6-next-hop-mac: 02:00:00:00:00:01
              ipv4-next-hop-mac: 02:00:00:00:00:02
            """);

        assertEquals(RunCommand.EXIT_ENVIRONMENT, run("run", "--config", config.toString()));

        assertEquals("xlat64 run: interface xlat64-none6 (gateway.ipv6-interface) does not exist in this network " +
            "namespace; `ip link` lists the interfaces\n", err.toString());
    }

    @Test
    void shouldNameAMissingConfigFile()
    {
        assertEquals(RunCommand.EXIT_CONFIG, run("run", "--config", dir.resolve("none.yaml").toString()));
        assertEquals("xlat64 run: " + dir.resolve("none.yaml") + ": no such file\n", err.toString());
    }

    @Test
    void shouldTranslateThenStopCleanlyOnSigterm() throws Exception
    {
        Requirements.requireLab();
        try (NetnsLab lab = NetnsLab.builder().create())
        {
            final Path counters = dir.resolve("counters");
            final int metricsPort;
            try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress()))
            {
                metricsPort = free.getLocalPort();
            }
            // The metrics endpoint listens on the gateway namespace's own loopback.
            final Path config = Files.writeString(dir.resolve("lab.yaml"),
                LabGatewayConfig.yaml(lab, 1500, counters, true) + "  prometheus: 127.0.0.1:" + metricsPort + "\n");
            final GatewayProcess gateway = GatewayProcess.start(
                lab.namespace(NetnsLab.Role.GATEWAY), config, dir.resolve("gateway.log"), line -> {});
            try
            {
                assertTrue(gateway.awaitRunning(30_000), String.join("\n", gateway.lines()));
                assertTrue(Files.exists(counters));
                final PingResult ping = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
                    "ping", "-6", "-n", "-c", "1", "-W", "2", LabGatewayConfig.SERVER_IPV6).output());
                assertEquals(1, ping.received(), ping.output());
                final String metrics = lab.exec(NetnsLab.Role.GATEWAY, "bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + metricsPort +
                    " && printf 'GET /metrics HTTP/1.0\\r\\n\\r\\n' >&3 && cat <&3").output();
                assertTrue(metrics.contains("xlat64_pipeline_rx_packets_total{family=\"ipv6\",port=\"" +
                    lab.gatewayIpv6Interface() + "\"} "), metrics);
            }
            finally
            {
                assertEquals(0, gateway.stop(10_000), String.join("\n", gateway.lines()));
            }
            final List<String> lines = gateway.lines();
            assertEquals(List.of("xlat64: stopping", "xlat64: rings drained, agents stopped",
                "xlat64: ports closed, counters file removed, stopped"), lines.subList(lines.size() - 3, lines.size()));
            assertTrue(Files.notExists(counters), "counters file removed");
        }
    }
}
