package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class DigResultTest
{
    @Test
    void shouldReadTheStatusAndTheAnswerRecordsOfDig918()
    {
        final DigResult result = DigResult.parse("""
            ;; Got answer:
            ;; ->>HEADER<<- opcode: QUERY, status: NOERROR, id: 40271
            ;; flags: qr rd ra; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1

            ;; OPT PSEUDOSECTION:
            ; EDNS: version: 0, flags:; udp: 1232
            ;; ANSWER SECTION:
            server.lab.example.\t300\tIN\tAAAA\t2001:db8:64::c633:640a
            """);

        assertEquals("NOERROR", result.status());
        assertEquals(List.of(new DigResult.Record("server.lab.example.", 300, "AAAA", "2001:db8:64::c633:640a")),
            result.answers());
        assertEquals("2001:db8:64::c633:640a", result.first("AAAA"));
        assertNull(result.first("PTR"));
    }

    @Test
    void shouldReadNxdomainWithoutAnswers()
    {
        final DigResult result = DigResult.parse("""
            ;; Got answer:
            ;; ->>HEADER<<- opcode: QUERY, status: NXDOMAIN, id: 5
            ;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 1, ADDITIONAL: 1
            """);

        assertEquals("NXDOMAIN", result.status());
        assertEquals(List.of(), result.answers());
    }

    @Test
    void shouldHaveNoStatusWhenNoAnswerCame()
    {
        final DigResult result = DigResult.parse(";; communications error to 2001:db8:1::1#53: timed out\n" +
            ";; no servers could be reached\n");

        assertNull(result.status());
        assertEquals(List.of(), result.answers());
    }
}
