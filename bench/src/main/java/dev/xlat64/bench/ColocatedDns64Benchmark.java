package dev.xlat64.bench;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.dns.ClientAddressSet;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.colocated.ColocatedDnsCounter;
import dev.xlat64.dns.colocated.ColocatedDnsCounters;
import dev.xlat64.dns.colocated.Dns64Agent;
import dev.xlat64.dns.colocated.DnsQueryDiverter;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.SystemNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
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
 * The DNS64 colocated in the gateway, on one thread without sockets:
 * {@code divertTranslatedPacket} is what the RX diverter costs every packet that is not for the gateway (the
 * price all translated traffic pays); {@code cachedAnswerPacket} is one IPv6 query packet through the whole
 * colocated path with a cache hit: diverter into the ring, the agent's duty cycle (checksum, resolver, answer
 * packet with its checksum, batch into the TX ring), the TX ring drained. Run with {@code -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED", "-Dagrona.disable.bounds.checks=true"})
public class ColocatedDns64Benchmark
{
    private static final long CLIENT_HIGH = 0x20010db800010000L;
    private static final long CLIENT_LOW = 2L;
    private static final long GATEWAY_LOW = 1L;

    private LoopbackStubUpstream upstream;
    private DnsQueryDiverter diverter;
    private Dns64Agent agent;
    private ColocatedDnsCounters counters;
    private OneToOneRingBuffer tx;
    private final UnsafeBuffer query = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private final UnsafeBuffer translated = new UnsafeBuffer(ByteBuffer.allocateDirect(2048));
    private int queryLength;
    private int translatedLength;
    private int drained;
    private final MessageHandler drain = (type, buffer, index, length) -> drained++;

    @Setup(Level.Trial)
    public void setUp() throws Exception
    {
        upstream = new LoopbackStubUpstream();
        final Dns64Config config = Dns64Config.builder()
            .prefix("2001:db8:64::/96")
            .upstream(upstream.address())
            .allowedClients(ClientAddressSet.of(List.of("2001:db8:1::/64")))
            .build();
        final ManyToOneRingBuffer queries = new ManyToOneRingBuffer(
            new UnsafeBuffer(ByteBuffer.allocateDirect((1 << 20) + RingBufferDescriptor.TRAILER_LENGTH)));
        tx = new OneToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect((4 << 20) + RingBufferDescriptor.TRAILER_LENGTH)));
        counters = new ColocatedDnsCounters(CounterSet.inMemoryManager(64));
        final InetAddress gateway = InetAddress.getByName("2001:db8:1::1");
        diverter = new DnsQueryDiverter(queries, List.of(new InetSocketAddress(gateway, 53)),
            List.of(gateway, InetAddress.getByName("198.51.100.1")), counters);
        final BatchWriter writer = new BatchWriter(tx, 128 * 1024, 64);
        agent = new Dns64Agent(new Dns64Resolver(config, Dns64Counters.inMemory("bench"), SystemNanoClock.INSTANCE),
            queries, new BatchWriter[] {writer, writer}, new int[] {1500, 1500}, counters, SystemNanoClock.INSTANCE,
            Throwable::printStackTrace, 64);

        final Message message = Message.newQuery(Record.newRecord(Name.fromString("host0.lab.example."), Type.AAAA, DClass.IN));
        message.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        queryLength = udpPacket(query, message.toWire(), GATEWAY_LOW, 53);
        translatedLength = udpPacket(translated, new byte[64], 0xc633640aL, 7007);

        // The first query goes upstream once; everything after is a cache hit.
        diverter.divert(Family.IPV6, query, 0, queryLength);
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (counters.get(ColocatedDnsCounter.ANSWERS_OUT) == 0 && System.nanoTime() < deadline)
        {
            agent.doWork();
        }
        if (counters.get(ColocatedDnsCounter.ANSWERS_OUT) == 0)
        {
            throw new IllegalStateException("no answer from the stub upstream: " + counters);
        }
        tx.read(drain, Integer.MAX_VALUE);
    }

    /** An IPv6/UDP packet from the client to {@code 2001:db8:1::/64 + destinationLow}, with a valid checksum. */
    private static int udpPacket(final UnsafeBuffer out, final byte[] payload, final long destinationLow, final int port)
    {
        final var ipv6 = new dev.xlat64.core.packet.Ipv6Header().wrap(out, 0);
        final long destinationHigh = destinationLow == 0xc633640aL ? 0x20010db800640000L : CLIENT_HIGH;
        ipv6.version(6).trafficClass(0).flowLabel(0).payloadLength(8 + payload.length).nextHeader(17).hopLimit(64)
            .source(CLIENT_HIGH, CLIENT_LOW).destination(destinationHigh, destinationLow);
        final var udp = new dev.xlat64.core.packet.UdpHeader().wrap(out, 40);
        udp.sourcePort(40000).destinationPort(port).length(8 + payload.length).checksum(0);
        out.putBytes(48, payload);
        final int sum = dev.xlat64.core.checksum.InternetChecksum.add(
            dev.xlat64.core.checksum.InternetChecksum.ipv6PseudoHeaderSum(CLIENT_HIGH, CLIENT_LOW, destinationHigh,
                destinationLow, 17, 8 + payload.length),
            dev.xlat64.core.checksum.InternetChecksum.sum(out, 40, 8 + payload.length));
        udp.checksum(dev.xlat64.core.checksum.InternetChecksum.finish(sum));
        return 48 + payload.length;
    }

    @Benchmark
    public boolean divertTranslatedPacket()
    {
        return diverter.divert(Family.IPV6, translated, 0, translatedLength);
    }

    @Benchmark
    public int cachedAnswerPacket()
    {
        diverter.divert(Family.IPV6, query, 0, queryLength);
        agent.doWork();
        int read = 0;
        // read() may return 0 after consuming only a padding record (STACK.md pitfall 3): drain by position.
        while (tx.consumerPosition() < tx.producerPosition())
        {
            read += tx.read(drain, 1);
        }
        return read;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception
    {
        if (counters.get(ColocatedDnsCounter.ANSWERS_OUT) != counters.get(ColocatedDnsCounter.QUERIES_IN) ||
            counters.get(ColocatedDnsCounter.RING_FULL) != 0)
        {
            throw new IllegalStateException("not every query was answered: " + counters);
        }
        agent.onClose();
        upstream.close();
    }
}
