package dev.xlat64.core.pipeline;

import static dev.xlat64.core.pipeline.Frames.ethernet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.junit.jupiter.api.Test;

class RxAgentTest
{
    private static final String CLIENT_A = "20010db8000100000000000000000002";
    private static final String CLIENT_B = "20010db8000100000000000000000003";

    private final FakePort port = new FakePort("v6", 0x020000000001L);
    private final RingBuffer[] rings = {Rings.ring(128 * 1024), Rings.ring(128 * 1024)};
    private final RxCounters counters = new RxCounters(Rings.counters(), "v6");
    private final CachedNanoClock clock = new CachedNanoClock();
    private final List<Throwable> logged = new ArrayList<>();
    private final List<byte[]> neighborFrames = new ArrayList<>();
    private WorkerSelector selector = new AddressHashWorkerSelector();
    private RxDiverter diverter = RxDiverter.NONE;

    private RxAgent agent(final int frameLimit)
    {
        final BatchWriter[] writers = new BatchWriter[rings.length];
        for (int i = 0; i < rings.length; i++)
        {
            writers[i] = new BatchWriter(rings[i], Rings.BATCH_BYTES, 64);
        }
        final NeighborFrameHandler neighbors = (portIndex, buffer, offset, length) ->
        {
            final byte[] frame = new byte[length];
            buffer.getBytes(offset, frame);
            neighborFrames.add(frame);
        };
        return new RxAgent(0, port, writers, selector, (family, buffer, offset, length) ->
            diverter.divert(family, buffer, offset, length), neighbors, counters, clock, logged::add, frameLimit);
    }

    @Test
    void shouldHandEachIpPacketWithoutEthernetHeaderToTheWorkerTheSelectorPicks()
    {
        selector = new WorkerSelector()
        {
            @Override
            public int select6to4(final DirectBuffer buffer, final int offset, final int workers)
            {
                return buffer.getByte(offset + 23) == 2 ? 0 : 1; // last byte of the source address
            }

            @Override
            public int select4to6(final DirectBuffer buffer, final int offset, final int workers)
            {
                return 1;
            }
        };
        final byte[] fromA = Frames.ipv6Udp(CLIENT_A, 10);
        final byte[] fromB = Frames.ipv6Udp(CLIENT_B, 20);
        final byte[] toA = Frames.ipv4Udp("cb007102", 30);
        port.toReceive.add(ethernet(0x86DD, fromA));
        port.toReceive.add(ethernet(0x86DD, fromB));
        port.toReceive.add(ethernet(0x0800, toA));

        assertEquals(3, agent(64).doWork());

        final List<Rings.Packet> worker0 = Rings.drain(rings[0]);
        final List<Rings.Packet> worker1 = Rings.drain(rings[1]);
        assertEquals(1, worker0.size());
        assertEquals(Family.IPV6, worker0.get(0).family());
        assertArrayEquals(fromA, worker0.get(0).bytes());
        assertEquals(2, worker1.size());
        assertArrayEquals(fromB, worker1.get(0).bytes());
        assertEquals(Family.IPV4, worker1.get(1).family());
        assertArrayEquals(toA, worker1.get(1).bytes());
        assertEquals(2, counters.packets(Family.IPV6));
        assertEquals(fromA.length + fromB.length, counters.bytes(Family.IPV6));
        assertEquals(1, counters.packets(Family.IPV4));
        assertEquals(toA.length, counters.bytes(Family.IPV4));
    }

