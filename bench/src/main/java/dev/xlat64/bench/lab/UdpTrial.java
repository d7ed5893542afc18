package dev.xlat64.bench.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.xlat64.io.lab.ExecResult;
import dev.xlat64.io.lab.NetnsLab;

/**
 * One paced trial: tcpreplay sends {@code rate × seconds} frames of the UDP stream from the client, pinned to the
 * generator CPU; loss is counted on the wire, client veth TX against server veth RX (LAB.md: not by a receiving
 * socket). The gateway CPU's busy time over the trial gives its cost per packet.
 */
final class UdpTrial
{
    /** tcpreplay's own timing of the send loop, without its start-up (loading the pcap, opening the device). */
    private static final Pattern ACTUAL = Pattern.compile("Actual: (\\d+) packets .* sent in ([0-9.]+) seconds");
    /** USER_HZ on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final NetnsLab lab;
    private final Path pcap;
    private final int generatorCpu;
    private final int gatewayCpu;

    UdpTrial(final NetnsLab lab, final Path pcap, final int generatorCpu, final int gatewayCpu)
    {
        this.lab = lab;
        this.pcap = pcap;
        this.generatorCpu = generatorCpu;
        this.gatewayCpu = gatewayCpu;
    }

    record Result(long ratePps, long sent, long received, double seconds, double gatewayCpuSeconds)
    {
        double loss()
        {
            return sent == 0 ? 1.0 : Math.max(0.0, 1.0 - (double)received / sent);
        }

        double achievedPps()
        {
            return sent / seconds;
        }

        double gatewayCpuNsPerPacket()
        {
            return received == 0 ? Double.NaN : gatewayCpuSeconds * 1e9 / received;
        }
    }

    Result run(final long ratePps, final double seconds) throws IOException, InterruptedException
    {
        final long count = Math.max(1, Math.round(ratePps * seconds));
        final long sentBefore = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface());
        final long receivedBefore = LinkCounters.rxPackets(lab, NetnsLab.Role.SERVER, lab.serverInterface());
        final long cpuBefore = LinkCounters.cpuBusyTicks(gatewayCpu);
        final ExecResult replay = lab.exec(NetnsLab.Role.CLIENT, "taskset", "-c", Integer.toString(generatorCpu),
            "tcpreplay", "-q", "--preload-pcap", "--loop=0", "--limit=" + count, "--pps=" + ratePps,
            "-i", lab.clientInterface(), pcap.toString());
        final Matcher actual = ACTUAL.matcher(replay.output());
        if (!replay.ok() || !actual.find())
        {
            throw new IOException("tcpreplay failed: " + replay.output().strip());
        }
        final double elapsed = Double.parseDouble(actual.group(2));
        Thread.sleep(300); // let the last packets cross before counting
        final long cpuAfter = LinkCounters.cpuBusyTicks(gatewayCpu);
        final long sent = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface()) - sentBefore;
        final long received = LinkCounters.rxPackets(lab, NetnsLab.Role.SERVER, lab.serverInterface()) - receivedBefore;
        return new Result(ratePps, sent, received, elapsed, (cpuAfter - cpuBefore) / TICKS_PER_SECOND);
    }
}
