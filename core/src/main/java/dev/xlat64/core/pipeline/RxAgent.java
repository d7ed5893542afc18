package dev.xlat64.core.pipeline;

import java.nio.ByteOrder;

import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.NanoClock;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.Icmpv6Header;
import dev.xlat64.core.packet.IpProtocol;
import dev.xlat64.core.packet.Ipv4Header;
import dev.xlat64.core.packet.Ipv6Header;

/**
 * Polls one {@link PacketPort} in batches and hands each IP packet to the worker that owns its flow.
 * <p>
 * Per frame, in this order: strip the Ethernet header; ARP and NDP go to the {@link NeighborFrameHandler};
 * other non-IP frames are counted and ignored; the IP packet is trimmed to its own length (Ethernet pads short
 * frames to 60 bytes, RFC 894); the {@link RxDiverter} may take it for a local service; otherwise the
 * {@link WorkerSelector} picks a worker and the packet is copied into that worker's batch, in place on the ring.
 * The open batches are published once per duty cycle. A full ring is a counted drop.
 */
public final class RxAgent implements Agent, FrameHandler
{
    private final int portIndex;
    private final PacketPort port;
    private final BatchWriter[] workerBatches;
    private final WorkerSelector selector;
    private final RxDiverter diverter;
    private final NeighborFrameHandler neighbors;
    private final RxCounters counters;
    private final NanoClock clock;
    private final int frameLimit;
    private final DutyCycleTracker dutyCycle;
    private final AgentErrors errors;
    private final String roleName;
    private volatile boolean receiving = true;
    private volatile boolean stopped;

