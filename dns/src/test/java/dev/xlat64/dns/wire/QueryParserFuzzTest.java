package dev.xlat64.dns.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import dev.xlat64.dns.ClientAddress;
import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import dev.xlat64.dns.Dns64Resolver;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Random and mutated messages: the parser never throws, and the resolver answers each with a well-formed
 * message carrying the query's ID (or drops it) without an internal error.
 */
class QueryParserFuzzTest
{
    private static final byte[] VALID;

    static
    {
        try
        {
            final Message query = Message.newQuery(Record.newRecord(Name.fromString("v4only.lab.example."), Type.AAAA, DClass.IN));
            query.addRecord(new OPTRecord(1232, 0, 0, ExtendedFlags.DO), Section.ADDITIONAL);
            VALID = query.toWire();
        }
        catch (final Exception ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    private static final long SEED = 0x64_6E_73_36_34L;

    /** The valid query, half the time cut at a random length, with zero to three random bytes overwritten. */
    private static byte[] mutate(final SplittableRandom random)
    {
        final int length = random.nextBoolean() ? VALID.length : Math.max(2, random.nextInt(VALID.length + 1));
        final byte[] copy = java.util.Arrays.copyOf(VALID, length);
        final int count = random.nextInt(4);
        for (int i = 0; i < count; i++)
        {
            copy[random.nextInt(copy.length)] = (byte)random.nextInt(256);
        }
        return copy;
    }

    @Test
    void shouldNeverThrowOnRandomBytes()
    {
        final SplittableRandom random = new SplittableRandom(SEED);
        final QueryParser parser = new QueryParser();
        for (int n = 0; n < 20_000; n++)
        {
            final byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            if (n % 2 == 0 && bytes.length > 5)
            {
                bytes[4] = 0;
                bytes[5] = 1; // QDCOUNT 1, so the walk gets past the header more often
            }
            final QueryFault fault = parser.parse(ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN));
            if (fault == QueryFault.NONE)
            {
                assertTrue(parser.nameLength() >= 1 && parser.questionEnd() <= bytes.length, "seed " + SEED + " n " + n);
            }
        }
    }

    @Test
    void shouldAnswerEveryMutatedQueryWithAWellFormedMessageOrDropIt() throws Exception
    {
        // No upstream answers (port 9 on loopback): misses stay pending; what matters is that nothing throws and
        // every immediate answer parses and carries the query's ID.
        final SplittableRandom random = new SplittableRandom(SEED);
        final Dns64Counters counters = Dns64Counters.inMemory("fuzz");
        final List<byte[]> answers = new ArrayList<>();
        try (Dns64Resolver resolver = new Dns64Resolver(Dns64Config.builder()
            .upstream(new InetSocketAddress("127.0.0.1", 9)).upstreamTimeoutMs(50).build(), counters, System::nanoTime))
        {
            for (int n = 0; n < 5_000; n++)
            {
                final byte[] bytes = mutate(random);
                answers.clear();
                resolver.resolve(ByteBuffer.wrap(bytes), new ClientAddress().ipv4(0x7F000001), false, null, (context, response) ->
                {
                    final byte[] copy = new byte[response.remaining()];
                    response.get(response.position(), copy);
                    answers.add(copy);
                });
                assertEquals(0, counters.get(Dns64Counter.INTERNAL_ERRORS), "seed " + SEED + " n " + n);
                for (final byte[] answer : answers)
                {
                    final Message parsed = new Message(answer);
                    assertTrue(parsed.getHeader().getFlag(Flags.QR), "seed " + SEED + " n " + n);
                    assertEquals(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF), parsed.getHeader().getID(), "seed " + SEED + " n " + n);
                }
                resolver.doWork(System.nanoTime());
            }
        }
        assertTrue(counters.get(Dns64Counter.FORMERR) > 100, "the mutations reach the FORMERR paths: " + counters);
        assertTrue(counters.get(Dns64Counter.CACHE_MISSES) > 100, "and some stay valid: " + counters);
    }
}
