package dev.xlat64.dns.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.List;

import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.Dns64Counters;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class UpstreamClientTest
{
    @Test
    void shouldFailAtOnceInsteadOfWaitingForAFreeIdWhenTooManyQuestionsAreInFlight() throws Exception
    {
        final long[] now = {0};
        final Dns64Counters counters = Dns64Counters.inMemory("test");
        try (DatagramChannel silent = DatagramChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
             UpstreamClient client = new UpstreamClient(List.of((InetSocketAddress)silent.getLocalAddress()), 100, 1, 1232, 2,
                 counters, () -> now[0]))
        {
            final int[] failures = {0};
            final UpstreamListener listener = new UpstreamListener()
            {
                @Override
                public void onAnswer(final Message answer)
                {
                }

                @Override
                public void onFailure()
                {
                    failures[0]++;
                }
            };
            for (int i = 0; i < 3; i++)
            {
                client.query(Name.fromString("q" + i + ".lab.example."), Type.A, DClass.IN, false, false, listener, now[0]);
            }
            assertEquals(1, failures[0], "the third question fails at once");
            assertEquals(1, counters.get(Dns64Counter.UPSTREAM_OVERLOAD));
            assertEquals(2, client.outstanding());

            now[0] += 100_000_000L;
            client.doWork(now[0]);
            assertEquals(3, failures[0], "the other two time out after 100 ms (one attempt each)");
            assertEquals(0, client.outstanding());
            assertEquals(2, counters.get(Dns64Counter.UPSTREAM_TIMEOUTS));
        }
    }
}
