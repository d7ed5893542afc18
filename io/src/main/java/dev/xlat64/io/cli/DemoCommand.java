package dev.xlat64.io.cli;

import java.util.concurrent.Callable;

import dev.xlat64.io.demo.Demo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code xlat64 demo}: the main job on an embedded default (see {@link Demo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Build a namespace lab (IPv6-only client, gateway, IPv4-only server), run the gateway in it, "
        + "send real ping, UDP and TCP traffic across it, show the counters, then remove everything.",
        "Needs root. Installs ethtool and ping with apt-get when missing."})
public final class DemoCommand implements Callable<Integer>
{
    @Option(names = "--keep", description = "Leave the lab and the gateway running afterwards, with commands to try.")
    boolean keep;

    @Override
    public Integer call() throws Exception
    {
        return new Demo(System.out, keep).run();
    }
}
