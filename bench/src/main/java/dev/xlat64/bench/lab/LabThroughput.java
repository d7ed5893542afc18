package dev.xlat64.bench.lab;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.demo.PingResult;
import dev.xlat64.io.gateway.CpuAffinity;
import dev.xlat64.io.lab.NetnsLab;

/**
 * xlat64 beside TAYGA in the same namespace lab, interleaved rounds, medians: the 64-byte-payload UDP rate each
 * forwards 6→4 at ≤ 0.1 % loss (paced by {@link TxRingGenerator}, loss counted on the wire), the gateway CPU's busy
 * time per packet at that rate, and iperf3 TCP throughput both ways. This tool (the generator), iperf3 and the
 * server on CPU 0, the gateway's data path on CPU 1 (LAB.md "Measuring"); {@code scripts/lab-throughput} starts it
 * pinned. Writes {@code NAME.json} and {@code NAME.md} into the output folder.
 *
 * <p>Usage: {@code scripts/lab-throughput [--rounds N] [--trial-seconds S] [--out perf-reports/gateway-vs-tayga]
 * [--idle-strategies poll,poll@50,busy-spin,poll/dedicated]} (xlat64 once per idle strategy, {@code @US} for the
 * poll strategy's spin, {@code /dedicated} for one thread per agent; the gateway default unless given).
 */
public final class LabThroughput
{
    private static final int GENERATOR_CPU = 0;
    private static final int GATEWAY_CPU = 1;
    private static final double MAX_LOSS = 0.001;
    private static final double BUSY_LOAD = 2.0;
    /** Rate of the warm-up trial: high enough that the JIT compiles the gateway's data path as it runs loaded. */
    private static final long WARM_UP_PPS = 300_000;

    record Round(String gateway, UdpTrial.Result udp, boolean generatorBound, double tcpUpBps, double tcpDownBps,
        double pingRttMs)
    {
    }

