package dev.xlat64.dns;

import static dev.xlat64.dns.Dns64TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The standalone server over real loopback sockets against a real zone server: synthesis, exclusions, TTL,
 * chains, errors, TC and TCP, DNSSEC bits, PTR, ipv4only.arpa, the ACL.
 */
class Dns64ServerTest
{
    private static ZoneServer zone;
    private static Dns64Server server;
    private static DnsClient client;

    @BeforeAll
    static void start() throws Exception
    {
        zone = new ZoneServer(LabZone.LAB, LabZone.REVERSE);
        server = Dns64Server.start(labConfig(zone).build());
        client = new DnsClient(server.boundAddresses().get(0));
        // Warm the zone server and the JIT on a name no test looks at, so no first-test attempt times out.
        client.udp(DnsClient.query("ns.lab.example.", Type.A, 1232, false, false));
    }

    static Dns64Config.Builder labConfig(final ZoneServer upstream)
    {
        return Dns64Config.builder()
            .prefix("2001:db8:64::/96")
            .prefix("2001:db8:6464::/48")
            .prefix("64:ff9b::/96")
            .upstream(upstream.address())
            .upstreamTimeoutMs(1000)
            .upstreamAttempts(2)
            .excludeIpv6(Ipv6Prefix.parse("2001:db8:bad::/48"))
            .excludeIpv4(Ipv4Prefix.parse("10.0.0.0/8"))
            .allowedClients(ClientAddressSet.of(List.of("127.0.0.1/32", "127.0.0.3/32", "::1/128")))
            .dns64Clients(ClientAddressSet.of(List.of("127.0.0.1/32", "::1/128")))
            .listen(loopback(0));
    }

    @AfterAll
    static void stop() throws Exception
    {
        server.close();
        zone.close();
    }

