package dev.xlat64.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.xlat64.io.demo.LabGatewayConfig;
import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * TAYGA 0.9 (Debian package {@code tayga}) in the gateway namespace, TUN mode, with the same mapping as xlat64's
 * lab configuration: pool6 2001:db8:64::/96 and the client mapped to 203.0.113.2. The kernel of the gateway
 * namespace forwards between the veths and TAYGA's TUN device, so the lab's blackhole routes are replaced by
 * routes to the TUN device and forwarding is switched on.
 */
final class TaygaUnderTest implements GatewayUnderTest
{
    private static final String TUN = "nat64";

    private final Path workDir;
    private NetnsLab lab;
    private long pid = -1;

    TaygaUnderTest(final Path workDir)
    {
        this.workDir = workDir;
    }

    @Override
    public String name()
    {
        return "TAYGA (TUN)";
    }

    @Override
    public void start(final NetnsLab lab, final int cpu) throws IOException, InterruptedException
    {
        this.lab = lab;
        final Path dataDir = Files.createDirectories(workDir.resolve("tayga"));
        final Path config = workDir.resolve("tayga.conf");
        Files.writeString(config, """
            tun-device %s
            ipv4-addr 203.0.113.1
            prefix %s
            map %s %s
            data-dir %s
            """.formatted(TUN, lab.pool6(), LabGatewayConfig.CLIENT_IPV4, NetnsLab.CLIENT_IPV6, dataDir));
        final Path pidFile = workDir.resolve("tayga.pid");
        run("tayga", "--mktun", "-c", config.toString());
        run("ip", "link", "set", TUN, "up");
        run("ip", "route", "replace", lab.pool4(), "dev", TUN);
        run("ip", "-6", "route", "replace", lab.pool6(), "dev", TUN);
        run("sysctl", "-qw", "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1");
        run("tayga", "-c", config.toString(), "--pidfile", pidFile.toString());
        for (int i = 0; i < 200 && (!Files.exists(pidFile) || Files.readString(pidFile).isBlank()); i++)
        {
            Thread.sleep(10);
        }
        pid = Long.parseLong(Files.readString(pidFile).strip());
        // TAYGA is one thread: all of it goes to the gateway CPU.
        run("taskset", "-a", "-pc", Integer.toString(cpu), Long.toString(pid));
    }

    @Override
    public long pid()
    {
        return pid;
    }

    @Override
    public void close() throws IOException
    {
        if (pid > 0)
        {
            // TAYGA runs on as a daemon, and spins once its TUN device is gone: make sure it has exited first.
            final java.util.Optional<ProcessHandle> tayga = ProcessHandle.of(pid);
            tayga.ifPresent(ProcessHandle::destroy);
            if (tayga.isPresent())
            {
                try
                {
                    tayga.get().onExit().get(2, java.util.concurrent.TimeUnit.SECONDS);
                }
                catch (final Exception ex)
                {
                    tayga.get().destroyForcibly();
                }
            }
            pid = -1;
        }
        if (lab != null)
        {
            lab.exec(NetnsLab.Role.GATEWAY, "ip", "link", "del", TUN);
        }
    }

    private void run(final String... command) throws IOException
    {
        final ExecResult result = lab.exec(NetnsLab.Role.GATEWAY, command);
        if (!result.ok())
        {
            throw new IOException(String.join(" ", command) + " failed: " + result.output().strip());
        }
    }
}
