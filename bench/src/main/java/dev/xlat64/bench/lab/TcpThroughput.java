package dev.xlat64.bench.lab;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * One iperf3 TCP transfer from the IPv6-only client to the IPv4-only server across the gateway, client and server
 * pinned to the generator CPU; the figure is what the server received.
 */
final class TcpThroughput
{
    private static final Pattern RECEIVED =
        Pattern.compile("\"sum_received\"\\s*:\\s*\\{[^}]*?\"bits_per_second\"\\s*:\\s*([0-9.eE+]+)");

    private TcpThroughput()
    {
    }

    static double bitsPerSecond(final NetnsLab lab, final int cpu, final int seconds, final boolean reverse)
        throws IOException, InterruptedException
    {
        final Process server = new ProcessBuilder("ip", "netns", "exec", lab.namespace(NetnsLab.Role.SERVER),
            "taskset", "-c", Integer.toString(cpu), "iperf3", "-s", "-1", "-B", NetnsLab.SERVER_IPV4)
            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try
        {
            Thread.sleep(300);
            final List<String> command = new ArrayList<>(List.of("taskset", "-c", Integer.toString(cpu), "iperf3", "-J",
                "-t", Integer.toString(seconds), "-c", LabGatewayConfig.SERVER_IPV6));
            if (reverse)
            {
                command.add("-R");
            }
            final ExecResult client = lab.exec(NetnsLab.Role.CLIENT, command.toArray(String[]::new));
            final Matcher m = RECEIVED.matcher(client.output());
            if (!client.ok() || !m.find())
            {
                throw new IOException("iperf3 failed: " + client.output().strip());
            }
            return Double.parseDouble(m.group(1));
        }
        finally
        {
            server.destroy();
            server.waitFor();
        }
    }
}
