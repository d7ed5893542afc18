package dev.xlat64.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.util.List;

import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.agrona.concurrent.SystemNanoClock;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The server agent's duty cycle, driven by calling {@code doWork()} directly: a UDP socket that keeps having
 * datagrams is read without the selector and out of its epoll set, and goes back into it once it is empty.
 */
class Dns64ServerAgentTest
{
    @Test
    void shouldDrainABusySocketOutsideTheSelectorAndReturnItWhenEmpty() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             DatagramChannel listen = DatagramChannel.open();
             DatagramChannel client = DatagramChannel.open())
        {
            listen.bind(new InetSocketAddress("127.0.0.1", 0));
            client.bind(new InetSocketAddress("127.0.0.1", 0));
            client.configureBlocking(false);
            final InetSocketAddress target = (InetSocketAddress)listen.getLocalAddress();
            final Dns64Counters counters = Dns64Counters.inMemory("agent");
            final Dns64ServerAgent agent = agent(zone, listen, counters);
            try
            {
                // A miss: the answer comes from the upstream after a few cycles, and then the cache holds it.
                send(client, target, 1);
                assertEquals(List.of(1), answers(agent, client, 1, 2000));
                while (agent.draining(0))
                {
                    agent.doWork();
                }
                final SelectionKey key = agent.endpointKey(0);
                assertEquals(SelectionKey.OP_READ, key.interestOps());

                // A burst: the selector reports it, the batch is answered and the socket leaves the epoll set.
                for (int id = 10; id < 20; id++)
                {
                    send(client, target, id);
                }
                assertEquals(10, agent.doWork());
                assertTrue(agent.draining(0));
                assertEquals(0, key.interestOps());
                assertEquals(ids(10, 20), answers(agent, client, 10, 0));

                // More while draining: read directly, no selector involved.
                for (int id = 20; id < 25; id++)
                {
                    send(client, target, id);
                }
                assertEquals(5, agent.doWork());
                assertTrue(agent.draining(0));
                assertEquals(ids(20, 25), answers(agent, client, 5, 0));

                // Nothing left: back into the epoll set, and the next datagram wakes the selector again.
                assertEquals(0, agent.doWork());
                assertFalse(agent.draining(0));
                assertEquals(SelectionKey.OP_READ, key.interestOps());
                send(client, target, 30);
                assertEquals(1, agent.doWork());
                assertEquals(List.of(30), answers(agent, client, 1, 0));

                assertEquals(16, counters.get(Dns64Counter.CACHE_HITS));
                assertEquals(17, counters.get(Dns64Counter.RESPONSES));
                assertEquals(0, counters.get(Dns64Counter.SEND_FAILED));
            }
            finally
            {
                agent.onClose();
            }
        }
    }

    @Test
    void shouldSendAnswersToOneClientAsSeparateDatagramsThroughOneSegmentedSend() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             DatagramChannel listen = DatagramChannel.open();
             DatagramChannel client = DatagramChannel.open();
             DatagramChannel other = DatagramChannel.open())
        {
            listen.bind(new InetSocketAddress("127.0.0.1", 0));
            client.bind(new InetSocketAddress("127.0.0.1", 0));
            other.bind(new InetSocketAddress("127.0.0.1", 0));
            client.configureBlocking(false);
            other.configureBlocking(false);
            final InetSocketAddress target = (InetSocketAddress)listen.getLocalAddress();
            final Dns64Counters counters = Dns64Counters.inMemory("agent");
            final Dns64ServerAgent agent = agent(zone, listen, counters);
            try
            {
                send(client, target, 1);
                assertEquals(List.of(1), answers(agent, client, 1, 2000));
                // Six answers of one length to one client, two to another, in one batch.
                for (int id = 100; id < 106; id++)
                {
                    send(client, target, id);
                }
                send(other, target, 200);
                send(other, target, 201);
                assertEquals(8, agent.doWork());
                assertEquals(ids(100, 106), answers(agent, client, 6, 0));
                assertEquals(ids(200, 202), answers(agent, other, 2, 0));
                if (agent.endpoint(0) instanceof MmsgUdpEndpoint batched)
                {
                    assertTrue(batched.segmentOffload(), "this kernel took the UDP_SEGMENT sends");
                    assertEquals(2, batched.segmentedSends());
                }
                assertEquals(0, counters.get(Dns64Counter.SEND_FAILED));
            }
            finally
            {
                agent.onClose();
            }
        }
    }

    @Test
    void shouldFallBackToOneSendPerAnswerWhenTheKernelRefusesASegmentedSend() throws Throwable
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             DatagramChannel listen = DatagramChannel.open();
             DatagramChannel client = DatagramChannel.open())
        {
            listen.bind(new InetSocketAddress("127.0.0.1", 0));
            client.bind(new InetSocketAddress("127.0.0.1", 0));
            client.configureBlocking(false);
            org.junit.jupiter.api.Assumptions.assumeTrue(Mmsg.available(), "recvmmsg/sendmmsg unavailable here (not Linux): nothing is grouped");
            // udp(7): a socket sending without UDP checksums (SO_NO_CHECK) gets EINVAL for every UDP_SEGMENT send.
            final java.lang.foreign.Linker linker = java.lang.foreign.Linker.nativeLinker();
            final java.lang.invoke.MethodHandle setsockopt = linker.downcallHandle(linker.defaultLookup().find("setsockopt").orElseThrow(),
                java.lang.foreign.FunctionDescriptor.of(java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT,
                    java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.JAVA_INT, java.lang.foreign.ValueLayout.ADDRESS,
                    java.lang.foreign.ValueLayout.JAVA_INT));
            try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined())
            {
                final int one = 1;
                final int solSocket = 1;
                final int soNoCheck = 11;
                assertEquals(0, (int)setsockopt.invokeExact(Mmsg.fd(listen), solSocket, soNoCheck,
                    arena.allocateFrom(java.lang.foreign.ValueLayout.JAVA_INT, one), 4));
            }
            final InetSocketAddress target = (InetSocketAddress)listen.getLocalAddress();
            final Dns64Counters counters = Dns64Counters.inMemory("agent");
            final Dns64ServerAgent agent = agent(zone, listen, counters);
            try
            {
                send(client, target, 1);
                assertEquals(List.of(1), answers(agent, client, 1, 2000));
                for (int id = 100; id < 104; id++)
                {
                    send(client, target, id);
                }
                assertEquals(4, agent.doWork());
                assertEquals(ids(100, 104), answers(agent, client, 4, 0));
                final MmsgUdpEndpoint batched = (MmsgUdpEndpoint)agent.endpoint(0);
                assertFalse(batched.segmentOffload(), "grouping stops after a refused group");
                assertEquals(0, batched.segmentedSends());
                assertEquals(0, counters.get(Dns64Counter.SEND_FAILED));
            }
            finally
            {
                agent.onClose();
            }
        }
    }

    /** An agent serving {@code listen} alone, asking {@code zone}, sleeping at most 1 ms. */
    private static Dns64ServerAgent agent(final ZoneServer zone, final DatagramChannel listen, final Dns64Counters counters)
        throws Exception
    {
        final Dns64Config config = Dns64Config.builder().prefix("2001:db8:64::/96").upstream(zone.address())
            .listen((InetSocketAddress)listen.getLocalAddress()).build();
        return new Dns64ServerAgent("dns64-test", config, counters, SystemNanoClock.INSTANCE, List.of(listen), List.of(), 1);
    }

    private static void send(final DatagramChannel client, final InetSocketAddress target, final int id) throws Exception
    {
        final Message query = DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false);
        query.getHeader().setID(id);
        client.send(ByteBuffer.wrap(query.toWire()), target);
    }

    /** Reads {@code count} answers, running the agent meanwhile for at most {@code cycles} more cycles. */
    private static List<Integer> answers(final Dns64ServerAgent agent, final DatagramChannel client, final int count, final int cycles)
        throws Exception
    {
        final List<Integer> ids = new java.util.ArrayList<>();
        final ByteBuffer buffer = ByteBuffer.allocate(4096);
        for (int cycle = 0; ids.size() < count; cycle++)
        {
            buffer.clear();
            if (client.receive(buffer) == null)
            {
                if (cycle >= cycles)
                {
                    break;
                }
                agent.doWork();
                continue;
            }
            buffer.flip();
            final byte[] wire = new byte[buffer.remaining()];
            buffer.get(wire);
            final Message answer = new Message(wire);
            assertEquals("2001:db8:64:0:0:0:c633:640a",
                ((org.xbill.DNS.AAAARecord)answer.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress());
            ids.add(answer.getHeader().getID());
        }
        ids.sort(null);
        return ids;
    }

    private static List<Integer> ids(final int from, final int to)
    {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }
}
