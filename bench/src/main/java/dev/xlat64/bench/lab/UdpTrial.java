package dev.xlat64.bench.lab;

import java.io.IOException;
import dev.xlat64.io.lab.NetnsLab;

/**
 * One paced trial: the generator sends {@code rate × seconds} frames of the UDP stream from the client, on the
 * calling thread (the lab tool runs pinned to the generator CPU); loss is counted on the wire, client veth TX
 * against server veth RX (LAB.md: not by a receiving socket). The gateway CPU's busy time over the trial gives its
 * cost per packet.
 */
final class UdpTrial
{
    /** USER_HZ on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final NetnsLab lab;
    private final TxRingGenerator generator;
    private final int gatewayCpu;
    private final long gatewayPid;

    /**
     * @param gatewayPid the gateway's process, whose own CPU time (all threads, user and system) is read too.
     */
    UdpTrial(final NetnsLab lab, final TxRingGenerator generator, final int gatewayCpu, final long gatewayPid)
    {
        this.gatewayPid = gatewayPid;
        this.lab = lab;
        this.generator = generator;
        this.gatewayCpu = gatewayCpu;
    }

    /**
     * @param gatewayCpuSeconds busy time of the gateway CPU over the trial, whoever used it.
     * @param processCpuSeconds CPU time of the gateway process itself (user + system, all threads); the kernel's
     *     softirq work (veth delivery) is accounted to the CPU, not to the process, so this is the lower bound.
     */
    record Result(long ratePps, long sent, long received, double seconds, double gatewayCpuSeconds,
        double processCpuSeconds)
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

        double processCpuNsPerPacket()
        {
            return received == 0 ? Double.NaN : processCpuSeconds * 1e9 / received;
        }
    }

    Result run(final long ratePps, final double seconds) throws IOException, InterruptedException
    {
        final long count = Math.max(1, Math.round(ratePps * seconds));
        final long sentBefore = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface());
        final long receivedBefore = LinkCounters.rxPackets(lab, NetnsLab.Role.SERVER, lab.serverInterface());
        final long cpuBefore = LinkCounters.cpuBusyTicks(gatewayCpu);
        final long processBefore = LinkCounters.processCpuTicks(gatewayPid);
        final double elapsed = generator.send(ratePps, count).nanos() / 1e9;
        Thread.sleep(300); // let the last packets cross before counting
        final long cpuAfter = LinkCounters.cpuBusyTicks(gatewayCpu);
        final long processAfter = LinkCounters.processCpuTicks(gatewayPid);
        final long sent = LinkCounters.txPackets(lab, NetnsLab.Role.CLIENT, lab.clientInterface()) - sentBefore;
        final long received = LinkCounters.rxPackets(lab, NetnsLab.Role.SERVER, lab.serverInterface()) - receivedBefore;
        return new Result(ratePps, sent, received, elapsed, (cpuAfter - cpuBefore) / TICKS_PER_SECOND,
            (processAfter - processBefore) / TICKS_PER_SECOND);
    }
}
