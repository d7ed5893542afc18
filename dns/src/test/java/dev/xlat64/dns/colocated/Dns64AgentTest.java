package dev.xlat64.dns.colocated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.core.addr.Ipv6Address;
import dev.xlat64.core.checksum.InternetChecksum;
import dev.xlat64.core.counters.CounterSet;
import dev.xlat64.core.pipeline.BatchWriter;
import dev.xlat64.core.pipeline.Family;
import dev.xlat64.core.pipeline.PacketBatch;
import dev.xlat64.core.testing.PacketBuilder;
import dev.xlat64.dns.ClientAddressSet;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import dev.xlat64.dns.synth.Synthesizer;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.agrona.concurrent.NanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The agent driven by {@code doWork()} with a controlled clock: query packets into its ring, answer packets out
 * of the egress rings (the TX agents' inputs), with a real upstream zone on loopback.
 */
class Dns64AgentTest
{
    private static final String CLIENT6 = "2001:db8:1::2";
    private static final String GATEWAY6 = "2001:db8:1::1";
    private static final String CLIENT4 = "203.0.113.2";
    private static final String GATEWAY4 = "198.51.100.1";

    private final long[] now = {5_000_000_000_000L};
    private final NanoClock clock = () -> now[0];
    private final RingBuffer queries = new ManyToOneRingBuffer(buffer(64 * 1024));
    private final RingBuffer[] tx = {new OneToOneRingBuffer(buffer(256 * 1024)), new OneToOneRingBuffer(buffer(256 * 1024))};
    private final ColocatedDnsCounters counters = new ColocatedDnsCounters(CounterSet.inMemoryManager(64));
    private final Dns64Counters dnsCounters = Dns64Counters.inMemory("dns64");
    private final List<Throwable> errors = new ArrayList<>();
    private ZoneServer zone;
    private Dns64Agent agent;

    @BeforeEach
    void start() throws Exception
    {
        zone = new ZoneServer(LabZone.LAB, LabZone.REVERSE);
        agent = agent(1500, 1400);
    }

    private Dns64Agent agent(final int ipv6Mtu, final int ipv4Mtu) throws Exception
    {
        final Dns64Config config = Dns64Config.builder()
            .prefix("2001:db8:64::/96")
            .upstream(zone.address())
            .upstreamTimeoutMs(1000)
            .upstreamAttempts(2)
            .allowedClients(ClientAddressSet.of(List.of("2001:db8:1::/64", "203.0.113.0/24")))
            .build();
        final BatchWriter[] egress = {
            new BatchWriter(tx[0], 32 * 1024, 64), new BatchWriter(tx[1], 32 * 1024, 64)};
        return new Dns64Agent(new Dns64Resolver(config, dnsCounters, clock), queries, egress,
            new int[] {ipv6Mtu, ipv4Mtu}, counters, clock, errors::add, 64);
    }

    @AfterEach
    void stop() throws Exception
    {
        agent.onClose();
        zone.close();
        assertEquals(List.of(), errors);
    }

    @Test
    void shouldAnswerAnIpv6QueryWithTheSynthesizedAddressThroughTheIpv6Egress() throws Exception
    {
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("v4only.lab.example.", 0x1111)).build());

        final List<byte[]> answers = awaitAnswers(Family.IPV6, 1);

        final UnsafeBuffer packet = new UnsafeBuffer(answers.get(0));
        assertEquals(6, (packet.getByte(0) >> 4) & 0xF);
        assertEquals(64, packet.getByte(7) & 0xFF, "hop limit");
        assertEquals(answers.get(0).length - 40, packet.getShort(4, ByteOrder.BIG_ENDIAN) & 0xFFFF, "payload length");
        assertEquals("20010db8000100000000000000000001" + "20010db8000100000000000000000002",
            dev.xlat64.core.testing.Hex.of(packet, 8, 32), "addresses swapped");
        assertEquals(53, packet.getShort(40, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        assertEquals(40000, packet.getShort(42, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        assertEquals(answers.get(0).length - 40, packet.getShort(44, ByteOrder.BIG_ENDIAN) & 0xFFFF, "UDP length");
        assertEquals(0xFFFF, InternetChecksum.add(InternetChecksum.ipv6PseudoHeaderSum(
            packet.getLong(8, ByteOrder.BIG_ENDIAN), packet.getLong(16, ByteOrder.BIG_ENDIAN),
            packet.getLong(24, ByteOrder.BIG_ENDIAN), packet.getLong(32, ByteOrder.BIG_ENDIAN), 17, answers.get(0).length - 40),
            InternetChecksum.sum(packet, 40, answers.get(0).length - 40)), "UDP checksum verifies");
        final Message answer = dnsOf(answers.get(0), 48);
        assertEquals(0x1111, answer.getHeader().getID());
        final Record aaaa = answer.getSection(Section.ANSWER).get(0);
        final long[] address = Synthesizer.address((AAAARecord)aaaa);
        assertEquals("2001:db8:64::c633:640a", Ipv6Address.format(address[0], address[1]));
        // RFC 6147 §5.1.7: min(A TTL 3600, SOA MINIMUM 300 of the negative AAAA answer).
        assertEquals(300, aaaa.getTTL());
        assertEquals(1, counters.get(ColocatedDnsCounter.QUERIES_IN));
        assertEquals(1, counters.get(ColocatedDnsCounter.ANSWERS_OUT));
        assertEquals(0, tx[Family.IPV4.ordinal()].size(), "nothing through the IPv4 egress");
    }

    @Test
    void shouldAnswerTheSecondQueryFromTheCacheWithinOneDutyCycle() throws Exception
    {
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("v4only.lab.example.", 1)).build());
        awaitAnswers(Family.IPV6, 1);
        now[0] += 10_000_000_000L; // ten seconds later: the TTL counts down

        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40002, 53).payload(dns("v4only.lab.example.", 2)).build());
        agent.doWork();

        final List<byte[]> answers = drain(Family.IPV6);
        assertEquals(1, answers.size(), "answered in the same duty cycle");
        final Message answer = dnsOf(answers.get(0), 48);
        assertEquals(2, answer.getHeader().getID());
        assertEquals(290, answer.getSection(Section.ANSWER).get(0).getTTL());
        assertEquals(1, dnsCounters.get(Dns64Counter.CACHE_HITS));
        assertEquals(2, counters.get(ColocatedDnsCounter.ANSWERS_OUT));
    }

    @Test
    void shouldAnswerAnIpv4QueryThroughTheIpv4EgressWithTtl64() throws Exception
    {
        query(PacketBuilder.ipv4(CLIENT4, GATEWAY4).udp(40001, 53).payload(dns("ipv4only.arpa.", 7)).build());
        agent.doWork(); // ipv4only.arpa is answered locally (RFC 8880): no upstream, no wait

        final List<byte[]> answers = drain(Family.IPV4);
        assertEquals(1, answers.size());
        final UnsafeBuffer packet = new UnsafeBuffer(answers.get(0));
        assertEquals(0x45, packet.getByte(0) & 0xFF);
        assertEquals(64, packet.getByte(8) & 0xFF, "TTL");
        assertEquals(0xFFFF, InternetChecksum.sum(packet, 0, 20), "header checksum verifies");
        assertEquals(53, packet.getShort(20, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        assertEquals(40001, packet.getShort(22, ByteOrder.BIG_ENDIAN) & 0xFFFF);
        final Message answer = dnsOf(answers.get(0), 28);
        assertEquals(7, answer.getHeader().getID());
        assertEquals(2, answer.getSection(Section.ANSWER).size(), "192.0.0.170 and .171 under the one prefix");
    }

    @Test
    void shouldDropAQueryWithABadUdpChecksum() throws Exception
    {
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("ipv4only.arpa.", 3)).checksum(0x1234).build());
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("ipv4only.arpa.", 4)).checksum(0).build());

        agent.doWork();

        assertEquals(List.of(), drain(Family.IPV6));
        assertEquals(2, counters.get(ColocatedDnsCounter.BAD_CHECKSUM));
        assertEquals(0, dnsCounters.get(Dns64Counter.QUERIES));
    }

    @Test
    void shouldDropAnAnswerLargerThanTheEgressMtuRatherThanSendItBroken() throws Exception
    {
        agent.onClose();
        agent = agent(100, 1400);
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("ipv4only.arpa.", 5)).build());

        agent.doWork();

        assertEquals(List.of(), drain(Family.IPV6));
        assertEquals(1, counters.get(ColocatedDnsCounter.TOO_BIG));
        assertEquals(0, counters.get(ColocatedDnsCounter.ANSWERS_OUT));
    }

    @Test
    void shouldAnswerServfailWhenTheUpstreamStaysSilentPastItsDeadlines() throws Exception
    {
        zone.silent(true);
        query(PacketBuilder.ipv6(CLIENT6, GATEWAY6).udp(40000, 53).payload(dns("v4only.lab.example.", 9)).build());
        agent.doWork();
        assertEquals(List.of(), drain(Family.IPV6), "waiting for the upstream");

        // AAAA: two attempts time out; then the A query (RFC 6147 §5.1.3: a failed AAAA leads to A) does too.
        List<byte[]> answers = List.of();
        int steps = 0;
        while (answers.isEmpty() && steps < 8)
        {
            now[0] += 1_001_000_000L;
            agent.doWork();
            answers = drain(Family.IPV6);
            steps++;
        }

        assertEquals(4, steps, "one answer after four timeouts of one second each");
        assertEquals(1, answers.size());
        assertEquals(Rcode.SERVFAIL, dnsOf(answers.get(0), 48).getRcode());
        assertEquals(4, dnsCounters.get(Dns64Counter.UPSTREAM_TIMEOUTS));
    }

    private void query(final byte[] packet)
    {
        assertTrue(queries.write(DnsQueryDiverter.MSG_QUERY, new UnsafeBuffer(packet), 0, packet.length));
    }

    private List<byte[]> awaitAnswers(final Family family, final int count) throws InterruptedException
    {
        final List<byte[]> answers = new ArrayList<>();
        final long deadline = System.nanoTime() + 3_000_000_000L;
        while (answers.size() < count && System.nanoTime() < deadline)
        {
            agent.doWork();
            answers.addAll(drain(family));
            Thread.sleep(1);
        }
        assertEquals(count, answers.size(), "answers within 3 s; counters " + counters + " / " + dnsCounters);
        return answers;
    }

    private List<byte[]> drain(final Family family)
    {
        final List<byte[]> packets = new ArrayList<>();
        tx[family.ordinal()].read((type, buffer, index, length) ->
        {
            final int count = buffer.getInt(index + PacketBatch.COUNT_OFFSET);
            int record = index + PacketBatch.HEADER_LENGTH;
            for (int i = 0; i < count; i++)
            {
                final int packetLength = buffer.getInt(record + PacketBatch.RECORD_LENGTH_OFFSET);
                assertEquals(family.ordinal(), buffer.getInt(record + PacketBatch.RECORD_FAMILY_OFFSET));
                final byte[] bytes = new byte[packetLength];
                buffer.getBytes(record + PacketBatch.RECORD_PACKET_OFFSET, bytes);
                packets.add(bytes);
                record += PacketBatch.recordLength(packetLength);
            }
        });
        return packets;
    }

    private static byte[] dns(final String name, final int id)
    {
        final Message query = DnsClient.query(name, Type.AAAA, 1232, false, false);
        query.getHeader().setID(id);
        return query.toWire();
    }

    private static Message dnsOf(final byte[] packet, final int offset) throws java.io.IOException
    {
        return new Message(java.util.Arrays.copyOfRange(packet, offset, packet.length));
    }

    private static UnsafeBuffer buffer(final int capacity)
    {
        return new UnsafeBuffer(ByteBuffer.allocateDirect(capacity + RingBufferDescriptor.TRAILER_LENGTH));
    }
}