    @Test
    void shouldPublishOneBatchPerWorkerPerDutyCycle()
    {
        rings[1] = Rings.ring(128 * 1024);
        for (int i = 0; i < 5; i++)
        {
            port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, i)));
        }
        final RxAgent agent = agent(3);
        assertEquals(3, agent.doWork());
        assertEquals(2, agent.doWork());
        assertEquals(0, agent.doWork());

        final int[] batches = new int[1];
        final List<Rings.Packet> all = new ArrayList<>(Rings.drain(rings[0], batches));
        all.addAll(Rings.drain(rings[1], batches));
        assertEquals(5, all.size());
        assertEquals(2, batches[0]);
    }

    @Test
    void shouldTrimEthernetPaddingToTheIpv4TotalLengthAndIpv6PayloadLength()
    {
        final byte[] small4 = Frames.ipv4Udp("cb007102", 0);  // 28 bytes, padded to a 60-byte frame
        final byte[] small6 = Frames.ipv6Udp(CLIENT_A, 0);    // 48 bytes, frame 62: not padded, but checked too
        port.toReceive.add(Frames.padded(ethernet(0x0800, small4)));
        port.toReceive.add(Frames.padded(ethernet(0x86DD, small6)));
        rings[1] = rings[0];

        agent(64).doWork();

        final List<Rings.Packet> packets = Rings.drain(rings[0]);
        assertArrayEquals(small4, packets.get(0).bytes());
        assertArrayEquals(small6, packets.get(1).bytes());
        assertEquals(28, counters.bytes(Family.IPV4));
    }

    @Test
    void shouldGiveArpAndNeighborDiscoveryToTheNeighborHandlerAndNotToAWorker()
    {
        final byte[] arp = ethernet(0x0806, Frames.HEX.parseHex(
            "0001080006040001020000000002c6336401000000000000c633640a"));
        final byte[] solicitation = ethernet(0x86DD, Frames.ipv6NeighborSolicitation());
        port.toReceive.add(arp);
        port.toReceive.add(solicitation);

        agent(64).doWork();

        assertEquals(2, neighborFrames.size());
        assertArrayEquals(arp, neighborFrames.get(0));
        assertArrayEquals(solicitation, neighborFrames.get(1));
        assertEquals(2, counters.neighborFrames());
        assertEquals(0, counters.packets(Family.IPV6));
        assertTrue(Rings.drain(rings[0]).isEmpty());
        assertTrue(Rings.drain(rings[1]).isEmpty());
    }

    @Test
    void shouldCountAndIgnoreNonIpTruncatedAndMislabelledFrames()
    {
        port.toReceive.add(ethernet(0x88CC, new byte[46]));                           // LLDP
        port.toReceive.add(Arrays.copyOf(ethernet(0x86DD, new byte[0]), 10));        // shorter than Ethernet
        port.toReceive.add(ethernet(0x86DD, Arrays.copyOf(Frames.ipv6Udp(CLIENT_A, 0), 39))); // IPv6 header cut
        port.toReceive.add(ethernet(0x0800, Frames.ipv6Udp(CLIENT_A, 0)));           // IPv6 inside an IPv4 type

        agent(64).doWork();

        assertEquals(1, counters.otherFrames());
        assertEquals(2, counters.truncated());
        assertEquals(1, counters.versionMismatch());
        assertTrue(Rings.drain(rings[0]).isEmpty());
        assertTrue(Rings.drain(rings[1]).isEmpty());
    }

    @Test
    void shouldCountRingFullAndKeepGoingWhenAWorkerRingHasNoRoom()
    {
        rings[0] = Rings.ring(128 * 1024);
        rings[1] = rings[0];
        final RxAgent agent = agent(1);
        int offered = 0;
        // Each duty cycle claims a 16 KiB batch; a 128 KiB ring holds 7 of them (each with its 8-byte record header).
        for (int i = 0; i < 10; i++)
        {
            port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 100)));
            agent.doWork();
            offered++;
        }
        final List<Rings.Packet> delivered = Rings.drain(rings[0]);
        assertEquals(7, delivered.size());
        assertEquals(offered - delivered.size(), counters.workerRingFull());

        port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 100)));
        agent.doWork();
        assertEquals(1, Rings.drain(rings[0]).size());
    }

    @Test
    void shouldLetTheDiverterTakeAPacketBeforeAnyWorker()
    {
        diverter = (family, buffer, offset, length) -> family == Family.IPV4;
        port.toReceive.add(ethernet(0x0800, Frames.ipv4Udp("c6336401", 4)));
        port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 4)));
        rings[1] = rings[0];

        agent(64).doWork();

        final List<Rings.Packet> packets = Rings.drain(rings[0]);
        assertEquals(1, packets.size());
        assertEquals(Family.IPV6, packets.get(0).family());
        assertEquals(1, counters.diverted());
        assertEquals(1, counters.packets(Family.IPV4));
    }

    @Test
    void shouldCountAndLogOnceAnExceptionAndKeepRunning()
    {
        selector = new WorkerSelector()
        {
            @Override
            public int select6to4(final DirectBuffer buffer, final int offset, final int workers)
            {
                throw new IllegalStateException("selector bug");
            }

            @Override
            public int select4to6(final DirectBuffer buffer, final int offset, final int workers)
            {
                return 0;
            }
        };
        port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 1)));
        port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 1)));
        port.toReceive.add(ethernet(0x0800, Frames.ipv4Udp("cb007102", 1)));
        final RxAgent agent = agent(64);

        agent.doWork();
        port.failNextReceive = new IllegalArgumentException("port bug");
        agent.doWork();

        assertEquals(3, counters.agentErrors());
        assertEquals(2, logged.size());
        assertEquals(1, Rings.drain(rings[0]).size());
    }

    @Test
    void shouldStopTakingFramesWhenStopped()
    {
        port.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(CLIENT_A, 1)));
        final RxAgent agent = agent(64);
        agent.stopReceiving();
        assertEquals(false, agent.isStopped());

        assertEquals(0, agent.doWork());
        assertEquals(true, agent.isStopped());
        assertEquals(1, port.toReceive.size());
    }

    @Test
    void shouldPublishTheLongestGapBetweenDutyCycles()
    {
        final RxAgent agent = agent(64);
        clock.update(1_000);
        agent.doWork();
        clock.update(1_500);
        agent.doWork();
        clock.update(9_500);
        agent.doWork();
        clock.update(9_600);
        agent.doWork();

        assertEquals(8_000, counters.dutyCycleMaxNs());
    }
}
