package dev.xlat64.bench;

import dev.xlat64.bench.report.ReportRatio;
import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.checksum.ScalarChecksum;
import dev.xlat64.core.checksum.VectorChecksum;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * RFC 1071 sum over one packet-sized range: the scalar kernel against the vector kernel, and the
 * {@link InternetChecksum#sum} facade that picks between them by length (its crossover).
 *
 * <p>The range starts 14 bytes into the buffer, where an IP packet starts behind its Ethernet header in a
 * packet ring, so loads are not 8-byte aligned, and the buffer goes on for {@code tailroom} bytes after it,
 * as a ring frame does (the vector kernel then reads its last partial vector under a mask;
 * {@code -p tailroom=0} measures the scalar tail instead). Memory is off-heap by default
 * ({@code -p memory=heap} for a heap array).
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
@ReportRatio(candidate = "vector", baseline = "scalar")
@ReportRatio(candidate = "facade", baseline = "scalar")
public class ChecksumBenchmark
{
    /** Where the IP packet starts in a frame buffer: behind a 14-byte Ethernet header. */
    private static final int OFFSET = 14;

    @Param({"20", "40", "64", "128", "256", "576", "1500", "9000"})
    int size;

    @Param({"direct"})
    String memory;

    @Param({"64"})
    int tailroom;

    private UnsafeBuffer buffer;

    @Setup
    public void setup()
    {
        final int capacity = OFFSET + size + tailroom;
        buffer = switch (memory)
        {
            case "direct" -> new UnsafeBuffer(ByteBuffer.allocateDirect(capacity));
            case "heap" -> new UnsafeBuffer(new byte[capacity]);
            default -> throw new IllegalArgumentException("memory must be direct or heap, got " + memory);
        };
        final byte[] bytes = new byte[capacity];
        new Random(42).nextBytes(bytes);
        buffer.putBytes(0, bytes);
        if (ScalarChecksum.sum(buffer, OFFSET, size) != VectorChecksum.sum(buffer, OFFSET, size))
        {
            throw new IllegalStateException("kernels disagree at size " + size);
        }
    }

    @Benchmark
    public int scalar()
    {
        return ScalarChecksum.sum(buffer, OFFSET, size);
    }

    @Benchmark
    public int vector()
    {
        return VectorChecksum.sum(buffer, OFFSET, size);
    }

    @Benchmark
    public int facade()
    {
        return InternetChecksum.sum(buffer, OFFSET, size);
    }
}