    /**
     * @param portIndex the port's index, passed to the neighbor handler.
     * @param port the port to poll.
     * @param workerBatches one writer per worker, on that worker's input ring from this port.
     * @param frameLimit frames taken from the port per duty cycle.
     */
    public RxAgent(
        final int portIndex,
        final PacketPort port,
        final BatchWriter[] workerBatches,
        final WorkerSelector selector,
        final RxDiverter diverter,
        final NeighborFrameHandler neighbors,
        final RxCounters counters,
        final NanoClock clock,
        final ErrorHandler log,
        final int frameLimit)
    {
        this.portIndex = portIndex;
        this.port = port;
        this.workerBatches = workerBatches.clone();
        this.selector = selector;
        this.diverter = diverter;
        this.neighbors = neighbors;
        this.counters = counters;
        this.clock = clock;
        this.frameLimit = frameLimit;
        this.roleName = "rx-" + port.name();
        this.dutyCycle = new DutyCycleTracker(counters.dutyCycleMaxNs);
        this.errors = new AgentErrors(roleName, counters.agentErrors, log);
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    /**
     * Stops taking frames from the port, so the rings behind this agent can drain before shutdown.
     * {@link #isStopped()} turns true at the next duty cycle, once the last poll's batches are published.
     */
    public void stopReceiving()
    {
        receiving = false;
    }

    /**
     * @return true once a duty cycle has run after {@link #stopReceiving()}: nothing more will be published.
     */
    public boolean isStopped()
    {
        return stopped;
    }

    @Override
    public int doWork()
    {
        dutyCycle.measure(clock.nanoTime());
        if (!receiving)
        {
            stopped = true;
            return 0;
        }
        int frames = 0;
        try
        {
            frames = port.receive(this, frameLimit);
        }
        catch (final RuntimeException ex)
        {
            errors.onError(ex);
        }
        for (final BatchWriter batch : workerBatches)
        {
            batch.commit();
        }
        return frames;
    }

    @Override
    public void onFrame(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        try
        {
            classify(buffer, offset, length);
        }
        catch (final RuntimeException ex)
        {
            errors.onError(ex);
        }
    }

    private void classify(final MutableDirectBuffer buffer, final int offset, final int length)
    {
        if (length < EthernetHeader.HEADER_LENGTH)
        {
            counters.truncated.incrementRelease();
            return;
        }
        final int etherType = buffer.getShort(offset + EthernetHeader.ETHER_TYPE_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        final int ip = offset + EthernetHeader.HEADER_LENGTH;
        final int available = length - EthernetHeader.HEADER_LENGTH;
        if (etherType == Family.IPV6.etherType())
        {
            onIpv6(buffer, offset, length, ip, available);
        }
        else if (etherType == Family.IPV4.etherType())
        {
            onIpv4(buffer, ip, available);
        }
        else if (etherType == EthernetHeader.ETHERTYPE_ARP)
        {
            counters.neighborFrames.incrementRelease();
            neighbors.onNeighborFrame(portIndex, buffer, offset, length);
        }
        else
        {
            counters.otherFrames.incrementRelease();
        }
    }

    private void onIpv6(
        final MutableDirectBuffer buffer, final int frame, final int frameLength, final int ip, final int available)
    {
        if (available < Ipv6Header.HEADER_LENGTH)
        {
            counters.truncated.incrementRelease();
            return;
        }
        if (!hasVersion(buffer, ip, Family.IPV6))
        {
            counters.versionMismatch.incrementRelease();
            return;
        }
        if (isNdp(buffer, ip, available))
        {
            counters.neighborFrames.incrementRelease();
            neighbors.onNeighborFrame(portIndex, buffer, frame, frameLength);
            return;
        }
        final int declared = Ipv6Header.HEADER_LENGTH +
            (buffer.getShort(ip + Ipv6Header.PAYLOAD_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        dispatch(Family.IPV6, buffer, ip, Math.min(declared, available));
    }

    private void onIpv4(final MutableDirectBuffer buffer, final int ip, final int available)
    {
        if (available < Ipv4Header.HEADER_LENGTH)
        {
            counters.truncated.incrementRelease();
            return;
        }
        if (!hasVersion(buffer, ip, Family.IPV4))
        {
            counters.versionMismatch.incrementRelease();
            return;
        }
        final int declared = buffer.getShort(ip + Ipv4Header.TOTAL_LENGTH_OFFSET, ByteOrder.BIG_ENDIAN) & 0xFFFF;
        // A total length below the header is the translator's fault to name; pass the bytes through unchanged.
        final int length = declared >= Ipv4Header.HEADER_LENGTH ? Math.min(declared, available) : available;
        dispatch(Family.IPV4, buffer, ip, length);
    }

    private static boolean hasVersion(final DirectBuffer buffer, final int ip, final Family family)
    {
        return (buffer.getByte(ip) & 0xF0) >>> 4 == family.ipVersion();
    }

    private static boolean isNdp(final DirectBuffer buffer, final int ip, final int available)
    {
        if (available <= Ipv6Header.HEADER_LENGTH ||
            (buffer.getByte(ip + Ipv6Header.NEXT_HEADER_OFFSET) & 0xFF) != IpProtocol.ICMPV6)
        {
            return false;
        }
        final int type = buffer.getByte(ip + Ipv6Header.HEADER_LENGTH) & 0xFF;
        // RFC 4861 §4: Router Solicitation (133) to Redirect (137).
        return type >= Icmpv6Header.TYPE_ROUTER_SOLICITATION && type <= Icmpv6Header.TYPE_REDIRECT;
    }

    private void dispatch(final Family family, final MutableDirectBuffer buffer, final int ip, final int length)
    {
        final int f = family.ordinal();
        counters.packets[f].incrementRelease();
        counters.bytes[f].getAndAddRelease(length);
        if (diverter.divert(family, buffer, ip, length))
        {
            counters.diverted.incrementRelease();
            return;
        }
        final int workers = workerBatches.length;
        final int worker = family == Family.IPV6 ?
            selector.select6to4(buffer, ip, workers) : selector.select4to6(buffer, ip, workers);
        switch (workerBatches[worker].append(buffer, ip, length, family))
        {
            case RING_FULL -> counters.workerRingFull.incrementRelease();
            case TOO_LONG -> counters.tooLong.incrementRelease();
            case APPENDED ->
            {
            }
        }
    }
}
