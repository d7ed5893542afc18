package dev.xlat64.io.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.io.afpacket.NetworkNamespace;
import dev.xlat64.io.config.ConfigNode;
import dev.xlat64.io.config.TranslatorConfigReader;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.demo.PingResult;
import dev.xlat64.io.demo.TcpSink;
import dev.xlat64.io.demo.TcpTransfer;
import dev.xlat64.io.lab.NetnsLab;
import dev.xlat64.io.lab.Requirements;

/**
 * The other threading mode in the lab: two workers, one thread per agent (seven threads), TPACKET_V3 rings and
 * threads that sleep 1 ms when idle (kind to a shared 2-core machine). Traffic both ways must come through
 * whole, the workers' packets must add up to what the RX agents took in, and one client's flows must meet on
 * one worker in both directions.
 */
class DedicatedThreadsEndToEndTest
{
    @TempDir
    Path dir;

    /** {worker packets, RX packets}. */
    private static long[] sums(final GatewayRuntime gateway)
    {
        final long[] sums = new long[2];
        gateway.counters().reader().forEach((value, id, label) ->
        {
            if (label.startsWith("pipeline.worker-packets{agent=worker-"))
            {
                sums[0] += value;
            }
            if (label.startsWith("pipeline.rx-packets{port="))
            {
                sums[1] += value;
            }
        });
        return sums;
    }

    @Test
    void shouldTranslateBothWaysWithTwoWorkersOnDedicatedThreads() throws Exception
    {
        Requirements.requireLab();
        try (NetnsLab lab = NetnsLab.builder().create())
        {
            final String yaml = LabGatewayConfig.yaml(lab, 1500, dir.resolve("counters"), false,
                "  workers: 2\n  threading: dedicated\n  idle-strategy: sleep\n  tpacket-version: 3\n");
            assertTrue(yaml.contains("threading: dedicated"), yaml);
            final ConfigNode root = ConfigNode.parse("dedicated.yaml", yaml);
            final GatewayConfig config = GatewayConfig.read(root);
            final TranslatorConfig translator = TranslatorConfigReader.read(root);
            final ByteArrayOutputStream log = new ByteArrayOutputStream();
            final String ns = lab.namespace(NetnsLab.Role.GATEWAY);
            try (GatewayRuntime gateway = GatewayRuntime.startSiit(config, translator, ns, null,
                new PrintStream(log, true, StandardCharsets.UTF_8)))
            {
                assertTrue(log.toString(StandardCharsets.UTF_8).contains("threading dedicated"), log.toString());
                final PingResult ping = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT,
                    "ping", "-6", "-n", "-c", "3", "-i", "0.2", "-W", "2", LabGatewayConfig.SERVER_IPV6).output());
                assertEquals(3, ping.received(), ping.output());

                try (TcpSink sink = new TcpSink(NetworkNamespace.run(lab.namespace(NetnsLab.Role.SERVER), () ->
                    ServerSocketChannel.open(StandardProtocolFamily.INET)
                        .bind(new InetSocketAddress(InetAddress.getByName(NetnsLab.SERVER_IPV4), 7201)))))
                {
                    final TcpTransfer.Result result = TcpTransfer.run(
                        NetworkNamespace.run(lab.namespace(NetnsLab.Role.CLIENT),
                            () -> SocketChannel.open(StandardProtocolFamily.INET6)),
                        new InetSocketAddress(InetAddress.getByName(LabGatewayConfig.SERVER_IPV6), 7201), 2L << 20, 9);
                    assertTrue(result.ok(), result.toString());
                }

                // The last ACKs may still be on their way through the rings: give them a moment.
                long[] sums = sums(gateway);
                for (int i = 0; i < 200 && sums[0] != sums[1]; i++)
                {
                    Thread.sleep(10);
                    sums = sums(gateway);
                }
                assertEquals(sums[1], sums[0], "every packet the RX agents took reached a worker");
                // Flow affinity both ways: the client's flows, out and back, were all translated on one worker.
                // (Other packets, e.g. MLD reports from link-local sources, may land elsewhere and are dropped.)
                final long[] translated = new long[2];
                gateway.counters().reader().forEach((value, id, label) ->
                {
                    if (label.matches("translator\\.translated-(6to4|4to6)\\{agent=worker-[01]}"))
                    {
                        translated[label.charAt(label.length() - 2) - '0'] += value;
                    }
                });
                final StringBuilder workerCounters = new StringBuilder();
                gateway.counters().reader().forEach((value, id, label) ->
                {
                    if (label.contains("{agent=worker-") && value != 0)
                    {
                        workerCounters.append(label).append('=').append(value).append('\n');
                    }
                });
                assertTrue(translated[0] == 0 ^ translated[1] == 0,
                    translated[0] + " / " + translated[1] + "; every non-zero worker counter:\n" + workerCounters);
            }
        }
    }
}