    @Test
    void shouldSynthesizeUnderEveryPrefixThatPermitsTheAddressWithTheSoaBoundedTtl() throws Exception
    {
        final int aBefore = zone.queries("v4only.lab.example.", Type.A);
        final Message answer = client.udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));

        assertEquals(Rcode.NOERROR, answer.getRcode());
        // 198.51.100.10 is TEST-NET-2, not global: the Well-Known Prefix refuses it (RFC 6052 §3.1).
        assertEquals(Set.of("2001:db8:64::c633:640a", "2001:db8:6464:c633:64:a00::"), aaaa(answer));
        // RFC 6147 §5.1.7: min(A TTL 3600, negative TTL of the AAAA answer = min(SOA TTL 900, MINIMUM 300)).
        assertEquals(List.of(300L, 300L), ttls(answer, Type.AAAA));
        assertEquals(0, count(answer, Section.ANSWER, Type.A), "the A records are replaced");
        assertFalse(answer.getHeader().getFlag(Flags.AD));
        assertTrue(answer.getHeader().getFlag(Flags.RA));
        assertEquals(1, zone.queries("v4only.lab.example.", Type.AAAA));
        assertEquals(1, zone.queries("v4only.lab.example.", Type.A) - aBefore);
    }

    @Test
    void shouldKeepTheATtlWhenItIsShorterThanTheSoaBound() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("short.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(List.of(60L, 60L), ttls(answer, Type.AAAA));
    }

    @Test
    void shouldSynthesizeUnderTheWellKnownPrefixForGlobalAddresses() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("global.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:64::808:404", "2001:db8:6464:808:4:400::", "64:ff9b::808:404"), aaaa(answer));
    }

    @Test
    void shouldReturnRealAaaaRecordsWithoutAskingForA() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("dual.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:1::12"), aaaa(answer));
        assertEquals(List.of(3600L), ttls(answer, Type.AAAA));
        assertEquals(0, zone.queries("dual.lab.example.", Type.A));
    }

    @Test
    void shouldTreatOnlyMappedAaaaAsEmptyAndCapTheTtlAt600WithoutSoa() throws Exception
    {
        final long before = server.total(Dns64Counter.AAAA_EXCLUDED);
        final Message answer = client.udp(DnsClient.query("mapped.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:64::c633:640d", "2001:db8:6464:c633:64:d00::"), aaaa(answer));
        // The AAAA answer was positive (only ::ffff:), so no SOA came with it: min(3600, 600).
        assertEquals(List.of(600L, 600L), ttls(answer, Type.AAAA));
        assertEquals(1, server.total(Dns64Counter.AAAA_EXCLUDED) - before);
    }

    @Test
    void shouldDropExcludedAaaaAndReturnTheRest() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("mixed.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:1::14"), aaaa(answer));
        assertEquals(0, zone.queries("mixed.lab.example.", Type.A));
    }

    @Test
    void shouldSynthesizeWhenAllAaaaLieInAConfiguredExcludedRange() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("excl6.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:64::c633:640f", "2001:db8:6464:c633:64:f00::"), aaaa(answer));
    }

    @Test
    void shouldNotMapARecordsInAnExcludedIpv4Range() throws Exception
    {
        final Message none = client.udp(DnsClient.query("private.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.NOERROR, none.getRcode());
        assertTrue(aaaa(none).isEmpty());
        assertEquals(1, count(none, Section.AUTHORITY, Type.SOA), "the negative AAAA answer goes back");

        final Message some = client.udp(DnsClient.query("privmix.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Set.of("2001:db8:64::c633:6410", "2001:db8:6464:c633:64:1000::"), aaaa(some));
    }

    @Test
    void shouldIncludeTheCnameChainBeforeTheSynthesizedRecords() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("alias.lab.example.", Type.AAAA, 1232, false, false));
        final List<Record> records = answer.getSection(Section.ANSWER);
        assertEquals(4, records.size(), answer.toString());
        assertEquals("alias.lab.example.", records.get(0).getName().toString());
        assertEquals("alias2.lab.example.", ((CNAMERecord)records.get(0)).getTarget().toString());
        assertEquals("v4only.lab.example.", ((CNAMERecord)records.get(1)).getTarget().toString());
        for (final Record record : records.subList(2, 4))
        {
            assertEquals(Type.AAAA, record.getType());
            assertEquals("v4only.lab.example.", record.getName().toString());
        }
        assertEquals(Set.of("2001:db8:64::c633:640a", "2001:db8:6464:c633:64:a00::"), aaaa(answer));
    }

    @Test
    void shouldFollowADnameChain() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("v4only.sub.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(1, count(answer, Section.ANSWER, Type.DNAME), answer.toString());
        assertEquals(1, count(answer, Section.ANSWER, Type.CNAME));
        assertEquals("other.lab.example.", ((DNAMERecord)answer.getSection(Section.ANSWER).get(0)).getTarget().toString());
        assertEquals(Set.of("2001:db8:64::c633:6411", "2001:db8:6464:c633:64:1100::"), aaaa(answer));
    }

    @Test
    void shouldPassNxdomainThroughWithoutAskingForA() throws Exception
    {
        final long before = server.total(Dns64Counter.NXDOMAIN);
        final Message answer = client.udp(DnsClient.query("nope.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.NXDOMAIN, answer.getRcode());
        assertEquals(1, server.total(Dns64Counter.NXDOMAIN) - before, "counted once");
        assertEquals(1, count(answer, Section.AUTHORITY, Type.SOA));
        assertEquals(0, zone.queries("nope.lab.example.", Type.A));
    }

    @Test
    void shouldSynthesizeWhenTheAaaaQueryFailsWithServfail() throws Exception
    {
        // RFC 6147 §5.1.2: an RCODE other than 0 or 3 counts as an empty answer.
        zone.forceRcode("broken.lab.example.", Type.AAAA, Rcode.SERVFAIL);
        final Message answer = client.udp(DnsClient.query("broken.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertEquals(Set.of("2001:db8:64::c633:6412", "2001:db8:6464:c633:64:1200::"), aaaa(answer));
        assertEquals(List.of(600L, 600L), ttls(answer, Type.AAAA), "no SOA came with the failed AAAA answer");
    }

    @Test
    void shouldPassOtherTypesThroughUnchanged() throws Exception
    {
        final Message txt = client.udp(DnsClient.query("txt.lab.example.", Type.TXT, 1232, false, false));
        assertEquals(1, count(txt, Section.ANSWER, Type.TXT));
        final Message a = client.udp(DnsClient.query("v4only.lab.example.", Type.A, 0, false, false));
        assertEquals(1, count(a, Section.ANSWER, Type.A));
        assertEquals("198.51.100.10", ((ARecord)a.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress());
        assertNull(a.getOPT(), "no OPT in the answer to a query without one (RFC 6891 §7)");
    }

    @Test
    void shouldAnswerTheSecondQueryFromTheCacheEchoingTheClientsLetterCase() throws Exception
    {
        client.udp(DnsClient.query("short.lab.example.", Type.TXT, 1232, false, false));
        final int upstreamBefore = zone.queries("short.lab.example.", Type.TXT);
        final long hitsBefore = server.total(Dns64Counter.CACHE_HITS);
        final Message query = DnsClient.query("ShOrT.LaB.eXaMpLe.", Type.TXT, 1232, false, false);
        final byte[] raw = client.udp(query.toWire(), 2000);

        assertEquals(upstreamBefore, zone.queries("short.lab.example.", Type.TXT), "not asked upstream again");
        assertEquals(1, server.total(Dns64Counter.CACHE_HITS) - hitsBefore);
        final byte[] sent = query.toWire();
        final byte[] questionAsked = java.util.Arrays.copyOfRange(sent, 12, 12 + 19);
        assertArrayEquals(questionAsked, java.util.Arrays.copyOfRange(raw, 12, 12 + 19), "question echoed byte for byte");
        assertEquals(query.getHeader().getID(), new Message(raw).getHeader().getID());
    }

    @Test
    void shouldFallBackToTcpUpstreamAndTruncateTheUdpAnswerToTheClient() throws Exception
    {
        final long fallbacks = server.total(Dns64Counter.UPSTREAM_TCP_FALLBACK);
        final Message udpAnswer = client.udp(DnsClient.query("many.lab.example.", Type.AAAA, 1232, false, false));
        assertTrue(udpAnswer.getHeader().getFlag(Flags.TC), "200 AAAA records do not fit 1232 bytes");
        assertEquals(0, udpAnswer.getSection(Section.ANSWER).size());
        assertEquals(1, server.total(Dns64Counter.UPSTREAM_TCP_FALLBACK) - fallbacks, "the 100 A records came over TCP");
        assertTrue(zone.tcpQueries() >= 1);

        final long stores = server.total(Dns64Counter.CACHE_STORES);
        final Message tcpAnswer = client.tcp(DnsClient.query("many.lab.example.", Type.AAAA, 1232, false, false));
        assertFalse(tcpAnswer.getHeader().getFlag(Flags.TC));
        assertEquals(200, aaaa(tcpAnswer).size());
        assertEquals(stores, server.total(Dns64Counter.CACHE_STORES), "a 6 KB answer is not cached (4 KiB bound)");
    }

    @Test
    void shouldTruncateAtFiveHundredTwelveBytesForClientsWithoutEdns() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("many.lab.example.", Type.A, 0, false, false));
        assertTrue(answer.getHeader().getFlag(Flags.TC));
        assertTrue(answer.toWire().length <= 512);
    }

    @Test
    void shouldAnswerPtrForAnIp6ArpaNameUnderAPrefixFromInAddrArpa() throws Exception
    {
        final String name = ReverseMap.fromAddress(InetAddress.getByName("2001:db8:64::c633:640a")).toString();
        final Message answer = client.udp(DnsClient.query(name, Type.PTR, 1232, false, false));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        final List<Record> records = answer.getSection(Section.ANSWER);
        assertEquals(1, records.size(), answer.toString());
        assertEquals(name, records.get(0).getName().toString());
        assertEquals("v4only.lab.example.", ((PTRRecord)records.get(0)).getTarget().toString());
        assertEquals(1, zone.queries("10.100.51.198.in-addr.arpa.", Type.PTR));

        final String under48 = ReverseMap.fromAddress(InetAddress.getByName("2001:db8:6464:c633:64:a00::")).toString();
        final Message again = client.udp(DnsClient.query(under48, Type.PTR, 1232, false, false));
        assertEquals("v4only.lab.example.", ((PTRRecord)again.getSection(Section.ANSWER).get(0)).getTarget().toString());
    }

    @Test
    void shouldAnswerIpv4onlyArpaLocallyWithTheWellKnownAddressesUnderEveryPrefix() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("ipv4only.arpa.", Type.AAAA, 1232, false, false));
        assertEquals(new TreeSet<>(Set.of("2001:db8:64::c000:aa", "2001:db8:64::c000:ab", "2001:db8:6464:c000:0:aa00::",
            "2001:db8:6464:c000:0:ab00::", "64:ff9b::c000:aa", "64:ff9b::c000:ab")), aaaa(answer));
        final Message a = client.udp(DnsClient.query("ipv4only.arpa.", Type.A, 1232, false, false));
        final Set<String> addresses = new TreeSet<>();
        for (final Record record : a.getSection(Section.ANSWER))
        {
            addresses.add(((ARecord)record).getAddress().getHostAddress());
        }
        assertEquals(Set.of("192.0.0.170", "192.0.0.171"), addresses);
        assertEquals(Rcode.NXDOMAIN, client.udp(DnsClient.query("x.ipv4only.arpa.", Type.AAAA, 1232, false, false)).getRcode());
        assertEquals(0, zone.queries("ipv4only.arpa.", Type.AAAA), "never asked upstream");
    }

    @Test
    void shouldRefuseClientsOutsideTheAcl() throws Exception
    {
        final long before = server.total(Dns64Counter.REFUSED_ACL);
        final Message answer = new DnsClient(server.boundAddresses().get(0), "127.0.0.2")
            .udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.REFUSED, answer.getRcode());
        assertEquals(0, answer.getSection(Section.ANSWER).size());
        assertEquals(1, server.total(Dns64Counter.REFUSED_ACL) - before);
    }

    @Test
    void shouldGivePlainAnswersToClientsOutsideTheDns64List() throws Exception
    {
        final Message answer = new DnsClient(server.boundAddresses().get(0), "127.0.0.3")
            .udp(DnsClient.query("short.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertTrue(aaaa(answer).isEmpty(), answer.toString());
        assertEquals(1, count(answer, Section.AUTHORITY, Type.SOA));
    }
}
