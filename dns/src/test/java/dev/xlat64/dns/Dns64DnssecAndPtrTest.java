package dev.xlat64.dns;

import static dev.xlat64.dns.Dns64TestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 6147 §5.5 (DO and CD) against a zone server that signs (fake RRSIGs) and sets AD, and the CNAME form
 * of PTR answers (§5.3.1).
 */
class Dns64DnssecAndPtrTest
{
    @Test
    void shouldPassTheAnswerUntouchedWithoutSynthesisWhenDoAndCdAreSet() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            zone.signed(true);
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query("v4sec.lab.example.", Type.AAAA, 1232, true, true));
            assertEquals(Rcode.NOERROR, answer.getRcode());
            assertTrue(aaaa(answer).isEmpty(), "no synthesis for a validating client");
            assertEquals(1, count(answer, Section.AUTHORITY, Type.SOA));
            assertTrue(answer.getHeader().getFlag(Flags.CD));
            assertTrue(answer.getHeader().getFlag(Flags.AD), "upstream's AD passed on to a DO client");
            assertTrue((answer.getOPT().getFlags() & ExtendedFlags.DO) != 0);
            assertEquals(0, zone.queries("v4sec.lab.example.", Type.A));
            assertEquals(1, server.total(Dns64Counter.DNSSEC_PASSTHROUGH));
        }
    }

    @Test
    void shouldSynthesizeWithoutSignaturesAndWithoutAdWhenDoIsSetWithoutCd() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            zone.signed(true);
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query("alias.lab.example.", Type.AAAA, 1232, true, false));
            assertEquals(Set.of("2001:db8:64::c633:640a", "2001:db8:6464:c633:64:a00::"), aaaa(answer));
            assertEquals(2, count(answer, Section.ANSWER, Type.CNAME));
            assertNoSignatures(answer);
            assertFalse(answer.getHeader().getFlag(Flags.AD));
        }
    }

    @Test
    void shouldPassRealSignedAaaaWithSignaturesAndAd() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            zone.signed(true);
            final DnsClient client = new DnsClient(server.boundAddresses().get(0));
            final Message answer = client.udp(DnsClient.query("dual.lab.example.", Type.AAAA, 1232, true, false));
            assertEquals(Set.of("2001:db8:1::12"), aaaa(answer));
            assertEquals(1, count(answer, Section.ANSWER, Type.RRSIG));
            assertTrue(answer.getHeader().getFlag(Flags.AD));

            // The same name without DO: a different cache entry, no signatures, no AD (RFC 6840 §5.8).
            final Message plain = client.udp(DnsClient.query("dual.lab.example.", Type.AAAA, 1232, false, false));
            assertNoSignatures(plain);
            assertFalse(plain.getHeader().getFlag(Flags.AD));
        }
    }

    @Test
    void shouldAnswerPtrWithACnameToTheInAddrArpaNameInCnameMode() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB, LabZone.REVERSE);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).ptrMode(PtrMode.CNAME).build()))
        {
            final String name = ReverseMap.fromAddress(InetAddress.getByName("2001:db8:64::c633:640a")).toString();
            final Message answer = new DnsClient(server.boundAddresses().get(0))
                .udp(DnsClient.query(name, Type.PTR, 1232, false, false));
            final List<Record> records = answer.getSection(Section.ANSWER);
            assertEquals(2, records.size(), answer.toString());
            assertEquals(name, records.get(0).getName().toString());
            assertEquals("10.100.51.198.in-addr.arpa.", ((CNAMERecord)records.get(0)).getTarget().toString());
            assertEquals("10.100.51.198.in-addr.arpa.", records.get(1).getName().toString());
            assertEquals("v4only.lab.example.", ((PTRRecord)records.get(1)).getTarget().toString());
        }
    }

    @Test
    void shouldForwardPtrQueriesOutsideEveryPrefix() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB, LabZone.REVERSE);
             Dns64Server server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build()))
        {
            final String name = ReverseMap.fromAddress(InetAddress.getByName("2001:db8:1::12")).toString();
            new DnsClient(server.boundAddresses().get(0)).udp(DnsClient.query(name, Type.PTR, 1232, false, false));
            assertEquals(2, zone.queries(name, Type.PTR), "asked as is (REFUSED by the zone server, then retried)");
            assertEquals(0, server.total(Dns64Counter.PTR_SYNTHESIZED));
        }
    }
}
