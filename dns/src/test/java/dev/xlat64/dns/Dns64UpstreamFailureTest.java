package dev.xlat64.dns;

import static dev.xlat64.dns.Dns64TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Upstreams that are dead, silent, or change the letter case of the question.
 */
class Dns64UpstreamFailureTest
{
    @Test
    void shouldAnswerServfailAfterTheTimeoutWhenTheOnlyUpstreamIsSilent() throws Exception
    {
        try (ZoneServer silent = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(silent).upstreamTimeoutMs(100).upstreamAttempts(2).build()))
        {
            silent.silent(true);
            final long start = System.nanoTime();
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
            final long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(Rcode.SERVFAIL, answer.getRcode());
            // RFC 6147 §5.1.3: the AAAA timeout counts as an empty answer, so A was tried too: 2 + 2 attempts.
            assertEquals(2, silent.queries("v4only.lab.example.", Type.AAAA));
            assertEquals(2, silent.queries("v4only.lab.example.", Type.A));
            assertEquals(4, server.total(Dns64Counter.UPSTREAM_TIMEOUTS));
            assertEquals(1, server.total(Dns64Counter.SERVFAIL_UPSTREAM));
            assertTrue(elapsedMs >= 400, "answered after four 100 ms timeouts, not before: " + elapsedMs + " ms");
        }
    }

    @Test
    void shouldAnswerServfailWhenNothingListensOnTheUpstreamPort() throws Exception
    {
        final ZoneServer closed = new ZoneServer(LabZone.LAB);
        final Dns64Config.Builder config = Dns64ServerTest.labConfig(closed).upstreamTimeoutMs(100).upstreamAttempts(1);
        closed.close();
        try (Dns64Server server = Dns64Server.start(config.build()))
        {
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query("txt.lab.example.", Type.TXT, 1232, false, false));
            assertEquals(Rcode.SERVFAIL, answer.getRcode());
            assertEquals(1, server.total(Dns64Counter.SERVFAIL_UPSTREAM));
        }
    }

    @Test
    void shouldFailOverToTheNextUpstreamAndPreferItAfterwards() throws Exception
    {
        try (ZoneServer dead = new ZoneServer(LabZone.LAB);
             ZoneServer alive = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(dead).upstream(alive.address())
                 .upstreamTimeoutMs(150).upstreamAttempts(2).build()))
        {
            dead.silent(true);
            final DnsClient client = new DnsClient(server.boundAddresses().get(0));
            final Message first = client.udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
            assertEquals(Set.of("2001:db8:64::c633:640a", "2001:db8:6464:c633:64:a00::"), aaaa(first));
            assertEquals(1, server.total(Dns64Counter.UPSTREAM_FAILOVER));

            final Message second = client.udp(DnsClient.query("short.lab.example.", Type.AAAA, 1232, false, false));
            assertEquals(2, aaaa(second).size());
            assertEquals(0, dead.queries("short.lab.example.", Type.AAAA), "the live upstream is now preferred");
            assertEquals(1, server.total(Dns64Counter.UPSTREAM_FAILOVER));
        }
    }

    @Test
    void shouldMatchAnUpstreamAnswerWhoseQuestionChangedLetterCase() throws Exception
    {
        try (ZoneServer upper = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(upper).build()))
        {
            upper.upperCaseQuestion(true);
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertEquals(2, aaaa(answer).size());
            assertEquals("v4only.lab.example.", answer.getQuestion().getName().toString(), "the client's case comes back");
            assertEquals(0, server.total(Dns64Counter.UPSTREAM_MISMATCH));
        }
    }
}
