package dev.xlat64.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xlat64.io.demo.GatewayProcess;
import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.lab.NetnsLab;

/**
 * {@code xlat64 run} in the gateway namespace with the demo's SIIT configuration (EAM entry for the client),
 * AF_PACKET on both veths, one shared agent thread.
 */
final class XlatUnderTest implements GatewayUnderTest
{
    private final Path workDir;
    private final String variant;
    private final String idleStrategy;
    private final boolean dedicated;
    private final String spinUs;
    private GatewayProcess process;

    /**
     * @param variant the idle strategy, e.g. {@code poll}, optionally with {@code @US} for its spin before sleeping
     *     ({@code poll@50}) and {@code /dedicated} for one thread per agent (all on the gateway CPU) instead of the
     *     lab's one shared thread.
     */
    XlatUnderTest(final Path workDir, final String variant)
    {
        this.workDir = workDir;
        this.variant = variant;
        this.dedicated = variant.endsWith("/dedicated");
        final String strategy = dedicated ? variant.substring(0, variant.length() - "/dedicated".length()) : variant;
        final int at = strategy.indexOf('@');
        this.idleStrategy = at < 0 ? strategy : strategy.substring(0, at);
        this.spinUs = at < 0 ? null : strategy.substring(at + 1);
    }

    @Override
    public String name()
    {
        return "xlat64 (" + variant + ")";
    }

    /**
     * Starts {@code xlat64 run} with its agent thread pinned to {@code cpu} ({@code cpus: [cpu]}); the JVM's own
     * threads (compiler, GC) stay on the CPUs the lab tool runs on. In the gateway namespace, frames for pool6 and
     * pool4 are dropped at the netdev ingress hook once AF_PACKET has taken them, instead of being routed to the
     * blackhole routes: the kernel's route lookup for each of them is work the gateway never needs (in this lab it
     * runs on the sending CPU, the generator's).
     */
    @Override
    public void start(final NetnsLab lab, final int cpu) throws IOException, InterruptedException
    {
        final Path config = workDir.resolve("xlat64.yaml");
        Files.writeString(config, LabGatewayConfig.yaml(lab, 1500, workDir.resolve("counters"), false,
            "  workers: 1\n" +
            (dedicated ? "  threading: dedicated\n" : "  threading: shared\n  threads: 1\n") +
            "  cpus: [" + cpu + "]\n" +
            "  idle-strategy: " + idleStrategy + "\n" +
            (spinUs == null ? "" : "  idle-spin-us: " + spinUs + "\n") +
            "  tpacket-version: 2\n"));
        IngressDrop.install(lab, NetnsLab.Role.GATEWAY, lab.gatewayIpv6Interface(), "ip6 daddr " + lab.pool6());
        IngressDrop.install(lab, NetnsLab.Role.GATEWAY, lab.gatewayIpv4Interface(), "ip daddr " + lab.pool4());
        process = GatewayProcess.start(lab.namespace(NetnsLab.Role.GATEWAY), config, workDir.resolve("xlat64.log"),
            line -> { });
        if (!process.awaitRunning(30_000))
        {
            throw new IOException("xlat64 did not start: " + String.join("\n", process.lines()));
        }
    }

    @Override
    public long pid()
    {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException
    {
        if (process != null)
        {
            process.stop(10_000);
        }
    }
}
