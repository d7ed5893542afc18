package dev.xlat64.io.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Outputs as iputils ping 20240117 prints them. */
class PingResultTest
{
    @Test
    void shouldReadTheSummaryAndAverageRoundTrip()
    {
        final PingResult result = PingResult.parse("""
            PING 2001:db8:64::c633:640a (2001:db8:64::c633:640a) 56 data bytes
            64 bytes from 2001:db8:64::c633:640a: icmp_seq=1 ttl=63 time=1.21 ms
            64 bytes from 2001:db8:64::c633:640a: icmp_seq=2 ttl=63 time=0.982 ms

            --- 2001:db8:64::c633:640a ping statistics ---
            2 packets transmitted, 2 received, 0% packet loss, time 201ms
            rtt min/avg/max/mdev = 0.982/1.096/1.210/0.114 ms
            """);
        assertEquals(2, result.transmitted());
        assertEquals(2, result.received());
        assertEquals(1.096, result.averageRttMs());
        assertNull(result.error());
    }

    @Test
    void shouldReadAnIcmpErrorAndWhoSentIt()
    {
        final PingResult result = PingResult.parse("""
            PING 2001:db8:64::c633:640a (2001:db8:64::c633:640a) 1452 data bytes
            From 2001:db8:1::1 icmp_seq=1 Packet too big: mtu=1420

            --- 2001:db8:64::c633:640a ping statistics ---
            1 packets transmitted, 0 received, +1 errors, 100% packet loss, time 0ms
            """);
        assertEquals(1, result.transmitted());
        assertEquals(0, result.received());
        assertEquals("2001:db8:1::1", result.errorFrom());
        assertEquals("Packet too big: mtu=1420", result.error());
    }
}
