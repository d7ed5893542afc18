package dev.xlat64.core.pipeline;

import java.nio.ByteBuffer;

import org.agrona.ErrorHandler;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * Reads packet batches from its input rings (one per RX port), copies each packet into a scratch buffer with
 * the {@link PacketProcessor}'s headroom and tailroom, runs the processor, and writes what it emits into the
 * batch for the egress port's TX agent. Owns all its state; the processor is this worker's own.
 */
public final class WorkerAgent implements Agent, MessageHandler, EgressSink
{
    private final String roleName;
    private final RingBuffer[] inputs;
    private final BatchWriter[] egressBatches;
    private final PacketProcessor processor;
    private final WorkerCounters counters;
    private final NanoClock clock;
    private final int batchLimit;
    private final int headroom;
    private final int maxPacketLength;
    private final UnsafeBuffer scratch;
    private final DutyCycleTracker dutyCycle;
    private final AgentErrors errors;

    /**
     * @param inputs the rings this worker reads, one per RX agent.
     * @param egressBatches the writer for packets leaving as IPv6 ([0]) and as IPv4 ([1]); the same writer twice
     *     when one port serves both families.
     * @param maxPacketLength the longest packet an input batch can carry.
     * @param batchLimit batches read per ring per duty cycle.
     */
    public WorkerAgent(
        final String roleName,
        final RingBuffer[] inputs,
        final BatchWriter[] egressBatches,
        final PacketProcessor processor,
        final WorkerCounters counters,
        final NanoClock clock,
        final ErrorHandler log,
        final int maxPacketLength,
        final int batchLimit)
    {
        if (egressBatches.length != Family.values().length)
        {
            throw new IllegalArgumentException("one egress writer per family expected, got " + egressBatches.length);
        }
        this.roleName = roleName;
        this.inputs = inputs.clone();
        this.egressBatches = egressBatches.clone();
        this.processor = processor;
        this.counters = counters;
        this.clock = clock;
        this.batchLimit = batchLimit;
        this.headroom = processor.headroom();
        this.maxPacketLength = maxPacketLength;
        this.scratch = new UnsafeBuffer(
            ByteBuffer.allocateDirect(processor.headroom() + maxPacketLength + processor.tailroom()));
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
        dutyCycle.measure(clock.nanoTime());
        int work = 0;
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
            counters.packets.incrementRelease();
            if (packetLength > maxPacketLength)
            {
                counters.tooLong.incrementRelease();
            }
            else
            {
                scratch.putBytes(headroom, buffer, record + PacketBatch.RECORD_PACKET_OFFSET, packetLength);
                try
                {
                    processor.process(family, scratch, headroom, packetLength, this);
                }
                catch (final RuntimeException ex)
                {
                    errors.onError(ex);
                }
            }
            record += PacketBatch.recordLength(packetLength);
        }
        for (final BatchWriter batch : egressBatches)
        {
            batch.commit();
        }
    }

    @Override
    public void emit(final Family family, final DirectBuffer buffer, final int offset, final int length)
    {
        switch (egressBatches[family.ordinal()].append(buffer, offset, length, family))
        {
            case RING_FULL -> counters.txRingFull.incrementRelease();
            case TOO_LONG -> counters.tooLong.incrementRelease();
            case APPENDED ->
            {
            }
        }
    }
}
