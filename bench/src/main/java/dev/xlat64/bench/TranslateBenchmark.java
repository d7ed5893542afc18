package dev.xlat64.bench;


import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
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
import dev.xlat64.core.rfc7915.PacketSink;
import dev.xlat64.core.rfc7915.Side;
import dev.xlat64.core.rfc7915.Translator;
import dev.xlat64.core.rfc7915.TranslatorConfig;
import dev.xlat64.core.rfc7915.Verdict;

/**
 * The RFC 7915 translator on one thread, a batch of {@value #BATCH} packets per operation (score per packet):
 * 6to4 and 4to6 for UDP of 64 and 1500 bytes (IP packet length), a TCP segment, an ICMP echo and an ICMP error
 * (Port Unreachable with its packet in error). The packets sit in a ring-like off-heap buffer at odd offsets with
 * {@link Translator#HEADROOM} before each; since translation is in place, the first 128 bytes of each packet are
 * put back before it is translated (as a receive ring would hand over a fresh frame), which the score includes.
 * The IPv6 MTUs are 9000 so that the 1500-byte 4to6 packet is translated, not fragmented.
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
public class TranslateBenchmark
{
    static final int BATCH = 32;
    private static final int SLOT = 2048 + 64;
    private static final int RESTORE = 128;

    @Param({"6to4", "4to6"})
    String direction;

    @Param({"udp64", "udp1500", "tcp", "icmp-echo", "icmp-error"})
    String packet;

    private Translator translator;
    private UnsafeBuffer ring;
    private UnsafeBuffer template;
    private int length;
    private boolean sixToFour;
    private final Sink sink = new Sink();

    /** Counts what is emitted so the work cannot be optimised away. */
    static final class Sink implements PacketSink
    {
        long bytes;

        @Override
        public void emit(final Side egress, final DirectBuffer buffer, final int offset, final int length)
        {
            bytes += length + buffer.getByte(offset);
        }
    }

    @Setup
    public void setup()
    {
        final TranslatorConfig config = SiitBenchTraffic.config();
        final CountersManager manager = CounterSet.inMemoryManager(512);
        translator = new Translator(config, new TranslatorCounters(manager, "bench"));

        sixToFour = "6to4".equals(direction);
        final byte[] bytes = sixToFour ? SiitBenchTraffic.packet6(packet) : SiitBenchTraffic.packet4(packet);
        length = bytes.length;
        template = new UnsafeBuffer(ByteBuffer.allocateDirect(bytes.length));
        template.putBytes(0, bytes);
        ring = new UnsafeBuffer(ByteBuffer.allocateDirect(SLOT * BATCH));
        for (int i = 0; i < BATCH; i++)
        {
            ring.putBytes(offset(i), bytes);
        }
        // Check once that the packet is really translated, not dropped.
        restore(0);
        final Verdict verdict = sixToFour ?
            translator.translate6to4(ring, offset(0), length, sink) : translator.translate4to6(ring, offset(0), length, sink);
        if (verdict != Verdict.TRANSLATED)
        {
            throw new IllegalStateException(direction + " " + packet + ": " + verdict + " " + translator.lastDropReason());
        }
    }

    private static int offset(final int slot)
    {
        return slot * SLOT + Translator.HEADROOM + 14; // behind an Ethernet header, as in a ring frame
    }

    private void restore(final int slot)
    {
        ring.putBytes(offset(slot), template, 0, Math.min(RESTORE, length));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long translate()
    {
        final Translator translator = this.translator;
        final Sink sink = this.sink;
        long verdicts = 0;
        if (sixToFour)
        {
            for (int i = 0; i < BATCH; i++)
            {
                restore(i);
                verdicts += translator.translate6to4(ring, offset(i), length, sink).ordinal();
            }
        }
        else
        {
            for (int i = 0; i < BATCH; i++)
            {
                restore(i);
                verdicts += translator.translate4to6(ring, offset(i), length, sink).ordinal();
            }
        }
        return verdicts + sink.bytes;
    }
}