    public static void main(final String[] args) throws Exception
    {
        int rounds = 3;
        double trialSeconds = 2.0;
        Path out = Path.of("perf-reports/gateway-vs-tayga");
        List<String> idleStrategies = List.of("poll");
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--trial-seconds" -> trialSeconds = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--idle-strategies" -> idleStrategies = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i] +
                    " (expected --rounds N, --trial-seconds S, --out PATH-WITHOUT-EXTENSION, " +
                    "--idle-strategies NAME[,NAME...])");
            }
        }
        final String unavailable = NetnsLab.unavailableReason();
        if (unavailable != null)
        {
            System.err.println("lab-throughput: " + unavailable);
            System.exit(1);
        }
        final PrintStream log = System.out;
        final double loadBefore = loadAverage();
        final Path work = Files.createTempDirectory("xlat64-lab-throughput-");
        final List<Round> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++)
        {
            final List<GatewayUnderTest> gateways = new ArrayList<>();
            gateways.add(new TaygaUnderTest(work));
            for (final String idle : idleStrategies)
            {
                gateways.add(new XlatUnderTest(work, idle));
            }
            for (final GatewayUnderTest gateway : gateways)
            {
                log.printf("round %d/%d: %s%n", round, rounds, gateway.name());
                results.add(measure(gateway, trialSeconds, log));
            }
        }
        write(out, results, rounds, trialSeconds, loadBefore);
        log.println("wrote " + out + ".json and " + out + ".md");
    }

    private static Round measure(final GatewayUnderTest gateway, final double trialSeconds,
        final PrintStream log) throws IOException, InterruptedException
    {
        // On SIGINT/SIGTERM stop the gateway under test, so no TAYGA daemon outlives the run (the lab removes its
        // namespaces from its own shutdown hook).
        final Thread cleanup = new Thread(() ->
        {
            try
            {
                gateway.close();
            }
            catch (final Exception ex)
            {
                System.err.println("lab-throughput: stopping " + gateway.name() + ": " + ex);
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (NetnsLab lab = NetnsLab.create(); GatewayUnderTest running = gateway)
        {
            return measure(running, lab, trialSeconds, log);
        }
        finally
        {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private static Round measure(final GatewayUnderTest running, final NetnsLab lab, final double trialSeconds,
        final PrintStream log) throws IOException, InterruptedException
    {
        running.start(lab, GATEWAY_CPU);
        // Warm up: resolves neighbors and lets the JIT compile the data path before the first trial.
        lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-c", "3", "-i", "0.2", LabGatewayConfig.SERVER_IPV6);
        // The tester's receive side: the server's veth counts each test frame, then drops it at its first hook.
        // Through the IP stack to a socket it would cost about as much again, and veth runs that on the sending
        // CPU, the gateway's, for either gateway.
        IngressDrop.install(lab, NetnsLab.Role.SERVER, lab.serverInterface(), "udp dport " +
            UdpStreamFrames.DISCARD_PORT);
        final UdpTrial.Result udp;
        final LossFreeSearch search;
        try (TxRingGenerator generator = TxRingGenerator.open(lab.namespace(NetnsLab.Role.CLIENT),
            lab.clientInterface(), UdpStreamFrames.build(lab, 64, 64)))
        {
            final UdpTrial trial = new UdpTrial(lab, generator, GATEWAY_CPU, running.pid());
            search = new LossFreeSearch(trial, trialSeconds, MAX_LOSS, log);
            trial.run(WARM_UP_PPS, 3.0);
            udp = search.search(50_000, 1_600_000, 0.03);
        }
        final double rttMs = pingRttMs(lab);
        final double up = TcpThroughput.bitsPerSecond(lab, GENERATOR_CPU, 5, false);
        final double down = TcpThroughput.bitsPerSecond(lab, GENERATOR_CPU, 5, true);
        log.printf(Locale.ROOT, "  %s: loss-free %s%,d pps, %.0f ns gateway CPU/packet (process %.0f); " +
            "TCP %.2f / %.2f Gbit/s; ping %.3f ms%n", running.name(), search.generatorBound() ? "≥ " : "",
            udp.ratePps(), udp.gatewayCpuNsPerPacket(), udp.processCpuNsPerPacket(), up / 1e9, down / 1e9, rttMs);
        return new Round(running.name(), udp, search.generatorBound(), up, down, rttMs);
    }

    /**
     * @return the mean ping6 round trip client → server → client across the idle gateway (20 echoes, 50 ms apart),
     *     after 3000 echoes 1 ms apart: a JIT-compiled gateway runs the ICMP path it has seen only a few times
     *     in its interpreter (about 1 ms a packet), and the steady state is what is measured, for both gateways.
     */
    private static double pingRttMs(final NetnsLab lab) throws IOException, InterruptedException
    {
        lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-q", "-c", "3000", "-i", "0.001",
            LabGatewayConfig.SERVER_IPV6);
        final PingResult ping = PingResult.parse(lab.exec(NetnsLab.Role.CLIENT, "ping", "-6", "-c", "20", "-i", "0.05",
            LabGatewayConfig.SERVER_IPV6).output());
        return ping.received() == 0 ? Double.NaN : ping.averageRttMs();
    }

    private static double median(final List<Round> rounds, final String gateway, final Function<Round, Double> value)
    {
        final double[] values = rounds.stream().filter(r -> r.gateway().equals(gateway)).mapToDouble(value::apply)
            .sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2] :
            (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static void write(final Path out, final List<Round> results, final int rounds, final double trialSeconds,
        final double loadBefore) throws IOException
    {
        final double loadAfter = loadAverage();
        final String machine = machine();
        final List<String> gateways = results.stream().map(Round::gateway).distinct().toList();
        final Map<String, double[]> medians = new LinkedHashMap<>();
        for (final String g : gateways)
        {
            medians.put(g, new double[] {
                median(results, g, r -> (double)r.udp().ratePps()),
                median(results, g, r -> r.udp().gatewayCpuNsPerPacket()),
                median(results, g, r -> r.tcpUpBps()),
                median(results, g, r -> r.tcpDownBps()),
                median(results, g, r -> r.pingRttMs()),
                median(results, g, r -> r.udp().processCpuNsPerPacket())});
        }
        final StringBuilder json = new StringBuilder("{\n  \"benchmark\": \"gateway-vs-tayga\",\n");
        json.append("  \"rounds\": ").append(rounds).append(",\n  \"trialSeconds\": ").append(trialSeconds)
            .append(",\n  \"maxLoss\": ").append(MAX_LOSS)
            .append(",\n  \"loadBefore\": ").append(loadBefore).append(",\n  \"loadAfter\": ").append(loadAfter)
            .append(",\n  \"machine\": \"").append(machine)
            .append("\",\n  \"results\": [\n");
        for (int i = 0; i < results.size(); i++)
        {
            final Round r = results.get(i);
            json.append(String.format(Locale.ROOT, "    {\"gateway\": \"%s\", \"lossFreePps\": %d, \"sent\": %d, " +
                "\"received\": %d, \"generatorBound\": %s, \"seconds\": %.3f, \"gatewayCpuSeconds\": %.2f, " +
                "\"processCpuSeconds\": %.2f, " +
                "\"tcpUpBps\": %.0f, " +
                "\"tcpDownBps\": %.0f, \"pingRttMs\": %.3f}%s%n", r.gateway(), r.udp().ratePps(), r.udp().sent(),
                r.udp().received(), r.generatorBound(), r.udp().seconds(), r.udp().gatewayCpuSeconds(),
                r.udp().processCpuSeconds(),
                r.tcpUpBps(), r.tcpDownBps(),
                r.pingRttMs(),
                i + 1 < results.size() ? "," : ""));
        }
        json.append("  ]\n}\n");
        Files.writeString(Path.of(out + ".json"), json);

        final StringBuilder md = new StringBuilder("# xlat64 beside TAYGA in the namespace lab\n\n");
        md.append(String.format(Locale.ROOT, "Median of %d interleaved rounds, %.1f s trials, loss ≤ %.1f %% counted " +
            "on the wire (client veth TX vs server veth RX), 64-byte UDP payload 6→4 over 64 flows, paced by an " +
            "AF_PACKET TX-ring generator (batches of at most " + TxRingGenerator.MAX_BATCH + " frames, never ahead of " +
            "the rate) to the server's discard port, where the server veth counts each frame and an nftables netdev " +
            "ingress rule drops it before the IP stack (veth runs the receiver's work on the sending CPU, the " +
            "gateway's, for either gateway). For xlat64 the gateway namespace drops pool6/pool4 frames at the same " +
            "hook after AF_PACKET took them, instead of routing them to its blackhole routes; that work runs on the " +
            "generator's CPU. Generator, iperf3 and server pinned to CPU %d, the gateway's data path to CPU %d " +
            "(TAYGA whole; xlat64's agent thread, its JVM's own threads left on CPU 0). Gateway CPU per packet is " +
            "CPU %d's busy " +
            "time (user+system+softirq) over the loss-free trial divided by the packets delivered, whoever used the " +
            "CPU; process CPU is the gateway process's own user+system time (all threads) over the same trial, " +
            "which leaves out the softirq work of delivering its packets and any other task on the CPU.%n%n",
            rounds, trialSeconds, 100 * MAX_LOSS, GENERATOR_CPU, GATEWAY_CPU, GATEWAY_CPU));
        md.append("Machine: ").append(machine).append("\n\n");
        if (Math.max(loadBefore, loadAfter) > BUSY_LOAD)
        {
            md.append(String.format(Locale.ROOT, "**The machine was busy** (1-minute load average %.2f before the run, " +
                "%.2f after; above %.0f on 2 CPUs other work shares both CPUs with the lab): the figures are rough.%n%n",
                loadBefore, loadAfter, BUSY_LOAD));
        }
        md.append("| gateway | loss-free UDP 64 B (pps) | gateway CPU ns/packet | process CPU ns/packet " +
            "| TCP 6→4 (Gbit/s) | TCP 4→6 (Gbit/s) | ping6 RTT idle (ms) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        medians.forEach((g, m) -> md.append(String.format(Locale.ROOT,
            "| %s | %s%,.0f | %.0f | %.0f | %.2f | %.2f | %.3f |%n", g, mostlyGeneratorBound(results, g) ? "≥ " : "",
            m[0], m[1], m[5], m[2] / 1e9, m[3] / 1e9, m[4])));
        if (gateways.stream().anyMatch(g -> mostlyGeneratorBound(results, g)))
        {
            md.append("\n≥: in most rounds no trial above this rate lost a packet in the gateway; the higher rates " +
                "failed only because the generator on CPU " + GENERATOR_CPU + " could not offer them. The gateway's own " +
                "loss-free rate is at least this; the lab's generator is the limit.\n");
        }
        final double[] base = medians.get(gateways.get(0));
        for (int g = 1; g < gateways.size(); g++)
        {
            final double[] ours = medians.get(gateways.get(g));
            md.append(String.format(Locale.ROOT, "%nRatios %s / %s: loss-free rate %.2f×, CPU per packet %.2f× " +
                "(process %.2f×), TCP 6→4 %.2f×, TCP 4→6 %.2f×.%n", gateways.get(g), gateways.get(0), ours[0] / base[0],
                ours[1] / base[1], ours[5] / base[5], ours[2] / base[2], ours[3] / base[3]));
        }
        md.append("\nEvery round:\n\n| gateway | loss-free pps | sent | received | CPU ns/packet | process ns/packet " +
            "| TCP 6→4 | TCP 4→6 | ping (ms) |\n").append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Round r : results)
        {
            md.append(String.format(Locale.ROOT, "| %s | %s%,d | %,d | %,d | %.0f | %.0f | %.2f | %.2f | %.3f |%n",
                r.gateway(), r.generatorBound() ? "≥ " : "", r.udp().ratePps(), r.udp().sent(), r.udp().received(), r.udp().gatewayCpuNsPerPacket(),
                r.udp().processCpuNsPerPacket(), r.tcpUpBps() / 1e9, r.tcpDownBps() / 1e9, r.pingRttMs()));
        }
        md.append("\nRegenerate: `sudo scripts/lab-throughput --rounds ").append(rounds)
            .append(trialSeconds == 2.0 ? "" : " --trial-seconds " + trialSeconds).append(" --out ").append(out)
            .append("`\n");
        final Path notes = Path.of(out + ".notes.md");
        if (Files.exists(notes))
        {
            md.append('\n').append(Files.readString(notes));
        }
        Files.writeString(Path.of(out + ".md"), md);
    }

    private static boolean mostlyGeneratorBound(final List<Round> rounds, final String gateway)
    {
        final long bound = rounds.stream().filter(r -> r.gateway().equals(gateway) && r.generatorBound()).count();
        final long all = rounds.stream().filter(r -> r.gateway().equals(gateway)).count();
        return 2 * bound > all;
    }

    private static double loadAverage() throws IOException
    {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static String machine() throws IOException
    {
        final String model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
            .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 2)).orElse("?");
        return model + ", " + CpuAffinity.onlineCpuCount() + " CPUs, load " +
            Arrays.toString(Files.readString(Path.of("/proc/loadavg")).split(" ", 4)).replaceAll(", [^,]*]$", "]");
    }
}
