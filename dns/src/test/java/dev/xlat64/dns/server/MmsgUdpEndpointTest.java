package dev.xlat64.dns.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import dev.xlat64.dns.Dns64Config;
import dev.xlat64.dns.Dns64Counter;
import dev.xlat64.dns.testing.DnsClient;
import dev.xlat64.dns.testing.LabZone;
import dev.xlat64.dns.testing.ZoneServer;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

class MmsgUdpEndpointTest
{
    @Test
    void shouldUseBatchedDatagramCallsOnLinux()
    {
        assertEquals(System.getProperty("os.name").toLowerCase().contains("linux"), Mmsg.available(),
            "recvmmsg/sendmmsg through java.lang.foreign (needs --add-opens java.base/sun.nio.ch)");
    }

    @Test
    void shouldAnswerABurstOfQueriesFromTwoSendersEachToItsOwnAddress() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64Config.builder().prefix("2001:db8:64::/96")
                 .upstream(zone.address()).listen(new InetSocketAddress("127.0.0.1", 0)).build());
             DatagramSocket a = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
             DatagramSocket b = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0)))
        {
            final InetSocketAddress target = server.boundAddresses().get(0);
            // Fill the cache, then fire 2 x 40 queries without waiting: they arrive in batches.
            new DnsClient(target).udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
            for (int id = 0; id < 40; id++)
            {
                for (final DatagramSocket socket : new DatagramSocket[] {a, b})
                {
                    final Message query = DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false);
                    query.getHeader().setID(socket == a ? id : 1000 + id);
                    final byte[] wire = query.toWire();
                    socket.send(new DatagramPacket(wire, wire.length, target));
                }
            }
            for (final DatagramSocket socket : new DatagramSocket[] {a, b})
            {
                socket.setSoTimeout(3000);
                final Set<Integer> ids = new HashSet<>();
                for (int n = 0; n < 40; n++)
                {
                    final byte[] buffer = new byte[4096];
                    final DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                    socket.receive(packet);
                    final Message answer = new Message(Arrays.copyOf(buffer, packet.getLength()));
                    ids.add(answer.getHeader().getID());
                    assertEquals(1, answer.getSection(org.xbill.DNS.Section.ANSWER).size());
                }
                final int base = socket == a ? 0 : 1000;
                for (int id = 0; id < 40; id++)
                {
                    assertTrue(ids.contains(base + id), "answer " + (base + id) + " came back to its sender");
                }
            }
            assertEquals(80, server.total(Dns64Counter.CACHE_HITS));
            assertEquals(0, server.total(Dns64Counter.SEND_FAILED));
        }
    }

    @Test
    void shouldSpreadClientsOverSeveralThreadsEachWithItsOwnCache() throws Exception
    {
        try (ZoneServer zone = new ZoneServer(LabZone.LAB);
             Dns64Server server = Dns64Server.start(Dns64Config.builder().prefix("2001:db8:64::/96").threads(2)
                 .upstream(zone.address()).listen(new InetSocketAddress("127.0.0.1", 0)).build()))
        {
            for (int n = 0; n < 24; n++)
            {
                // A new socket (source port) each time: SO_REUSEPORT hashes them over both threads.
                final Message answer = new DnsClient(server.boundAddresses().get(0))
                    .udp(DnsClient.query("v4only.lab.example.", Type.AAAA, 1232, false, false));
                assertEquals(1, answer.getSection(org.xbill.DNS.Section.ANSWER).size());
            }
            assertEquals(24, server.total(Dns64Counter.RESPONSES));
            final long misses = server.total(Dns64Counter.CACHE_MISSES);
            assertTrue(misses >= 1 && misses <= 2, "one miss per thread at most: " + misses);
            assertEquals(24 - misses, server.total(Dns64Counter.CACHE_HITS));
        }
    }
}
