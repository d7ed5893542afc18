package dev.xlat64.core.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

class AddressHashWorkerSelectorTest
{
    private final AddressHashWorkerSelector selector = new AddressHashWorkerSelector();

    @Test
    void shouldPickTheSameWorkerForTheSameIpv6SourceWhateverTheOtherFields()
    {
        final UnsafeBuffer a = new UnsafeBuffer(Frames.ipv6Udp("20010db8000100000000000000000002", 10));
        final UnsafeBuffer b = new UnsafeBuffer(Frames.ipv6Udp("20010db8000100000000000000000002", 99));
        b.putByte(7, (byte)1); // another hop limit
        assertEquals(selector.select6to4(a, 0, 4), selector.select6to4(b, 0, 4));
    }

    @Test
    void shouldSpreadSourcesOverAllWorkersAndStayInRange()
    {
        final int workers = 3;
        final int[] seen6 = new int[workers];
        final int[] seen4 = new int[workers];
        for (int i = 0; i < 300; i++)
        {
            seen6[selector.select6to4(new UnsafeBuffer(
                Frames.ipv6Udp(String.format("20010db80001000000000000%08x", i), 0)), 0, workers)]++;
            seen4[selector.select4to6(new UnsafeBuffer(Frames.ipv4Udp(String.format("cb00%04x", i), 0)), 0, workers)]++;
        }
        for (int w = 0; w < workers; w++)
        {
            assertTrue(seen6[w] > 60, "worker " + w + " got " + seen6[w] + " of 300 IPv6 sources");
            assertTrue(seen4[w] > 60, "worker " + w + " got " + seen4[w] + " of 300 IPv4 destinations");
        }
    }

    @Test
    void shouldAlwaysPickWorkerZeroOfOne()
    {
        assertEquals(0, selector.select4to6(new UnsafeBuffer(Frames.ipv4Udp("cb007102", 0)), 0, 1));
    }
}
