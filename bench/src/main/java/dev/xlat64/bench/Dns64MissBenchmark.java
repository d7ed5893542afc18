package dev.xlat64.bench;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.ResponseHandler;
import org.agrona.concurrent.SystemNanoClock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The uncached path (cache off): parse with dnsjava, AAAA upstream, NODATA, A upstream, synthesize, build the
 * answer. The upstream is a loopback stub on another thread, so the time includes two UDP round trips; the
 * figure of interest is the allocation of the resolver's own thread per query, printed at the end
 * ({@code -prof gc} would add the stub's allocation, as it counts every thread).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true"})
public class Dns64MissBenchmark
{
    private LoopbackStubUpstream upstream;
    private Dns64Resolver resolver;
    private ByteBuffer query;
    private final ClientAddress client = new ClientAddress().ipv4(0x7F000001);
    private int answered;
    private final ResponseHandler handler = (context, response) -> answered++;
    private long queries;
    private long allocatedBytes;
    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        upstream = new LoopbackStubUpstream();
        resolver = new Dns64Resolver(Dns64Config.builder().prefix("2001:db8:64::/96").upstream(upstream.address())
            .cacheEntries(0).build(), Dns64Counters.inMemory("bench"), SystemNanoClock.INSTANCE);
        final Message message = Message.newQuery(Record.newRecord(Name.fromString("host1.lab.example."), Type.AAAA, DClass.IN));
        message.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        final byte[] wire = message.toWire();
        query = ByteBuffer.allocateDirect(wire.length).order(ByteOrder.BIG_ENDIAN).put(wire).flip();
    }

    @Benchmark
    public int synthesizeThroughUpstream()
    {
        final long before = threads.getCurrentThreadAllocatedBytes();
        final int target = answered + 1;
        resolver.resolve(query, client, false, null, handler);
        while (answered < target)
        {
            resolver.doWork(System.nanoTime());
        }
        allocatedBytes += threads.getCurrentThreadAllocatedBytes() - before;
        queries++;
        return answered;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        if (resolver.counters().get(Dns64Counter.SYNTHESIZED) == 0)
        {
            throw new IllegalStateException("nothing was synthesized");
        }
        System.out.printf("%nresolver thread allocation per uncached synthesized query: %d bytes (%d queries)%n",
            allocatedBytes / Math.max(1, queries), queries);
        resolver.close();
        upstream.close();
    }
}
