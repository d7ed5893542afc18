package dev.xlat64.bench;


import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.CountersManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.counters.TranslatorCounters;
import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.PacketBatch;
import dev.xlat64.core.pipeline.RingReads;
import dev.xlat64.core.pipeline.WorkerAgent;
import dev.xlat64.core.pipeline.WorkerCounters;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.io.gateway.TranslatorProcessor;

/**
 * The worker's path on one thread, per packet: {@value #BATCH} packets, in duty cycles of {@code packetsPerCycle}
 * (a full batch under load, one packet at moderate rates), are written into the worker's
 * input ring (what an RX agent does), {@link WorkerAgent#doWork()} reads the batch, copies each packet into its
 * scratch buffer, translates it (RFC 7915, SIIT) and writes the result into the TX ring, and the TX ring is read
 * (what a TX agent does, minus the socket). Run with {@code -prof gc} to see the path does not allocate.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {
    "--add-modules=jdk.incubator.vector",
    "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dagrona.disable.bounds.checks=true"})
public class WorkerPathBenchmark
{
    static final int BATCH = 32;
    /** The gateway's default ring between two agents. */
    private static final int RING_BYTES = 4 << 20;

    /** Packets per duty cycle: a full batch under load, one at a time at moderate rates. */
    @Param({"32", "1"})
    int packetsPerCycle;

    /** Bytes a batch writer claims per batch. */
    @Param({"128", "16"})
    int batchKb;

    @Param({"6to4", "4to6"})
    String direction;

    @Param({"udp64", "udp1500", "tcp"})
    String packet;

    private RingBuffer input;
    private RingBuffer output;
    private BatchWriter rx;
    private WorkerAgent worker;
    private UnsafeBuffer template;
    private int length;
    private Family family;
    private final TxReader tx = new TxReader();

    /** Reads the TX ring as a TX agent would, summing the packet lengths so nothing is optimised away. */
    static final class TxReader implements MessageHandler
    {
        long bytes;
        int packets;

        @Override
        public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length)
        {
            final int count = buffer.getInt(index + PacketBatch.COUNT_OFFSET);
            int record = index + PacketBatch.HEADER_LENGTH;
            for (int i = 0; i < count; i++)
            {
                final int packetLength = buffer.getInt(record + PacketBatch.RECORD_LENGTH_OFFSET);
                bytes += packetLength + buffer.getByte(record + PacketBatch.RECORD_PACKET_OFFSET);
                packets++;
                record += PacketBatch.recordLength(packetLength);
            }
        }
    }

    private static RingBuffer ring()
    {
        return new OneToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect(RING_BYTES + RingBufferDescriptor.TRAILER_LENGTH)));
    }

    @Setup
    public void setup()
    {
        final TranslatorConfig config = SiitBenchTraffic.config();
        final CountersManager manager = CounterSet.inMemoryManager(512);
        input = ring();
        output = ring();
        final int batchBytes = batchKb * 1024;
        rx = new BatchWriter(input, batchBytes, BATCH);
        final BatchWriter egress = new BatchWriter(output, batchBytes, BATCH);
        worker = new WorkerAgent("worker-0", new RingBuffer[] {input}, new BatchWriter[] {egress, egress},
            new TranslatorProcessor(new Translator(config, new TranslatorCounters(manager, "worker-0"))),
            new WorkerCounters(manager, "worker-0"), SystemNanoClock.INSTANCE, Throwable::printStackTrace,
            PacketBatch.maxPacketLength(batchBytes), 4);
        family = "6to4".equals(direction) ? Family.IPV6 : Family.IPV4;
        final byte[] bytes = family == Family.IPV6 ? SiitBenchTraffic.packet6(packet) : SiitBenchTraffic.packet4(packet);
        length = bytes.length;
        template = new UnsafeBuffer(ByteBuffer.allocateDirect(length));
        template.putBytes(0, bytes);
        // Check once that every packet comes out translated.
        final int packets = run();
        if (packets != BATCH)
        {
            throw new IllegalStateException(direction + " " + packet + ": " + packets + " of " + BATCH + " translated");
        }
    }

    /** {@value #BATCH} packets in duty cycles of {@code packetsPerCycle}: append, commit, worker, TX read. */
    private int run()
    {
        tx.packets = 0;
        for (int sent = 0; sent < BATCH; sent += packetsPerCycle)
        {
            for (int i = 0; i < packetsPerCycle; i++)
            {
                rx.append(template, 0, length, family);
            }
            rx.commit();
            worker.doWork();
            RingReads.read(output, tx, Integer.MAX_VALUE);
        }
        return tx.packets;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long workerPath()
    {
        run();
        return tx.bytes;
    }
}
