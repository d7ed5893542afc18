package dev.xlat64.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;

import dev.xlat64.dns.server.Dns64Server;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Malformed wire input over a real socket: each gets the exact answer bytes expected (or none), is counted,
 * and the server keeps answering.
 */
class Dns64MalformedInputTest
{
    private static final HexFormat HEX = HexFormat.of();
    /** Header: ID 0x1234, RD, QDCOUNT 1; question v4only.lab.example. AAAA IN. */
    private static final String HEADER = "1234" + "0100" + "0001" + "0000" + "0000" + "0000";
    private static final String QNAME = "06" + "76346f6e6c79" + "03" + "6c6162" + "07" + "6578616d706c65" + "00";
    private static final String QUESTION = QNAME + "001c" + "0001";

    private static ZoneServer zone;
    private static Dns64Server server;
    private static DnsClient client;

    @BeforeAll
    static void start() throws Exception
    {
        zone = new ZoneServer(LabZone.LAB);
        server = Dns64Server.start(Dns64ServerTest.labConfig(zone).build());
        client = new DnsClient(server.boundAddresses().get(0));
    }

    @AfterAll
    static void stop() throws Exception
    {
        server.close();
        zone.close();
    }

    private static byte[] send(final String hex) throws Exception
    {
        return client.udp(HEX.parseHex(hex), 500);
    }

    private static void assertStillServing() throws Exception
    {
        final Message answer = client.udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
        assertEquals(Rcode.NOERROR, answer.getRcode());
        assertEquals(2, Dns64TestSupport.aaaa(answer).size());
    }

    @Test
    void shouldHaveAWellFormedBaseQuery() throws Exception
    {
        assertEquals("v4only.lab.example.", new Message(HEX.parseHex(HEADER + QUESTION)).getQuestion().getName().toString());
    }

    @Test
    void shouldAnswerFormerrWithoutAQuestionWhenTheQuestionIsTruncated() throws Exception
    {
        final long before = server.total(Dns64Counter.FORMERR);
        // QDCOUNT 1 but the name stops after "v4only".
        final byte[] answer = send(HEADER + QNAME.substring(0, 14));
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0000" + "0000" + "0000" + "0000"), answer);
        assertEquals(1, server.total(Dns64Counter.FORMERR) - before);
        assertStillServing();
    }

    @Test
    void shouldAnswerFormerrToACompressionPointerInTheQuestion() throws Exception
    {
        // The name is a pointer to itself (offset 12): a loop.
        final byte[] answer = send(HEADER + "c00c" + "001c0001");
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0000" + "0000" + "0000" + "0000"), answer);
        assertStillServing();
    }

    @Test
    void shouldAnswerFormerrWithTheQuestionToACompressionLoopInTheAdditionalSection() throws Exception
    {
        // ARCOUNT 1: a record whose owner points at itself (offset 12 + question length).
        final int self = 12 + QUESTION.length() / 2;
        final String header = "1234" + "0100" + "0001" + "0000" + "0000" + "0001";
        final String pointer = String.format("%04x", 0xC000 | self);
        final byte[] answer = send(header + QUESTION + pointer + "0001" + "0001" + "00000e10" + "0004" + "01020304");
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0001" + "0000" + "0000" + "0000" + QUESTION), answer);
        assertStillServing();
    }

    @Test
    void shouldAnswerFormerrWhenCountsPromiseMoreRecordsThanThereAre() throws Exception
    {
        final String header = "1234" + "0100" + "0001" + "0000" + "0000" + "0002";
        final String opt = "00" + "0029" + "04d0" + "00000000" + "0000";
        final byte[] answer = send(header + QUESTION + opt);
        // The question was read, the OPT too: both echoed (RFC 6891 §7), RCODE FORMERR.
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0001" + "0000" + "0000" + "0001" + QUESTION +
            "00" + "0029" + "04d0" + "00000000" + "0000"), answer);
        assertStillServing();
    }

    @Test
    void shouldAnswerFormerrToTwoQuestions() throws Exception
    {
        final String header = "1234" + "0100" + "0002" + "0000" + "0000" + "0000";
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0000" + "0000" + "0000" + "0000"), send(header + QUESTION + QUESTION));
    }

    @Test
    void shouldAnswerFormerrToALabelTypeThatIsNotPlainOrPointer() throws Exception
    {
        assertArrayEquals(HEX.parseHex("1234" + "8181" + "0000" + "0000" + "0000" + "0000"), send(HEADER + "41ab00" + "001c0001"));
    }

    @Test
    void shouldAnswerNotimpToOtherOpcodes() throws Exception
    {
        final long before = server.total(Dns64Counter.NOTIMP);
        // Opcode 2 (STATUS): flags 0x1100.
        final byte[] answer = send("1234" + "1100" + "0001" + "0000" + "0000" + "0000" + QUESTION);
        assertArrayEquals(HEX.parseHex("1234" + "9184" + "0000" + "0000" + "0000" + "0000"), answer);
        assertEquals(1, server.total(Dns64Counter.NOTIMP) - before);
    }

    @Test
    void shouldAnswerBadversToEdnsVersionOne() throws Exception
    {
        final String header = "1234" + "0100" + "0001" + "0000" + "0000" + "0001";
        final byte[] answer = send(header + QUESTION + "00" + "0029" + "04d0" + "00010000" + "0000");
        // RFC 6891 §6.1.3: extended RCODE 16 = upper bits 1 in the OPT TTL, header RCODE 0.
        assertArrayEquals(HEX.parseHex("1234" + "8180" + "0001" + "0000" + "0000" + "0001" + QUESTION +
            "00" + "0029" + "04d0" + "01000000" + "0000"), answer);
    }

    @Test
    void shouldDropMessagesShorterThanAHeaderAndResponses() throws Exception
    {
        final long shortBefore = server.total(Dns64Counter.DROPPED_SHORT);
        final long responseBefore = server.total(Dns64Counter.DROPPED_RESPONSE);
        assertNull(send("1234010000"));
        assertNull(send("1234" + "8180" + "0001" + "0000" + "0000" + "0000" + QUESTION));
        assertEquals(1, server.total(Dns64Counter.DROPPED_SHORT) - shortBefore);
        assertEquals(1, server.total(Dns64Counter.DROPPED_RESPONSE) - responseBefore);
        assertStillServing();
    }

    @Test
    void shouldSurviveEveryTruncationOfAValidQuery() throws Exception
    {
        final String full = "1234" + "0100" + "0001" + "0000" + "0000" + "0001" + QUESTION + "00002904d000008000" + "0000";
        for (int bytes = 12; bytes < full.length() / 2; bytes++)
        {
            final byte[] answer = send(full.substring(0, bytes * 2));
            assertEquals(Rcode.FORMERR, answer[3] & 0xF, "cut at " + bytes);
        }
        assertEquals(0, server.total(Dns64Counter.INTERNAL_ERRORS));
        assertStillServing();
    }
}
