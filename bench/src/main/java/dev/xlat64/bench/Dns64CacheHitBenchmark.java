package dev.xlat64.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Config;
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
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A synthesized AAAA answer served from the DNS64 cache: query bytes in, answer bytes out, one thread, no
 * sockets (the engine alone). The first query of each name goes to a loopback stub once, in setup.
 * Run with {@code -prof gc} to see the allocation per query (the hit path allocates nothing).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true"})
public class Dns64CacheHitBenchmark
{
    /** Distinct names cycled through, so lookups hit different cache sets. */
    @Param({"1", "1000"})
    public int names;

    /** Whether the query carries EDNS (OPT record in query and answer). */
    @Param({"true", "false"})
    public boolean edns;

    private LoopbackStubUpstream upstream;
    private Dns64Resolver resolver;
    private ByteBuffer[] queries;
    private final ClientAddress client = new ClientAddress().ipv4(0x7F000001);
    private int next;
    private Blackhole blackhole;
    private final ResponseHandler handler = (context, response) -> blackhole.consume(response.remaining());
    private int answered;

    @Setup(Level.Trial)
    public void setUp(final Blackhole bh) throws Exception
    {
        blackhole = bh;
        upstream = new LoopbackStubUpstream();
        resolver = new Dns64Resolver(Dns64Config.builder()
            .prefix("2001:db8:64::/96")
            .upstream(upstream.address())
            .cacheEntries(16 * names + 64)
            .build(), Dns64Counters.inMemory("bench"), SystemNanoClock.INSTANCE);
        queries = new ByteBuffer[names];
        final ResponseHandler warm = (context, response) -> answered++;
        for (int i = 0; i < names; i++)
        {
            final Message query = Message.newQuery(Record.newRecord(Name.fromString("host" + i + ".lab.example."), Type.AAAA, DClass.IN));
            if (edns)
            {
                query.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
            }
            final byte[] wire = query.toWire();
            queries[i] = ByteBuffer.allocateDirect(wire.length).order(ByteOrder.BIG_ENDIAN).put(wire).flip();
            final int before = answered;
            resolver.resolve(queries[i], client, false, null, warm);
            final long deadline = System.nanoTime() + 5_000_000_000L;
            while (answered == before && System.nanoTime() < deadline)
            {
                resolver.doWork(System.nanoTime());
            }
            if (answered == before)
            {
                throw new IllegalStateException("no answer from the stub upstream for host" + i);
            }
        }
    }

    @Benchmark
    public void cachedSynthesizedAaaa()
    {
        final ByteBuffer query = queries[next];
        next = next + 1 == names ? 0 : next + 1;
        resolver.resolve(query, client, false, null, handler);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        final long misses = resolver.counters().get(dev.xlat64.dns.Dns64Counter.CACHE_MISSES);
        if (misses != names)
        {
            throw new IllegalStateException((misses - names) + " cache misses after setup: not a cache-hit benchmark");
        }
        resolver.close();
        upstream.close();
    }
}
