package dev.xlat64.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import dev.xlat64.core.addr.Ipv4Prefix;
import dev.xlat64.core.addr.Ipv6Prefix;
import dev.xlat64.core.rfc6052.Rfc6052Prefix;
import dev.xlat64.core.rfc7757.EamEntry;
import dev.xlat64.core.rfc7757.EamTable;

class SiitWorkerSelectorTest
{
    private static final int WORKERS = 3;
    private final Ipv6Prefix eam6 = Ipv6Prefix.parse("2001:db8:1::/120");
    private final Ipv4Prefix eam4 = Ipv4Prefix.parse("203.0.113.0/24");
    private final SiitWorkerSelector selector = new SiitWorkerSelector(Rfc6052Prefix.parse("2001:db8:64::/96"),
        new EamTable(List.of(new EamEntry(eam6.high(), eam6.low(), 120, eam4.address(), 24))));

    @Test
    void shouldPutBothDirectionsOfAnEamHostsFlowsOnOneWorker()
    {
        final int[] seen = new int[WORKERS];
        for (int host = 0; host < 256; host++)
        {
            // 6to4 from 2001:db8:1::<host>; the replies 4to6 to 203.0.113.<host>.
            final int out = selector.select6to4(new UnsafeBuffer(
                Frames.ipv6Udp(String.format("20010db80001000000000000000000%02x", host), 0)), 0, WORKERS);
            final int back = selector.select4to6(new UnsafeBuffer(
                Frames.ipv4Udp(String.format("cb0071%02x", host), 0)), 0, WORKERS);
            assertEquals(out, back, "host " + host);
            seen[out]++;
        }
        for (int w = 0; w < WORKERS; w++)
        {
            assertTrue(seen[w] > 40, "worker " + w + " owns " + seen[w] + " of 256 hosts");
        }
    }

    @Test
    void shouldPutBothDirectionsOfAPool6HostsFlowsOnOneWorker()
    {
        // 6to4 from 2001:db8:64::c633:6405 (198.51.100.5 under pool6, e.g. a hairpinned or translated peer).
        final int out = selector.select6to4(new UnsafeBuffer(
            Frames.ipv6Udp("20010db80064000000000000c6336405", 0)), 0, WORKERS);
        final int back = selector.select4to6(new UnsafeBuffer(Frames.ipv4Udp("c6336405", 0)), 0, WORKERS);
        assertEquals(out, back);
    }

    @Test
    void shouldStillPickAStableWorkerForAnUnmappedSource()
    {
        final UnsafeBuffer packet = new UnsafeBuffer(Frames.ipv6Udp("20010db8999900000000000000000001", 0));
        final int first = selector.select6to4(packet, 0, WORKERS);
        assertEquals(first, selector.select6to4(packet, 0, WORKERS));
        assertTrue(first >= 0 && first < WORKERS);
    }
}
