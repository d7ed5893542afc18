package dev.xlat64.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.agrona.concurrent.NanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * The engine driven the way a colocated agent drives it: query bytes in, {@code doWork} with a controlled
 * clock, answer bytes out through the handler; no client socket.
 */
class Dns64ResolverTest
{
    private final long[] now = {1_000_000_000_000L};
    private final NanoClock clock = () -> now[0];
    private final List<byte[]> answers = new ArrayList<>();
    private final ResponseHandler handler = (context, response) ->
    {
        final byte[] bytes = new byte[response.remaining()];
        response.get(response.position(), bytes);
        answers.add(bytes);
    };
    private ZoneServer zone;
    private Dns64Resolver resolver;
    private final ClientAddress client = new ClientAddress().ipv4(0x7F000001);

    @BeforeEach
    void start() throws Exception
    {
        zone = new ZoneServer(LabZone.LAB);
        resolver = new Dns64Resolver(Dns64ServerTest.labConfig(zone).build(), Dns64Counters.inMemory("test"), clock);
    }

    @AfterEach
    void stop() throws Exception
    {
        resolver.close();
        zone.close();
    }

    private Message ask(final String name, final int id) throws Exception
    {
        final Message query = DnsClient.query(name, Type.AAAA, 1232, false, false);
        query.getHeader().setID(id);
        final int before = answers.size();
        resolver.resolve(ByteBuffer.wrap(query.toWire()), client, false, null, handler);
        final long deadline = System.nanoTime() + 3_000_000_000L;
        while (answers.size() == before && System.nanoTime() < deadline)
        {
            if (resolver.doWork(now[0]) == 0)
            {
                Thread.sleep(1);
            }
        }
        assertEquals(before + 1, answers.size(), "one answer");
        return new Message(answers.get(before));
    }

    @Test
    void shouldCountCachedTtlsDownAndGoUpstreamAgainAfterExpiry() throws Exception
    {
        final Message first = ask("v4only.lab.example.", 1);
        assertEquals(List.of(300L, 300L), Dns64TestSupport.ttls(first, Type.AAAA));
        assertEquals(1, zone.queries("v4only.lab.example.", Type.A));

        now[0] += 100_000_000_000L;
        final int before = answers.size();
        final Message query = DnsClient.query("V4ONLY.lab.example.", Type.AAAA, 1232, false, false);
        query.getHeader().setID(0xBEEF);
        resolver.resolve(ByteBuffer.wrap(query.toWire()), client, false, null, handler);
        assertEquals(before + 1, answers.size(), "a cache hit is answered inside resolve()");
        final Message second = new Message(answers.get(before));
        assertEquals(0xBEEF, second.getHeader().getID());
        assertEquals("V4ONLY.lab.example.", second.getQuestion().getName().toString());
        assertEquals(List.of(200L, 200L), Dns64TestSupport.ttls(second, Type.AAAA));
        assertEquals(1, zone.queries("v4only.lab.example.", Type.A));

        now[0] += 201_000_000_000L;
        final Message third = ask("v4only.lab.example.", 3);
        assertEquals(List.of(300L, 300L), Dns64TestSupport.ttls(third, Type.AAAA));
        assertEquals(2, zone.queries("v4only.lab.example.", Type.A), "expired: asked again");
    }

    @Test
    void shouldCacheNegativeAnswersForTheSoaNegativeTtl() throws Exception
    {
        ask("nope.lab.example.", 1);
        now[0] += 299_000_000_000L;
        ask("nope.lab.example.", 2);
        assertEquals(1, zone.queries("nope.lab.example.", Type.AAAA));
        now[0] += 2_000_000_000L;
        ask("nope.lab.example.", 3);
        assertEquals(2, zone.queries("nope.lab.example.", Type.AAAA));
    }

    @Test
    void shouldNotAllocateOnTheCacheHitPath() throws Exception
    {
        ask("v4only.lab.example.", 1);
        final ByteBuffer query = ByteBuffer.allocateDirect(512);
        query.put(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false).toWire()).flip();
        final int[] hits = {0};
        final ResponseHandler counting = (context, response) -> hits[0] += response.remaining() > 0 ? 1 : 0;
        for (int i = 0; i < 20_000; i++)
        {
            resolver.resolve(query, client, false, null, counting);
        }
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long id = Thread.currentThread().threadId();
        final long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 100_000; i++)
        {
            resolver.resolve(query, client, false, null, counting);
        }
        final long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertEquals(120_000, hits[0]);
        assertTrue(allocated < 100_000, "100k cache hits allocated " + allocated + " bytes");
    }
}
