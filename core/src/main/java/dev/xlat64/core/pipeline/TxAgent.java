package dev.xlat64.core.pipeline;

import java.nio.ByteOrder;

import org.agrona.ErrorHandler;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;

import dev.xlat64.core.packet.EthernetHeader;
import dev.xlat64.core.packet.MacAddress;

/**
 * Reads translated packets from the workers' rings for one port, writes the Ethernet header in front of each
 * (in the batch record's link headroom: next hop MAC, the port's MAC, the family's Ethernet type) and queues the
 * frame on the port; the port is flushed once per duty cycle.
 * <p>
 * Duty cycle: read the clock; hand the ARP/NDP frames the RX agent passed over to the {@link NextHopResolver}
 * (which owns the neighbor cache on this thread); run its timers; send the workers' batches; flush.
 * A packet whose next hop is still being resolved is held by the resolver when it can, else dropped and counted.
 */
public final class TxAgent implements Agent, MessageHandler
{
    private final int portIndex;
    private final PacketPort port;
    private final RingBuffer[] inputs;
    private final RingBuffer neighborFrames;
    private final MessageHandler neighborHandler;
    private final NextHopResolver nextHops;
    private final TxCounters counters;
    private final NanoClock clock;
    private final int batchLimit;
    private final long sourceMac;
    private final String roleName;
    private final DutyCycleTracker dutyCycle;
    private final AgentErrors errors;
    private boolean queued;
    private long nowNs;

    /**
     * @param inputs the rings from the workers, one per worker.
     * @param neighborFrames the ring of ARP/NDP frames from this port's RX agent ({@link NeighborFrameRing}),
     *     or null when the next hops are static.
     * @param batchLimit batches read per ring per duty cycle.
     */
    public TxAgent(
        final int portIndex,
        final PacketPort port,
        final RingBuffer[] inputs,
        final RingBuffer neighborFrames,
        final NextHopResolver nextHops,
        final TxCounters counters,
        final NanoClock clock,
        final ErrorHandler log,
        final int batchLimit)
    {
        this.portIndex = portIndex;
        this.port = port;
        this.inputs = inputs.clone();
        this.neighborFrames = neighborFrames;
        this.neighborHandler = (msgTypeId, buffer, index, length) ->
            nextHops.onNeighborFrame(portIndex, buffer, index, length, this.nowNs);
        this.nextHops = nextHops;
        this.counters = counters;
        this.clock = clock;
        this.batchLimit = batchLimit;
        this.sourceMac = port.macAddress();
        this.roleName = "tx-" + port.name();
        this.dutyCycle = new DutyCycleTracker(counters.dutyCycleMaxNs);
        this.errors = new AgentErrors(roleName, counters.agentErrors, log);
    }

    @Override
    public String roleName()
    {
        return roleName;
    }

    @Override
    public int doWork()
    {
        nowNs = clock.nanoTime();
        dutyCycle.measure(nowNs);
        int work = 0;
        try
        {
            if (neighborFrames != null)
            {
                final int frames = RingReads.read(neighborFrames, neighborHandler, batchLimit);
                if (frames > 0)
                {
                    // An answer releases the frames held for that next hop: they must leave in this cycle.
                    queued = true;
                    work += frames;
                }
            }
            if (nextHops.doWork(nowNs) > 0)
            {
                queued = true; // the resolver may have queued requests or released held frames
                work++;
            }
        }
        catch (final RuntimeException ex)
        {
            errors.onError(ex);
        }
        for (final RingBuffer input : inputs)
        {
            try
            {
                work += RingReads.read(input, this, batchLimit);
            }
            catch (final RuntimeException ex)
            {
                errors.onError(ex);
            }
        }
        if (queued)
        {
            queued = false;
            try
            {
                port.flush();
            }
            catch (final RuntimeException ex)
            {
                errors.onError(ex);
            }
        }
        return work;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
    {
        if (msgTypeId != PacketBatch.MSG_TYPE_ID)
        {
            return;
        }
        final int count = buffer.getInt(index + PacketBatch.COUNT_OFFSET);
        int record = index + PacketBatch.HEADER_LENGTH;
        for (int i = 0; i < count; i++)
        {
            final int packetLength = buffer.getInt(record + PacketBatch.RECORD_LENGTH_OFFSET);
            final Family family = Family.of(buffer.getInt(record + PacketBatch.RECORD_FAMILY_OFFSET));
            try
            {
                send(buffer, record, packetLength, family);
            }
            catch (final RuntimeException ex)
            {
                errors.onError(ex);
            }
            record += PacketBatch.recordLength(packetLength);
        }
    }

    private void send(final MutableDirectBuffer buffer, final int record, final int packetLength, final Family family)
    {
        final int packet = record + PacketBatch.RECORD_PACKET_OFFSET;
        final long destinationMac = nextHops.resolve(portIndex, family, buffer, packet, nowNs);
        final int ethernet = record + PacketBatch.RECORD_ETHERNET_OFFSET;
        MacAddress.put(buffer, ethernet + EthernetHeader.DESTINATION_OFFSET,
            destinationMac == NextHopResolver.UNRESOLVED ? 0 : destinationMac);
        MacAddress.put(buffer, ethernet + EthernetHeader.SOURCE_OFFSET, sourceMac);
        buffer.putShort(ethernet + EthernetHeader.ETHER_TYPE_OFFSET, (short)family.etherType(), ByteOrder.BIG_ENDIAN);
        if (destinationMac == NextHopResolver.UNRESOLVED)
        {
            // Resolution may have queued a request (ARP, Neighbor Solicitation) on the port: flush it this cycle.
            queued = true;
            if (nextHops.hold(portIndex, family, buffer, packet, buffer, ethernet,
                PacketBatch.ETHERNET_HEADER_LENGTH + packetLength))
            {
                counters.heldForNextHop.incrementRelease();
            }
            else
            {
                counters.noNextHop.incrementRelease();
            }
            return;
        }
        if (port.send(buffer, ethernet, PacketBatch.ETHERNET_HEADER_LENGTH + packetLength))
        {
            final int f = family.ordinal();
            counters.packets[f].incrementRelease();
            counters.bytes[f].getAndAddRelease(packetLength);
            queued = true;
        }
        else
        {
            counters.queueFull.incrementRelease();
        }
    }
}
