package dev.xlat64.core.pipeline;

import static dev.xlat64.core.pipeline.Frames.ethernet;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.CachedNanoClock;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.status.CountersManager;
import org.junit.jupiter.api.Test;

/**
 * Two ports, two workers: RX agents, workers and TX agents wired by rings as the gateway wires them, each agent
 * driven by calling doWork(). The processor passes packets through to the other family unchanged, so the test
 * sees exactly which port each packet leaves by.
 */
class InMemoryPipelineTest
{
    private static final int WORKERS = 2;

    @Test
    void shouldCarryPacketsFromEachPortThroughAWorkerToTheOtherPort()
    {
        final FakePort v6 = new FakePort("v6", 0x020000000006L);
        final FakePort v4 = new FakePort("v4", 0x020000000004L);
        final FakePort[] ports = {v6, v4};
        final CountersManager counters = Rings.counters();
        final CachedNanoClock clock = new CachedNanoClock();
        final RingBuffer[][] rxToWorker = new RingBuffer[2][WORKERS];
        final RingBuffer[][] workerToTx = new RingBuffer[WORKERS][2];
        for (int p = 0; p < 2; p++)
        {
            for (int w = 0; w < WORKERS; w++)
            {
                rxToWorker[p][w] = Rings.ring(128 * 1024);
                workerToTx[w][p] = Rings.ring(128 * 1024);
            }
        }
        final PacketProcessor passToOtherSide = new PacketProcessor()
        {
            @Override
            public int headroom()
            {
                return 0;
            }

            @Override
            public int tailroom()
            {
                return 0;
            }

            @Override
            public void process(
                final Family ingress, final MutableDirectBuffer buffer, final int offset, final int length,
                final EgressSink sink)
            {
                sink.emit(ingress == Family.IPV6 ? Family.IPV4 : Family.IPV6, buffer, offset, length);
            }
        };
        final RxAgent[] rx = new RxAgent[2];
        final TxAgent[] tx = new TxAgent[2];
        final WorkerAgent[] workers = new WorkerAgent[WORKERS];
        for (int p = 0; p < 2; p++)
        {
            final BatchWriter[] writers = new BatchWriter[WORKERS];
            final RingBuffer[] txInputs = new RingBuffer[WORKERS];
            for (int w = 0; w < WORKERS; w++)
            {
                writers[w] = new BatchWriter(rxToWorker[p][w], Rings.BATCH_BYTES, 64);
                txInputs[w] = workerToTx[w][p];
            }
            rx[p] = new RxAgent(p, ports[p], writers, new AddressHashWorkerSelector(), RxDiverter.NONE,
                NeighborFrameHandler.NONE, new RxCounters(counters, ports[p].name()), clock, Throwable::printStackTrace,
                64);
            tx[p] = new TxAgent(p, ports[p], txInputs, null, NextHopResolver.fixed(0x02000000000AL, 0x02000000000BL),
                new TxCounters(counters, ports[p].name()), clock, Throwable::printStackTrace, 8);
        }
        for (int w = 0; w < WORKERS; w++)
        {
            // Port 0 is the IPv6 side, port 1 the IPv4 side.
            final BatchWriter[] egress = {
                new BatchWriter(workerToTx[w][0], Rings.BATCH_BYTES, 64),
                new BatchWriter(workerToTx[w][1], Rings.BATCH_BYTES, 64)};
            workers[w] = new WorkerAgent("worker-" + w, new RingBuffer[] {rxToWorker[0][w], rxToWorker[1][w]}, egress,
                passToOtherSide, new WorkerCounters(counters, "worker-" + w), clock, Throwable::printStackTrace,
                PacketBatch.maxPacketLength(Rings.BATCH_BYTES), 8);
        }
        final int clients = 40;
        for (int i = 0; i < clients; i++)
        {
            v6.toReceive.add(ethernet(0x86DD, Frames.ipv6Udp(String.format("20010db80001000000000000000000%02x", i), i)));
            v4.toReceive.add(ethernet(0x0800, Frames.ipv4Udp(String.format("cb0071%02x", i), i)));
        }

        for (final RxAgent agent : rx)
        {
            agent.doWork();
        }
        int worked = 0;
        for (final WorkerAgent worker : workers)
        {
            worked += worker.doWork() > 0 ? 1 : 0;
        }
        for (final TxAgent agent : tx)
        {
            agent.doWork();
        }

        assertEquals(WORKERS, worked, "both workers got a share of 40 sources");
        assertEquals(clients, v4.sent.size());
        assertEquals(clients, v6.sent.size());
        // Each flow keeps its order; the IPv6 packets leave by the IPv4 port with the IPv4 Ethernet type and next hop.
        final byte[] first = v4.sent.stream().filter(f -> f.length == 14 + 48).findFirst().orElseThrow();
        final byte[] expected = ethernet(0x0800,
            Frames.ipv6Udp("20010db8000100000000000000000000", 0));
        System.arraycopy(Frames.HEX.parseHex("02000000000b" + "020000000004"), 0, expected, 0, 12);
        assertArrayEquals(expected, first);
    }
}
