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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * The IPv4 header checksum of a 20-byte header (RFC 791), the most frequent checksum a translator computes:
 * {@link InternetChecksum#ipv4HeaderChecksum} (straight-line scalar code that skips the checksum field) against
 * the same value from the general scalar and vector kernels (sum of bytes 0-9 and 12-19, complemented).
 * It shows why the short path stays scalar.
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
@ReportRatio(candidate = "ipv4HeaderChecksum", baseline = "scalarKernel")
@ReportRatio(candidate = "ipv4HeaderChecksum", baseline = "vectorKernel")
public class Ipv4HeaderChecksumBenchmark
{
    /** Behind a 14-byte Ethernet header, with the rest of a ring frame after it. */
    private static final int OFFSET = 14;

    private UnsafeBuffer buffer;

    @Setup
    public void setup()
    {
        buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
        // 198.51.100.7 -> 203.0.113.9, UDP, TTL 64, a valid checksum (0xba29) in place.
        buffer.putBytes(OFFSET, HexFormat.of().parseHex("450000541a2b40004011ba29c6336407cb007109"));
        if (ipv4HeaderChecksum() != scalarKernel() || scalarKernel() != vectorKernel())
        {
            throw new IllegalStateException("the three ways disagree");
        }
    }

    @Benchmark
    public int ipv4HeaderChecksum()
    {
        return InternetChecksum.ipv4HeaderChecksum(buffer, OFFSET, 20);
    }

    @Benchmark
    public int scalarKernel()
    {
        return InternetChecksum.finish(InternetChecksum.add(
            ScalarChecksum.sum(buffer, OFFSET, 10), ScalarChecksum.sum(buffer, OFFSET + 12, 8)));
    }

    @Benchmark
    public int vectorKernel()
    {
        return InternetChecksum.finish(InternetChecksum.add(
            VectorChecksum.sum(buffer, OFFSET, 10), VectorChecksum.sum(buffer, OFFSET + 12, 8)));
    }
}
